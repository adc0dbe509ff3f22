/**
 * The organisation search: one box for admins and facilitators that finds projects, outcomes, recorded
 * items, forms and published reports of the signed-in organisation by their words (PostgreSQL full-text
 * search). Each module finds its own things through a {@link org.coproduction.impact.shared.search.SearchSource};
 * this module only asks them all, keeps the best 50 and shows them.
 */
@ApplicationModule(displayName = "Search", allowedDependencies = {"shared"})
@NullMarked
package org.coproduction.impact.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
