package org.coproduction.impact.pathway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a pathway's logic and says, in plain words, what to look at: is there a problem and an
 * impact, does every outcome lead somewhere and have activities, do the outcomes add up to the
 * impact without going round in circles, and can every outcome be checked.
 */
public final class LogicCheck {

    static final List<LogicRule> RULES = List.of(
            new ProblemIsStated(),
            new ImpactIsStated(),
            new ImpactHasOutcomes(),
            new NoCycles(),
            new EveryOutcomeLeadsSomewhere(),
            new LongTermOutcomesReachTheImpact(),
            new OutcomesFollowInSequence(),
            new EveryOutcomeHasActivities(),
            new EveryActivityHasAnOutcome(),
            new EveryOutcomeCanBeChecked());

    private LogicCheck() {}

    /**
     * The findings for a pathway. {@code checkableOutcomes} are the outcomes that have a way to
     * check them; {@code base} is the pathway's address, for the links to fix each finding.
     */
    public static List<Finding> check(Pathway pathway, Set<UUID> checkableOutcomes, String base) {
        LogicRule.Subject subject = new LogicRule.Subject(pathway, checkableOutcomes, base);
        List<Finding> findings = new ArrayList<>();
        for (LogicRule rule : RULES) {
            findings.addAll(rule.findings(subject));
        }
        return findings;
    }

    static final class ProblemIsStated implements LogicRule {
        @Override
        public List<Finding> findings(Subject s) {
            return Pathway.blank(s.pathway().problem())
                    ? List.of(new Finding("problem-missing", "pathway.check.problem-missing", List.of(), s.stepHref("problem")))
                    : List.of();
        }
    }

    static final class ImpactIsStated implements LogicRule {
        @Override
        public List<Finding> findings(Subject s) {
            List<Finding> findings = new ArrayList<>();
            if (Pathway.blank(s.pathway().projectImpact())) {
                findings.add(new Finding("project-impact-missing", "pathway.check.project-impact-missing", List.of(), s.stepHref("impact")));
            }
            if (Pathway.blank(s.pathway().coproductionImpact())) {
                findings.add(new Finding("coproduction-impact-missing", "pathway.check.coproduction-impact-missing", List.of(), s.stepHref("impact")));
            }
            return findings;
        }
    }

    static final class ImpactHasOutcomes implements LogicRule {
        @Override
        public List<Finding> findings(Subject s) {
            return s.pathway().leadingToImpact().isEmpty()
                    ? List.of(new Finding("impact-without-outcomes", "pathway.check.impact-without-outcomes", List.of(), s.stepHref("long-term")))
                    : List.of();
        }
    }

    static final class EveryOutcomeLeadsSomewhere implements LogicRule {
        @Override
        public List<Finding> findings(Subject s) {
            Set<UUID> current = currentIds(s.pathway());
            List<Finding> findings = new ArrayList<>();
            for (Outcome o : s.pathway().currentOutcomes()) {
                boolean leads = o.leadsToImpact() || o.leadsTo().stream().anyMatch(current::contains);
                if (!leads) {
                    findings.add(new Finding("outcome-leads-nowhere", "pathway.check.outcome-leads-nowhere", List.of(o.title()), s.outcomeHref(o.id())));
                }
            }
            return findings;
        }
    }

    static final class LongTermOutcomesReachTheImpact implements LogicRule {
        @Override
        public List<Finding> findings(Subject s) {
            Set<UUID> reaching = reachingImpact(s.pathway());
            List<Finding> findings = new ArrayList<>();
            for (Outcome o : s.pathway().currentOutcomes(Term.LONG)) {
                boolean leadsSomewhere = o.leadsToImpact() || !o.leadsTo().isEmpty();
                // An outcome leading nowhere at all is already reported; this is about ones that lead elsewhere.
                if (leadsSomewhere && !reaching.contains(o.id())) {
                    findings.add(new Finding("long-term-misses-impact", "pathway.check.long-term-misses-impact", List.of(o.title()), s.outcomeHref(o.id())));
                }
            }
            return findings;
        }
    }

    static final class OutcomesFollowInSequence implements LogicRule {
        @Override
        public List<Finding> findings(Subject s) {
            Map<UUID, Outcome> byId = s.pathway().outcomesById();
            List<Finding> findings = new ArrayList<>();
            for (Outcome from : s.pathway().currentOutcomes()) {
                for (UUID toId : from.leadsTo()) {
                    Outcome to = byId.get(toId);
                    if (to != null && !to.archived() && from.term().isAfter(to.term())) {
                        findings.add(new Finding("outcome-out-of-sequence", "pathway.check.outcome-out-of-sequence",
                                List.of(from.title(), to.title()), s.outcomeHref(from.id())));
                    }
                }
            }
            return findings;
        }
    }

    static final class NoCycles implements LogicRule {
        @Override
        public List<Finding> findings(Subject s) {
            List<Finding> findings = new ArrayList<>();
            for (List<UUID> cycle : cycles(s.pathway())) {
                Map<UUID, Outcome> byId = s.pathway().outcomesById();
                List<String> titles = cycle.stream().map(id -> byId.get(id).title()).toList();
                findings.add(new Finding("cycle", "pathway.check.cycle", List.of(String.join(" → ", titles) + " → " + titles.get(0)),
                        s.outcomeHref(cycle.get(0))));
            }
            return findings;
        }
    }

