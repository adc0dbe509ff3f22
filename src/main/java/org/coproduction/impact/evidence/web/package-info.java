@NullMarked
package org.coproduction.impact.evidence.web;

import org.jspecify.annotations.NullMarked;
