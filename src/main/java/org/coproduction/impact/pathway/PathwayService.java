package org.coproduction.impact.pathway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes pathways. Every change names the version it was made on: if someone else saved
 * in between, nothing changes and the caller gets the current pathway to show both versions. Each
 * saved change is kept as a revision (who, when, what, and the whole pathway after it).
 */
@Service
public class PathwayService {

    private final ProjectService projects;
    private final PathwayRepository pathways;
    private final RevisionRepository revisions;
    private final List<CheckableOutcomes> checkSources;
    private final MessageSource messages;
    private final AuditLog audit;

    PathwayService(ProjectService projects, PathwayRepository pathways, RevisionRepository revisions,
            List<CheckableOutcomes> checkSources, MessageSource messages, AuditLog audit) {
        this.projects = projects;
        this.pathways = pathways;
        this.revisions = revisions;
        this.checkSources = checkSources;
        this.messages = messages;
        this.audit = audit;
    }

    /** The project's pathway, if this person may see the project. */
    public Pathway pathway(Tenant tenant, UUID projectId) {
        projects.project(tenant, projectId);
        return pathways.findByProject(tenant.organisationId(), projectId).orElseThrow(() -> new NotFoundException("pathway"));
    }

    /**
     * The pathways of projects this person was shown (each taken from {@link ProjectService}, which
     * checks who may see it), by project, read together.
     */
    public Map<UUID, Pathway> pathways(Tenant tenant, Collection<Project> shown) {
        return pathways.findByProjects(tenant.organisationId(), shown.stream().map(Project::id).toList());
    }

    public static String base(UUID projectId) {
        return "/projects/" + projectId + "/pathway";
    }

    /** The pathway's logic findings, in plain words, each with a link to fix it. */
    public List<Finding> findings(Tenant tenant, Pathway pathway) {
        return LogicCheck.check(pathway, checkable(tenant.organisationId(), pathway), base(pathway.projectId()));
    }

    private Set<UUID> checkable(OrganisationId org, Pathway pathway) {
        Set<UUID> ids = new HashSet<>();
        pathway.currentOutcomes().stream()
                .filter(o -> o.howWeWillKnow() != null && !o.howWeWillKnow().isBlank())
                .forEach(o -> ids.add(o.id()));
        for (CheckableOutcomes source : checkSources) {
            ids.addAll(source.checkable(org, pathway));
        }
        return ids;
    }

    // Problem and impact

    @Transactional
    public EditResult saveProblemAndImpact(Tenant tenant, UUID projectId, int version,
            @Nullable String problem, @Nullable String projectImpact, @Nullable String coproductionImpact) {
        return edit(tenant, projectId, version, p -> null, p -> {
            pathways.setProblemAndImpact(tenant.organisationId(), p.id(), clean(problem), clean(projectImpact), clean(coproductionImpact));
            return new Saved(null, text("pathway.revision.problem-impact"));
        });
    }

    // Outcomes

    /** What an outcome should say and where it leads. */
    public record OutcomeDraft(String title, Term term, boolean leadsToImpact, Collection<UUID> leadsTo, @Nullable String howWeWillKnow) {}

    @Transactional
    public EditResult addOutcome(Tenant tenant, UUID projectId, int version, OutcomeDraft draft) {
        return edit(tenant, projectId, version, p -> {
            if (p.currentOutcomes().size() >= PathwayLimits.MAX_OUTCOMES) {
                return refused("title", "pathway.outcome.too-many", PathwayLimits.MAX_OUTCOMES);
            }
            return checkLinks(p, null, draft.leadsTo());
        }, p -> {
            UUID id = pathways.addOutcome(tenant.organisationId(), p.id(), draft.title().strip(), draft.term(),
                    draft.leadsToImpact(), clean(draft.howWeWillKnow()));
            for (UUID to : currentTargets(p, draft.leadsTo())) {
                pathways.addLink(tenant.organisationId(), p.id(), id, to);
            }
            return new Saved(id, text("pathway.revision.outcome-added", draft.title().strip()));
        });
    }