    /**
     * Every outcome is reached by some activity: directly, or through earlier outcomes that an
     * activity leads to (backwards mapping builds exactly this chain: one activity, a short-term
     * outcome, and the medium- and long-term outcomes it leads to). Only outcomes that no activity
     * reaches at all are findings.
     */
    static final class EveryOutcomeHasActivities implements LogicRule {
        @Override
        public List<Finding> findings(Subject s) {
            Set<UUID> reached = reachedByActivities(s.pathway());
            List<Finding> findings = new ArrayList<>();
            for (Outcome o : s.pathway().currentOutcomes()) {
                if (!reached.contains(o.id())) {
                    findings.add(new Finding("outcome-without-activities", "pathway.check.outcome-without-activities",
                            List.of(o.title()), s.stepHref("activities") + "#outcome-" + o.id()));
                }
            }
            return findings;
        }
    }

    static final class EveryActivityHasAnOutcome implements LogicRule {
        @Override
        public List<Finding> findings(Subject s) {
            Set<UUID> current = currentIds(s.pathway());
            List<Finding> findings = new ArrayList<>();
            for (Activity a : s.pathway().currentActivities()) {
                if (a.outcomeIds().stream().noneMatch(current::contains)) {
                    findings.add(new Finding("activity-without-outcome", "pathway.check.activity-without-outcome",
                            List.of(a.title()), s.activityHref(a.id())));
                }
            }
            return findings;
        }
    }

    static final class EveryOutcomeCanBeChecked implements LogicRule {
        @Override
        public List<Finding> findings(Subject s) {
            List<Finding> findings = new ArrayList<>();
            for (Outcome o : s.pathway().currentOutcomes()) {
                if (!s.checkableOutcomes().contains(o.id())) {
                    findings.add(new Finding("outcome-unchecked", "pathway.check.outcome-unchecked", List.of(o.title()), s.outcomeHref(o.id())));
                }
            }
            return findings;
        }
    }

    private static Set<UUID> currentIds(Pathway p) {
        Set<UUID> ids = new HashSet<>();
        p.currentOutcomes().forEach(o -> ids.add(o.id()));
        return ids;
    }

    /** Current outcomes from which the impact can be reached by following "leads to" links. */
    /**
     * The current outcomes an activity leads to, directly or along "leads to" links between current
     * outcomes (archived outcomes and activities break the chain).
     */
    static Set<UUID> reachedByActivities(Pathway pathway) {
        Map<UUID, Outcome> current = new HashMap<>();
        pathway.currentOutcomes().forEach(o -> current.put(o.id(), o));
        Set<UUID> reached = new HashSet<>();
        Deque<UUID> next = new ArrayDeque<>();
        for (Activity a : pathway.currentActivities()) {
            a.outcomeIds().stream().filter(current::containsKey).forEach(next::add);
        }
        while (!next.isEmpty()) {
            UUID id = next.pop();
            if (reached.add(id)) {
                current.get(id).leadsTo().stream().filter(current::containsKey).filter(to -> !reached.contains(to)).forEach(next::add);
            }
        }
        return reached;
    }

    static Set<UUID> reachingImpact(Pathway p) {
        Map<UUID, List<UUID>> leadsFrom = new HashMap<>();
        Set<UUID> current = currentIds(p);
        for (Outcome o : p.currentOutcomes()) {
            for (UUID to : o.leadsTo()) {
                if (current.contains(to)) {
                    leadsFrom.computeIfAbsent(to, k -> new ArrayList<>()).add(o.id());
                }
            }
        }
        Set<UUID> reaching = new HashSet<>();
        Deque<UUID> queue = new ArrayDeque<>();
        p.leadingToImpact().forEach(o -> {
            reaching.add(o.id());
            queue.add(o.id());
        });
        while (!queue.isEmpty()) {
            for (UUID earlier : leadsFrom.getOrDefault(queue.poll(), List.of())) {
                if (reaching.add(earlier)) {
                    queue.add(earlier);
                }
            }
        }
        return reaching;
    }

    /** Each loop among current outcomes once, as the outcomes on it in order. */
    static List<List<UUID>> cycles(Pathway p) {
        Set<UUID> current = currentIds(p);
        Map<UUID, List<UUID>> next = new HashMap<>();
        for (Outcome o : p.currentOutcomes()) {
            next.put(o.id(), o.leadsTo().stream().filter(current::contains).toList());
        }
        List<List<UUID>> cycles = new ArrayList<>();
        Set<Set<UUID>> seen = new HashSet<>();
        Map<UUID, Integer> state = new HashMap<>();
        for (Outcome o : p.currentOutcomes()) {
            findCycles(o.id(), next, state, new ArrayList<>(), cycles, seen);
        }
        return cycles;
    }

    private static void findCycles(UUID node, Map<UUID, List<UUID>> next, Map<UUID, Integer> state,
            List<UUID> path, List<List<UUID>> cycles, Set<Set<UUID>> seen) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            List<UUID> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            if (seen.add(new LinkedHashSet<>(cycle))) {
                cycles.add(cycle);
            }
            return;
        }
        state.put(node, 1);
        path.add(node);
        for (UUID to : next.getOrDefault(node, List.of())) {
            findCycles(to, next, state, path, cycles, seen);
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
    }

    /** Whether linking {@code from} to {@code to} would close a loop (so the link is refused). */
    public static boolean wouldCreateCycle(Pathway p, UUID from, UUID to) {
        if (from.equals(to)) {
            return true;
        }
        Map<UUID, Outcome> byId = p.outcomesById();
        Deque<UUID> queue = new ArrayDeque<>(List.of(to));
        Set<UUID> visited = new HashSet<>();
        while (!queue.isEmpty()) {
            UUID id = queue.poll();
            if (id.equals(from)) {
                return true;
            }
            Outcome o = byId.get(id);
            if (o != null && !o.archived() && visited.add(id)) {
                queue.addAll(o.leadsTo());
            }
        }
        return false;
    }
}
