/**
 * How well we worked together (issue 12): reflections by members and staff (what went well, what did
 * not, what we would change), each with its writer's consent for every use, and read by coverage and
 * reports as people's voices through {@link org.coproduction.impact.evidence.CollectedEvidence}.
 * Nothing depends on this module; it uses the public services of the pathway.
 */
@ApplicationModule(displayName = "How we worked together", allowedDependencies = {"shared", "evidence", "pathway"})
@NullMarked
package org.coproduction.impact.together;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