    @Transactional
    public EditResult updateOutcome(Tenant tenant, UUID projectId, UUID outcomeId, int version, OutcomeDraft draft) {
        return edit(tenant, projectId, version, p -> {
            current(p.outcome(outcomeId).filter(o -> !o.archived()));
            return checkLinks(p, outcomeId, draft.leadsTo());
        }, p -> {
            pathways.updateOutcome(tenant.organisationId(), outcomeId, draft.title().strip(), draft.term(),
                    draft.leadsToImpact(), clean(draft.howWeWillKnow()));
            // Links to archived outcomes are kept (the form only offers current ones), so putting an
            // archived outcome back restores the pathway as it was.
            Set<UUID> links = new LinkedHashSet<>(currentTargets(p, draft.leadsTo()));
            p.outcome(outcomeId).get().leadsTo().stream()
                    .filter(id -> p.outcome(id).map(Outcome::archived).orElse(false))
                    .forEach(links::add);
            pathways.setLinks(tenant.organisationId(), p.id(), outcomeId, links);
            return new Saved(outcomeId, text("pathway.revision.outcome-changed", draft.title().strip()));
        });
    }

    /** Links an earlier outcome to a later one (used while mapping backwards). */
    @Transactional
    public EditResult addEarlierOutcome(Tenant tenant, UUID projectId, int version, UUID laterOutcomeId, String title, Term term) {
        return addOutcome(tenant, projectId, version, new OutcomeDraft(title, term, false, List.of(laterOutcomeId), null));
    }

    /** Archives an outcome: it leaves the pathway, but anything linked to it keeps the link. */
    @Transactional
    public EditResult removeOutcome(Tenant tenant, UUID projectId, UUID outcomeId, int version) {
        return edit(tenant, projectId, version, p -> {
            current(p.outcome(outcomeId).filter(o -> !o.archived()));
            return null;
        }, p -> {
            pathways.archive(tenant.organisationId(), "outcome", outcomeId);
            return new Saved(outcomeId, text("pathway.revision.outcome-removed", p.outcomeTitle(outcomeId)));
        });
    }

    @Transactional
    public EditResult restoreOutcome(Tenant tenant, UUID projectId, UUID outcomeId, int version) {
        return edit(tenant, projectId, version, p -> {
            current(p.outcome(outcomeId).filter(Outcome::archived));
            return p.currentOutcomes().size() >= PathwayLimits.MAX_OUTCOMES
                    ? refused("title", "pathway.outcome.too-many", PathwayLimits.MAX_OUTCOMES)
                    : null;
        }, p -> {
            pathways.restore(tenant.organisationId(), "outcome", outcomeId);
            return new Saved(outcomeId, text("pathway.revision.outcome-restored", p.outcomeTitle(outcomeId)));
        });
    }

    @Transactional
    public EditResult moveOutcome(Tenant tenant, UUID projectId, UUID outcomeId, int version, boolean up) {
        return edit(tenant, projectId, version, p -> {
            current(p.outcome(outcomeId).filter(o -> !o.archived()));
            return null;
        }, p -> {
            List<UUID> order = new ArrayList<>(p.outcomes().stream().map(Outcome::id).toList());
            move(order, outcomeId, up, id -> p.outcome(id).map(o -> !o.archived() && o.term() == p.outcome(outcomeId).get().term()).orElse(false));
            pathways.reorder(tenant.organisationId(), "outcome", order);
            return new Saved(outcomeId, text("pathway.revision.outcome-moved", p.outcomeTitle(outcomeId)));
        });
    }

    // Activities

    /** What an activity is, who is involved, and which outcomes it leads to. */
    public record ActivityDraft(String title, ActivityKind kind, @Nullable String whoIsInvolved, Collection<UUID> outcomes) {}

