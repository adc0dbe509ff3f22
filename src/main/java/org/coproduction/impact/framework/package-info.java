/**
 * The organisation's co-production impact framework: its own words for what impact, outcomes and
 * activities mean, its definition and principles of co-production, equity, diversity and inclusion,
 * and how teams use pathways to impact and outcomes assessment plans, written section by section
 * after SCIE's suggested structure. Reviewed every year: versions are kept, published versions are
 * frozen, and any two can be compared. Shared as a page, an accessible PDF, a Word file and an
 * easy-read summary.
 */
@ApplicationModule(displayName = "Framework", allowedDependencies = {"shared", "organisation"})
@NullMarked
package org.coproduction.impact.framework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
