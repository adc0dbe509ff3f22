/**
 * How well we worked together (issue 12): reflections by members and staff (what went well, what did
 * not, what we would change), each with its writer's consent for every use, and read by coverage and
 * reports as people's voices through {@link org.coproduction.impact.evidence.CollectedEvidence}.
 * Lessons learned per project, searchable across the organisation, and the co-production
 * self-assessment (the four principles and the ladder of co-production, members beside staff, weak
 * areas turned into tracker tasks). A reflection may be spoken: the recording is kept by the media
 * module, with its checks. Nothing depends on this module; it uses the public services of
 * the pathway and the tracker.
 */
@ApplicationModule(displayName = "How we worked together", allowedDependencies = {"shared", "evidence", "pathway", "tracker", "assessment", "report", "media"})
@NullMarked
package org.coproduction.impact.together;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