    @Transactional
    public EditResult addActivity(Tenant tenant, UUID projectId, int version, ActivityDraft draft) {
        return edit(tenant, projectId, version, p -> p.currentActivities().size() >= PathwayLimits.MAX_ACTIVITIES
                ? refused("title", "pathway.activity.too-many", PathwayLimits.MAX_ACTIVITIES)
                : null, p -> {
            UUID id = pathways.addActivity(tenant.organisationId(), p.id(), draft.title().strip(), draft.kind(), clean(draft.whoIsInvolved()));
            pathways.setActivityOutcomes(tenant.organisationId(), id, currentTargets(p, draft.outcomes()));
            return new Saved(id, text("pathway.revision.activity-added", draft.title().strip()));
        });
    }

    @Transactional
    public EditResult updateActivity(Tenant tenant, UUID projectId, UUID activityId, int version, ActivityDraft draft) {
        return edit(tenant, projectId, version, p -> {
            current(p.activity(activityId).filter(a -> !a.archived()));
            return null;
        }, p -> {
            pathways.updateActivity(tenant.organisationId(), activityId, draft.title().strip(), draft.kind(), clean(draft.whoIsInvolved()));
            // Links to archived outcomes are kept: evidence may depend on them.
            Set<UUID> keep = new LinkedHashSet<>(currentTargets(p, draft.outcomes()));
            p.activity(activityId).get().outcomeIds().stream()
                    .filter(id -> p.outcome(id).map(Outcome::archived).orElse(false))
                    .forEach(keep::add);
            pathways.setActivityOutcomes(tenant.organisationId(), activityId, keep);
            return new Saved(activityId, text("pathway.revision.activity-changed", draft.title().strip()));
        });
    }

    @Transactional
    public EditResult removeActivity(Tenant tenant, UUID projectId, UUID activityId, int version) {
        return edit(tenant, projectId, version, p -> {
            current(p.activity(activityId).filter(a -> !a.archived()));
            return null;
        }, p -> {
            pathways.archive(tenant.organisationId(), "activity", activityId);
            return new Saved(activityId, text("pathway.revision.activity-removed", p.activity(activityId).get().title()));
        });
    }

    @Transactional
    public EditResult moveActivity(Tenant tenant, UUID projectId, UUID activityId, int version, boolean up) {
        return edit(tenant, projectId, version, p -> {
            current(p.activity(activityId).filter(a -> !a.archived()));
            return null;
        }, p -> {
            List<UUID> order = new ArrayList<>(p.activities().stream().map(Activity::id).toList());
            move(order, activityId, up, id -> p.activity(id).map(a -> !a.archived()).orElse(false));
            pathways.reorder(tenant.organisationId(), "activity", order);
            return new Saved(activityId, text("pathway.revision.activity-moved", p.activity(activityId).get().title()));
        });
    }

    // 'I' and 'We' statements

    @Transactional
    public EditResult addStatement(Tenant tenant, UUID projectId, int version, StatementKind kind, String statement, @Nullable UUID outcomeId) {
        return edit(tenant, projectId, version, p -> {
            if (p.currentStatements().size() >= PathwayLimits.MAX_STATEMENTS) {
                return refused("text", "pathway.statement.too-many", PathwayLimits.MAX_STATEMENTS);
            }
            return outcomeId == null || p.outcome(outcomeId).filter(o -> !o.archived()).isPresent()
                    ? null
                    : refused("outcome", "pathway.statement.outcome.unknown");
        }, p -> {
            UUID id = pathways.addStatement(tenant.organisationId(), p.id(), kind, statement.strip(), outcomeId);
            return new Saved(id, text("pathway.revision.statement-added", statement.strip()));
        });
    }

    @Transactional
    public EditResult updateStatement(Tenant tenant, UUID projectId, UUID statementId, int version,
            StatementKind kind, String statement, @Nullable UUID outcomeId) {
        return edit(tenant, projectId, version, p -> {
            current(p.statement(statementId).filter(s -> !s.archived()));
            return outcomeId == null || p.outcome(outcomeId).isPresent() ? null : refused("outcome", "pathway.statement.outcome.unknown");
        }, p -> {
            pathways.updateStatement(tenant.organisationId(), statementId, kind, statement.strip(), outcomeId);
            return new Saved(statementId, text("pathway.revision.statement-changed", statement.strip()));
        });
    }

