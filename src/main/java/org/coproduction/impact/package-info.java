/**
 * Co-production Impact: helps organisations show, with evidence, what difference co-production
 * makes, following the Social Care Institute for Excellence's method.
 */
@NullMarked
package org.coproduction.impact;

import org.jspecify.annotations.NullMarked;
