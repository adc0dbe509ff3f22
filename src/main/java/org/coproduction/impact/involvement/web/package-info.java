/** The pages of who took part: the comparison, importing the local profile, a member's own profile. */
@NullMarked
package org.coproduction.impact.involvement.web;

import org.jspecify.annotations.NullMarked;