    @Transactional
    public EditResult removeStatement(Tenant tenant, UUID projectId, UUID statementId, int version) {
        return edit(tenant, projectId, version, p -> {
            current(p.statement(statementId).filter(s -> !s.archived()));
            return null;
        }, p -> {
            pathways.archive(tenant.organisationId(), "pathway_statement", statementId);
            return new Saved(statementId, text("pathway.revision.statement-removed", p.statement(statementId).get().text()));
        });
    }

    // History

    public List<Revision> revisions(Tenant tenant, UUID projectId) {
        Pathway p = pathway(tenant, projectId);
        return revisions.list(tenant.organisationId(), p.id());
    }

    public Revision revision(Tenant tenant, UUID projectId, int number) {
        Pathway p = pathway(tenant, projectId);
        return revisions.find(tenant.organisationId(), p.id(), number).orElseThrow(() -> new NotFoundException("revision"));
    }

    /** The pathway as it was after the given revision. */
    public PathwayDocument revisionDocument(Tenant tenant, UUID projectId, int number) {
        Pathway p = pathway(tenant, projectId);
        return revisions.snapshot(tenant.organisationId(), p.id(), number)
                .map(PathwayJson::readKept)
                .orElseThrow(() -> new NotFoundException("revision"));
    }

    /** What changed between two revisions (revision 0 is the empty pathway before the first change). */
    public List<Change> compare(Tenant tenant, UUID projectId, int from, int to) {
        return RevisionComparison.compare(documentOrEmpty(tenant, projectId, from), documentOrEmpty(tenant, projectId, to));
    }

    private PathwayDocument documentOrEmpty(Tenant tenant, UUID projectId, int number) {
        return number == 0
                ? new PathwayDocument(PathwayDocument.FORMAT, PathwayDocument.VERSION, null, null, null, List.of(), List.of(), List.of())
                : revisionDocument(tenant, projectId, number);
    }

    // Export, import and copy

    public String export(Tenant tenant, UUID projectId) {
        return PathwayJson.write(PathwayDocument.export(pathway(tenant, projectId)));
    }

    /**
     * Adds an exported pathway to this project's pathway, which must be empty. A bad file changes
     * nothing and says what is wrong.
     */
    @Transactional
    public EditResult importInto(Tenant tenant, UUID projectId, int version, PathwayDocument document) {
        return edit(tenant, projectId, version, p -> p.isEmpty() ? null : refused("file", "pathway.import.error.not-empty"), p -> {
            fill(tenant.organisationId(), p.id(), document);
            return new Saved(null, text("pathway.revision.imported"));
        });
    }

    /** A new project with a copy of this project's current pathway. */
    @Transactional
    public UUID copyToNewProject(Tenant tenant, UUID projectId, String name) {
        Pathway source = pathway(tenant, projectId);
        UUID copy = projects.create(tenant, new ProjectService.ProjectDetails(name, null, null, null, null, tenant.userId().value(), false, List.of()));
        Pathway target = pathways.findByProject(tenant.organisationId(), copy).orElseThrow();
        pathways.bumpVersion(tenant.organisationId(), target.id(), target.version());
        fill(tenant.organisationId(), target.id(), PathwayDocument.export(source));
        keepRevision(tenant, target.id(), text("pathway.revision.copied", projects.project(tenant, projectId).name()));
        return copy;
    }

