/**
 * Outcomes assessment plans: for each outcome in a project's pathway, which evidence will show it
 * (type and form of evidence), how it will be collected (from the organisation's list of ways),
 * and what the group says success will look like, in its own words. Suggestions come from real-life
 * examples; a hint asks for a second type of evidence where an outcome relies on one.
 */
@ApplicationModule(displayName = "Assessment plans", allowedDependencies = {"shared", "organisation", "evidence", "pathway"})
@NullMarked
package org.coproduction.impact.plan;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
