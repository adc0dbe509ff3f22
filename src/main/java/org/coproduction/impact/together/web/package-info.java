/** Pages for reflections. */
@NullMarked
package org.coproduction.impact.together.web;

import org.jspecify.annotations.NullMarked;
