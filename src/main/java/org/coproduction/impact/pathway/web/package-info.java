@NullMarked
package org.coproduction.impact.pathway.web;

import org.jspecify.annotations.NullMarked;
