/**
 * Recorded evidence: activities with their attendance (and the reach they add up to over time),
 * people's voices (informal comments formally recorded, quotes, interview and group-discussion notes,
 * diary and log entries) and case studies, each tagged to outcomes, plan rows and free themes, with
 * the consent of the people they show or quote. Members may add their own comments and diary entries
 * when the facilitator allows it; viewers see only what a facilitator has published. Read by coverage
 * and reports through {@link org.coproduction.impact.evidence.CollectedEvidence}. Staff see what an
 * activity's people need (from {@code involvement}'s access needs) when recording it and on its page.
 */
@ApplicationModule(displayName = "Recorded evidence", allowedDependencies = {"shared", "organisation", "evidence", "pathway", "plan", "media", "involvement"})
@NullMarked
package org.coproduction.impact.record;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
