/**
 * Outcome reviews: saying, with the group, what changed and on what evidence. A project holds review
 * rounds, each looking at some of its outcomes. For each outcome the evidence is summarised from
 * what the other modules hold (plan rows, form answers, data, recorded items with consent, tasks
 * done), members give their own view first, and the facilitator records the judgement agreed with
 * the group, with its reasons and what happens next. Closed rounds are kept, so progress over time
 * can be read. A member may say their view as well as type it: the recording is kept by the media
 * module, with its checks. Reports (a later module) start from a closed round.
 */
@ApplicationModule(displayName = "Outcome reviews",
        allowedDependencies = {"shared", "organisation", "evidence", "pathway", "plan", "form", "record", "measure", "tracker", "media"})
@NullMarked
package org.coproduction.impact.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
