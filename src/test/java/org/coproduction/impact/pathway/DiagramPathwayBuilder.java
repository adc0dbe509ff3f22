package org.coproduction.impact.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Pathways for tests, written the way a group would say them: outcomes and activities are named by
 * their titles, and links between them are made by title too.
 *
 * <pre>{@code
 * aPathway()
 *     .withOutcome(Term.SHORT, "Steering group formed")
 *     .withOutcome(Term.LONG, "The centre meets people’s needs")
 *     .link("Steering group formed", "The centre meets people’s needs")
 *     .leadsToImpact("The centre meets people’s needs")
 *     .withActivity("Monthly group meeting", "Steering group formed")
 *     .build();
 * }</pre>
 */
final class DiagramPathwayBuilder {

    private @Nullable String problem = "People have nowhere to go to make friends.";
    private @Nullable String projectImpact = "A day centre for people with learning disabilities";
    private @Nullable String coproductionImpact = "The day centre is how people want it to be";
    private final Map<String, OutcomeDraft> outcomes = new LinkedHashMap<>();
    private final Map<String, ActivityDraft> activities = new LinkedHashMap<>();
    private final UUID id;

    private DiagramPathwayBuilder(UUID id) {
        this.id = id;
    }

    static DiagramPathwayBuilder aPathway() {
        return new DiagramPathwayBuilder(UUID.randomUUID());
    }

    /** With a fixed id, for comparing two drawings of the same pathway. */
    static DiagramPathwayBuilder aPathway(UUID id) {
        return new DiagramPathwayBuilder(id);
    }

    DiagramPathwayBuilder withImpact(@Nullable String project, @Nullable String coproduction) {
        this.projectImpact = project;
        this.coproductionImpact = coproduction;
        return this;
    }

    DiagramPathwayBuilder withoutProblemOrImpact() {
        this.problem = null;
        return withImpact(null, null);
    }

    DiagramPathwayBuilder withOutcome(Term term, String title) {
        outcomes.put(title, new OutcomeDraft(UUID.randomUUID(), title, term));
        return this;
    }

    DiagramPathwayBuilder withActivity(String title, String... outcomeTitles) {
        ActivityDraft activity = new ActivityDraft(UUID.randomUUID(), title);
        activity.outcomes.addAll(List.of(outcomeTitles));
        activities.put(title, activity);
        return this;
    }

    DiagramPathwayBuilder link(String from, String to) {
        outcome(from).leadsTo.add(to);
        return this;
    }

    DiagramPathwayBuilder leadsToImpact(String outcomeTitle) {
        outcome(outcomeTitle).leadsToImpact = true;
        return this;
    }

    /** Archives an outcome or an activity, keeping its links (as removing one does). */
    DiagramPathwayBuilder archived(String title) {
        if (outcomes.containsKey(title)) {
            outcome(title).archived = true;
        } else if (activities.containsKey(title)) {
            activities.get(title).archived = true;
        } else {
            throw new IllegalArgumentException("No outcome or activity called " + title);
        }
        return this;
    }

    Pathway build() {
        List<Outcome> builtOutcomes = new ArrayList<>();
        int position = 1;
        for (OutcomeDraft o : outcomes.values()) {
            List<UUID> leadsTo = o.leadsTo.stream().map(t -> outcome(t).id).toList();
            builtOutcomes.add(new Outcome(o.id, o.title, o.term, o.leadsToImpact, leadsTo, null, position++, o.archived));
        }
        List<Activity> builtActivities = new ArrayList<>();
        position = 1;
        for (ActivityDraft a : activities.values()) {
            List<UUID> to = a.outcomes.stream().map(t -> outcome(t).id).toList();
            builtActivities.add(new Activity(a.id, a.title, ActivityKind.MEETING, null, to, position++, a.archived));
        }
        return new Pathway(id, UUID.randomUUID(), problem, projectImpact, coproductionImpact, 1,
                builtOutcomes, builtActivities, List.of());
    }

    private OutcomeDraft outcome(String title) {
        OutcomeDraft o = outcomes.get(title);
        if (o == null) {
            throw new IllegalArgumentException("No outcome called " + title + "; add it first");
        }
        return o;
    }

    private static final class OutcomeDraft {
        final UUID id;
        final String title;
        final Term term;
        final List<String> leadsTo = new ArrayList<>();
        boolean leadsToImpact;
        boolean archived;

        OutcomeDraft(UUID id, String title, Term term) {
            this.id = id;
            this.title = title;
            this.term = term;
        }
    }

    private static final class ActivityDraft {
        final UUID id;
        final String title;
        final List<String> outcomes = new ArrayList<>();
        boolean archived;

        ActivityDraft(UUID id, String title) {
            this.id = id;
            this.title = title;
        }
    }
}