    private void fill(OrganisationId org, UUID pathwayId, PathwayDocument d) {
        pathways.setProblemAndImpact(org, pathwayId, clean(d.problem()), clean(d.projectImpact()), clean(d.coproductionImpact()));
        java.util.Map<String, UUID> ids = new java.util.HashMap<>();
        for (PathwayDocument.OutcomeEntry o : d.outcomes()) {
            ids.put(o.key(), pathways.addOutcome(org, pathwayId, o.title().strip(), o.term(), o.leadsToImpact(), clean(o.howWeWillKnow())));
        }
        for (PathwayDocument.OutcomeEntry o : d.outcomes()) {
            for (String to : o.leadsTo()) {
                pathways.addLink(org, pathwayId, ids.get(o.key()), ids.get(to));
            }
        }
        for (PathwayDocument.ActivityEntry a : d.activities()) {
            UUID id = pathways.addActivity(org, pathwayId, a.title().strip(), a.kind(), clean(a.whoIsInvolved()));
            pathways.setActivityOutcomes(org, id, a.outcomes().stream().map(ids::get).toList());
        }
        for (PathwayDocument.StatementEntry s : d.statements()) {
            pathways.addStatement(org, pathwayId, s.kind(), s.text().strip(), s.outcome() == null ? null : ids.get(s.outcome()));
        }
    }

    // The edit cycle: check, claim the version, change, keep a revision.

    private record Saved(@Nullable UUID itemId, String summary) {}

    private interface Check {
        EditResult.@Nullable Refused check(Pathway p);
    }

    private interface Apply {
        Saved apply(Pathway p);
    }

    private EditResult edit(Tenant tenant, UUID projectId, int version, Check check, Apply apply) {
        ProjectService.requireEditor(tenant);
        Pathway p = pathway(tenant, projectId);
        if (p.version() != version) {
            return new EditResult.Stale(p);
        }
        EditResult.Refused refused = check.check(p);
        if (refused != null) {
            return refused;
        }
        if (!pathways.bumpVersion(tenant.organisationId(), p.id(), version)) {
            return new EditResult.Stale(pathway(tenant, projectId));
        }
        Saved change = apply.apply(p);
        keepRevision(tenant, p.id(), change.summary());
        audit.record(tenant.organisationId(), tenant.userId(), "UPDATED", "pathway", p.id(), change.summary());
        return new EditResult.Saved(change.itemId());
    }

    private void keepRevision(Tenant tenant, UUID pathwayId, String summary) {
        Pathway after = pathways.load(tenant.organisationId(), pathwayId).orElseThrow();
        revisions.add(tenant.organisationId(), pathwayId, tenant.userId(), summary, PathwayJson.write(PathwayDocument.snapshot(after)));
    }

    private EditResult.@Nullable Refused checkLinks(Pathway p, @Nullable UUID from, Collection<UUID> to) {
        for (UUID target : to) {
            Optional<Outcome> later = p.outcome(target).filter(o -> !o.archived());
            if (later.isEmpty()) {
                return refused("leadsTo", "pathway.outcome.leads-to.unknown");
            }
            if (from != null && LogicCheck.wouldCreateCycle(p, from, target)) {
                return refused("leadsTo", "pathway.outcome.leads-to.cycle", later.get().title(), p.outcomeTitle(from));
            }
        }
        return null;
    }

    private static List<UUID> currentTargets(Pathway p, Collection<UUID> ids) {
        return ids.stream().distinct().filter(id -> p.outcome(id).filter(o -> !o.archived()).isPresent()).toList();
    }

    private static <T> T current(Optional<T> item) {
        return item.orElseThrow(() -> new NotFoundException("pathway item"));
    }

    private static EditResult.Refused refused(String field, String key, Object... args) {
        return new EditResult.Refused(field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Moves {@code id} one place up or down among the items that {@code peer} accepts. */
    private static void move(List<UUID> order, UUID id, boolean up, java.util.function.Predicate<UUID> peer) {
        int from = order.indexOf(id);
        int to = from;
        do {
            to += up ? -1 : 1;
        } while (to >= 0 && to < order.size() && !peer.test(order.get(to)));
        if (to >= 0 && to < order.size()) {
            order.set(from, order.get(to));
            order.set(to, id);
        }
    }

    private static @Nullable String clean(@Nullable String s) {
        return ProjectService.blankToNull(s);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

}
