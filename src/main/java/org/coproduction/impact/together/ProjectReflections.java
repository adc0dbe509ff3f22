package org.coproduction.impact.together;

import java.util.List;
import org.coproduction.impact.pathway.Activity;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Project;

/**
 * A project's reflections as one person may see them, with what they can be tagged to.
 *
 * @param notShared how many reflections this person cannot read because their writers have not agreed
 *     to share them for learning (0 for facilitators, who read them all, as with recorded items)
 * @param voices the recordings this person may play, by reflection id (the media module decides:
 *     facilitators and admins every one, a member their own)
 */
public record ProjectReflections(Project project, List<Activity> activities, List<Outcome> outcomes, List<Reflection> reflections,
        int notShared, boolean canSeeNames, java.util.Map<java.util.UUID, org.coproduction.impact.media.MediaFile> voices) {

    public ProjectReflections {
        activities = List.copyOf(activities);
        outcomes = List.copyOf(outcomes);
        reflections = List.copyOf(reflections);
        voices = java.util.Map.copyOf(voices);
    }

    /** The recording of this reflection, if there is one this person may play. */
    public org.coproduction.impact.media.@org.jspecify.annotations.Nullable MediaFile voice(java.util.UUID reflectionId) {
        return voices.get(reflectionId);
    }

    public String activityTitle(java.util.UUID activityId) {
        return activities.stream().filter(a -> a.id().equals(activityId)).map(Activity::title).findFirst().orElse("");
    }

    public String outcomeTitle(java.util.UUID outcomeId) {
        return outcomes.stream().filter(o -> o.id().equals(outcomeId)).map(Outcome::title).findFirst().orElse("");
    }
}
