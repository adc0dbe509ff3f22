@NullMarked
package org.coproduction.impact.organisation.web;

import org.jspecify.annotations.NullMarked;
