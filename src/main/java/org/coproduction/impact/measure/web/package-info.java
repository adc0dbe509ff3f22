@NullMarked
package org.coproduction.impact.measure.web;

import org.jspecify.annotations.NullMarked;
