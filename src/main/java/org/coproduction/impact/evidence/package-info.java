/**
 * Ways of collecting evidence: the organisation's own, co-produced list, started from SCIE's five
 * types of evidence (quantitative; people's voices; people's ratings; tasks completed; evaluation and
 * progress reports) with their ways of collecting and examples. Also the review of what the
 * organisation already collects, so new ways build on existing ways of working and fill real gaps.
 */
@ApplicationModule(displayName = "Ways of collecting evidence", allowedDependencies = {"shared", "organisation"})
@NullMarked
package org.coproduction.impact.evidence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
