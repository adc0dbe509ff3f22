package org.coproduction.impact.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds pathways for tests: {@code aPathway().withOutcome("More people use the centre", LONG).leadingToImpact()}. */
final class PathwayBuilder {

    private String problem = "People have nowhere to go";
    private String projectImpact = "A day centre";
    private String coproductionImpact = "The centre is how people want it";
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private final List<Activity> activities = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();
    private String last;

    static PathwayBuilder aPathway() {
        return new PathwayBuilder();
    }

    PathwayBuilder withoutProblem() {
        problem = null;
        return this;
    }

    PathwayBuilder withoutImpact() {
        projectImpact = null;
        coproductionImpact = " ";
        return this;
    }

    PathwayBuilder withOutcome(String title, Term term) {
        outcomes.put(title, new Outcome(UUID.nameUUIDFromBytes(title.getBytes()), title, term, false, List.of(),
                "We will ask people", outcomes.size() + 1, false));
        last = title;
        return this;
    }

    PathwayBuilder leadingToImpact() {
        Outcome o = outcomes.get(last);
        outcomes.put(last, new Outcome(o.id(), o.title(), o.term(), true, o.leadsTo(), o.howWeWillKnow(), o.position(), o.archived()));
        return this;
    }

    PathwayBuilder leadingTo(String later) {
        Outcome o = outcomes.get(last);
        List<UUID> to = new ArrayList<>(o.leadsTo());
        to.add(id(later));
        outcomes.put(last, new Outcome(o.id(), o.title(), o.term(), o.leadsToImpact(), to, o.howWeWillKnow(), o.position(), o.archived()));
        return this;
    }

    PathwayBuilder uncheckable() {
        Outcome o = outcomes.get(last);
        outcomes.put(last, new Outcome(o.id(), o.title(), o.term(), o.leadsToImpact(), o.leadsTo(), null, o.position(), o.archived()));
        return this;
    }

    PathwayBuilder archived() {
        Outcome o = outcomes.get(last);
        outcomes.put(last, new Outcome(o.id(), o.title(), o.term(), o.leadsToImpact(), o.leadsTo(), o.howWeWillKnow(), o.position(), true));
        return this;
    }

    PathwayBuilder withActivity(String title, String... outcomeTitles) {
        activities.add(new Activity(UUID.nameUUIDFromBytes(("a:" + title).getBytes()), title, ActivityKind.MEETING, "Everyone",
                java.util.Arrays.stream(outcomeTitles).map(PathwayBuilder::id).toList(), activities.size() + 1, false));
        return this;
    }

    /** Every current outcome so far gets an activity, so tests can focus on one rule. */
    PathwayBuilder withActivitiesForAll() {
        outcomes.values().stream().filter(o -> !o.archived()).map(Outcome::title).toList()
                .forEach(t -> withActivity("Work on " + t, t));
        return this;
    }

    static UUID id(String title) {
        return UUID.nameUUIDFromBytes(title.getBytes());
    }

    Pathway build() {
        return new Pathway(UUID.randomUUID(), UUID.randomUUID(), problem, projectImpact, coproductionImpact, 0,
                List.copyOf(outcomes.values()), activities, statements);
    }
}
