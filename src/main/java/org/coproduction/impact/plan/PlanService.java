package org.coproduction.impact.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.WayOfCollecting;
import org.coproduction.impact.pathway.CommentService;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.document.Csv;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes outcomes assessment plans. Facilitators and admins change them; members see
 * the plans of projects they take part in and may comment; viewers see none. Each change to a row
 * names the row's version (a stale save changes nothing) and is kept in the plan's history.
 */
@Service
public class PlanService {

    private final ProjectService projects;
    private final PathwayService pathways;
    private final CommentService pathwayComments;
    private final EvidenceService evidence;
    private final PlanRepository plans;
    private final PlanHistoryRepository history;
    private final MessageSource messages;
    private final AuditLog audit;

    PlanService(ProjectService projects, PathwayService pathways, CommentService pathwayComments, EvidenceService evidence,
            PlanRepository plans, PlanHistoryRepository history, MessageSource messages, AuditLog audit) {
        this.projects = projects;
        this.pathways = pathways;
        this.pathwayComments = pathwayComments;
        this.evidence = evidence;
        this.plans = plans;
        this.history = history;
        this.messages = messages;
        this.audit = audit;
    }

    public static String base(UUID projectId) {
        return "/projects/" + projectId + "/plan";
    }

    /** The project's plan, if this person may see the project (otherwise "not found"). */
    @Transactional
    public Plan plan(Tenant tenant, UUID projectId) {
        Project project = projects.project(tenant, projectId);
        return new Plan(project, pathways.pathway(tenant, projectId), plans.rows(tenant.organisationId(), projectId), evidence.waysById(tenant));
    }

    /**
     * The plans of projects this person was shown (each taken from {@link ProjectService}, which checks
     * who may see it), by project, read together: a page of the overview costs the same few statements
     * as one project's plan.
     */
    public Map<UUID, Plan> plans(Tenant tenant, List<Project> shown) {
        List<UUID> ids = shown.stream().map(Project::id).toList();
        Map<UUID, Pathway> pathwaysOf = pathways.pathways(tenant, shown);
        Map<UUID, List<PlanRow>> rows = plans.rows(tenant.organisationId(), ids);
        Map<UUID, WayOfCollecting> ways = evidence.waysById(tenant);
        Map<UUID, Plan> byProject = new LinkedHashMap<>();
        for (Project project : shown) {
            Pathway pathway = pathwaysOf.get(project.id());
            if (pathway == null) {
                throw new NotFoundException("pathway");
            }
            byProject.put(project.id(), new Plan(project, pathway, rows.getOrDefault(project.id(), List.of()), ways));
        }
        return byProject;
    }

    // Rows

    @Transactional
    public PlanEdit addRow(Tenant tenant, UUID projectId, UUID outcomeId, PlanRowDraft draft) {
        requireEditor(tenant);
        Plan plan = plan(tenant, projectId);
        currentOutcome(plan, outcomeId);
        if (plan.currentRows().size() >= PlanLimits.MAX_ROWS) {
            return refused("formOfEvidence", "plan.row.too-many", PlanLimits.MAX_ROWS);
        }
        if (plan.rowsFor(outcomeId).size() >= PlanLimits.MAX_ROWS_PER_OUTCOME) {
            return refused("formOfEvidence", "plan.row.too-many-for-outcome", PlanLimits.MAX_ROWS_PER_OUTCOME);
        }
        PlanEdit.Refused ways = checkWays(plan, draft.wayIds(), List.of());
        if (ways != null) {
            return ways;
        }
        String suggestion = draft.suggestionKey() != null && SuggestionLibrary.find(draft.suggestionKey()).isPresent() ? draft.suggestionKey() : null;
        UUID id = plans.add(tenant.organisationId(), projectId, outcomeId, clean(draft, suggestion), tenant.userId());
        kept(tenant, plan, id, PlanChange.Action.ADDED);
        return new PlanEdit.Saved(id);
    }

    @Transactional
    public PlanEdit updateRow(Tenant tenant, UUID projectId, UUID rowId, int version, PlanRowDraft draft) {
        requireEditor(tenant);
        Plan plan = plan(tenant, projectId);
        PlanRow row = currentRow(plan, rowId);
        currentOutcome(plan, row.outcomeId());
        if (row.version() != version) {
            return new PlanEdit.Stale(row);
        }
        PlanEdit.Refused ways = checkWays(plan, draft.wayIds(), row.wayIds());
        if (ways != null) {
            return ways;
        }
        if (!plans.update(tenant.organisationId(), projectId, rowId, version, clean(draft, row.suggestionKey()), tenant.userId())) {
            return new PlanEdit.Stale(plans.row(tenant.organisationId(), projectId, rowId).orElseThrow(() -> new NotFoundException("plan row")));
        }
        kept(tenant, plan, rowId, PlanChange.Action.CHANGED);
        return new PlanEdit.Saved(rowId);
    }

    /** Removes a row from the plan by archiving it: its history stays, and it can be brought back. */
    @Transactional
    public PlanEdit removeRow(Tenant tenant, UUID projectId, UUID rowId, int version) {
        requireEditor(tenant);
        Plan plan = plan(tenant, projectId);
        PlanRow row = currentRow(plan, rowId);
        if (row.version() != version || !plans.setArchived(tenant.organisationId(), projectId, rowId, version, true, tenant.userId())) {
            return new PlanEdit.Stale(row);
        }
        kept(tenant, plan, rowId, PlanChange.Action.REMOVED);
        return new PlanEdit.Saved(rowId);
    }

    @Transactional
    public PlanEdit restoreRow(Tenant tenant, UUID projectId, UUID rowId, int version) {
        requireEditor(tenant);
        Plan plan = plan(tenant, projectId);
        PlanRow row = plan.row(rowId).orElseThrow(() -> new NotFoundException("plan row"));
        if (!row.archived()) {
            return new PlanEdit.Stale(row);
        }
        currentOutcome(plan, row.outcomeId());
        if (plan.currentRows().size() >= PlanLimits.MAX_ROWS) {
            return refused("formOfEvidence", "plan.row.too-many", PlanLimits.MAX_ROWS);
        }
        if (plan.rowsFor(row.outcomeId()).size() >= PlanLimits.MAX_ROWS_PER_OUTCOME) {
            return refused("formOfEvidence", "plan.row.too-many-for-outcome", PlanLimits.MAX_ROWS_PER_OUTCOME);
        }
        if (row.version() != version || !plans.setArchived(tenant.organisationId(), projectId, rowId, version, false, tenant.userId())) {
            return new PlanEdit.Stale(row);
        }
        kept(tenant, plan, rowId, PlanChange.Action.RESTORED);
        return new PlanEdit.Saved(rowId);
    }

    /** A draft filled in from a suggestion, in the organisation's words and with its ways, for a facilitator to change. */
    @Transactional
    public PlanRowDraft draftFrom(Tenant tenant, Suggestion suggestion) {
        List<UUID> ways = new ArrayList<>();
        for (String seed : suggestion.ways()) {
            evidence.currentWayFromSeed(tenant, seed).ifPresent(w -> ways.add(w.id()));
        }
        return new PlanRowDraft(suggestion.type(), text(suggestion.formKey()), ways, text(suggestion.successKey()), text(suggestion.howKey()),
                null, null, text(suggestion.whenKey()), text(suggestion.whoKey()), suggestion.key());
    }

    // History

    /** Every kept change to the plan's rows, newest first. */
    public List<PlanChange> history(Tenant tenant, UUID projectId) {
        projects.project(tenant, projectId);
        return history.list(tenant.organisationId(), projectId);
    }

    // Comments

    public boolean canComment(Tenant tenant, Project project) {
        return pathwayComments.canComment(tenant, project);
    }

    public List<PlanComment> comments(Tenant tenant, UUID projectId) {
        projects.project(tenant, projectId);
        return history.comments(tenant.organisationId(), projectId);
    }

    /** Adds a comment on the plan; false (and nothing saved) when this person may not comment now. */
    @Transactional
    public boolean addComment(Tenant tenant, UUID projectId, String text) {
        Project project = projects.project(tenant, projectId);
        if (!canComment(tenant, project)) {
            return false;
        }
        history.addComment(tenant.organisationId(), projectId, tenant.userId(), text.strip());
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "plan_comment", projectId, null);
        return true;
    }

    // Export

    /**
     * The plan as a table, with the columns of SCIE's outcomes assessment plan (outcome, type of
     * evidence, form of evidence, ways of collecting) and then the group's measure of success,
     * target, baseline, when and who. Removed rows are left out; outcomes without a plan yet are
     * listed with empty cells, and outcomes removed from the pathway that still have rows are marked.
     */
    @Transactional
    public PlanTable table(Tenant tenant, UUID projectId) {
        Plan plan = plan(tenant, projectId);
        List<String> header = List.of(text("plan.csv.outcome"), text("plan.csv.type"), text("plan.csv.form"), text("plan.csv.ways"),
                text("plan.csv.success"), text("plan.csv.how"), text("plan.csv.target"), text("plan.csv.baseline"), text("plan.csv.when"),
                text("plan.csv.who"));
        List<List<String>> lines = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(plan.pathway().currentOutcomes());
        outcomes.addAll(plan.removedOutcomesWithPlans());
        for (Outcome o : outcomes) {
            String outcome = o.archived() ? text("plan.csv.outcome-removed", o.title()) : o.title();
            List<PlanRow> rows = plan.rowsFor(o.id());
            if (rows.isEmpty()) {
                lines.add(List.of(outcome, "", "", "", "", "", "", "", "", ""));
            }
            for (PlanRow r : rows) {
                lines.add(List.of(outcome, text(r.type().messageKey()), r.formOfEvidence(), String.join("; ", plan.wayNames(r)),
                        r.successLooksLike(), orEmpty(r.howWeWillKnow()), orEmpty(r.target()), orEmpty(r.baseline()),
                        orEmpty(r.whenCollected()), orEmpty(r.whoCollects())));
            }
        }
        return new PlanTable(plan.project().name(), header, lines);
    }

    /** The plan's {@link #table table} as CSV for spreadsheets. */
    @Transactional
    public String csv(Tenant tenant, UUID projectId) {
        PlanTable table = table(tenant, projectId);
        return Csv.write(table.header(), table.rows());
    }

    // Helpers

    private void kept(Tenant tenant, Plan before, UUID rowId, PlanChange.Action action) {
        PlanRow row = plans.row(tenant.organisationId(), before.project().id(), rowId).orElseThrow();
        List<String> wayNames = row.wayIds().stream()
                .map(id -> before.ways().get(id))
                .filter(w -> w != null)
                .map(WayOfCollecting::name)
                .toList();
        history.add(tenant.organisationId(), before.project().id(), rowId, action, new PlanChange.Snapshot(row.outcomeId(), row.type(),
                row.formOfEvidence(), wayNames, row.successLooksLike(), row.howWeWillKnow(), row.target(), row.baseline(),
                row.whenCollected(), row.whoCollects()), tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), action.name(), "plan_row", rowId,
                before.outcomeTitle(row.outcomeId()) + ": " + row.formOfEvidence());
    }

    /** Ways must be in the organisation's list; new choices must not be retired (ones already on the row may stay). */
    private static PlanEdit.@Nullable Refused checkWays(Plan plan, Collection<UUID> chosen, Collection<UUID> alreadyOnRow) {
        if (chosen.isEmpty()) {
            return refused("ways", "plan.row.ways.required");
        }
        if (chosen.size() > PlanLimits.MAX_WAYS_PER_ROW) {
            return refused("ways", "plan.row.ways.too-many", PlanLimits.MAX_WAYS_PER_ROW);
        }
        for (UUID id : chosen) {
            WayOfCollecting way = plan.ways().get(id);
            if (way == null || (way.retired() && !alreadyOnRow.contains(id))) {
                return refused("ways", "plan.row.ways.unknown");
            }
        }
        return null;
    }

    private static Outcome currentOutcome(Plan plan, UUID outcomeId) {
        return plan.pathway().outcome(outcomeId).filter(o -> !o.archived()).orElseThrow(() -> new NotFoundException("outcome"));
    }

    private static PlanRow currentRow(Plan plan, UUID rowId) {
        return plan.row(rowId).filter(r -> !r.archived()).orElseThrow(() -> new NotFoundException("plan row"));
    }

    static void requireEditor(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("plan");
        }
    }

    private static PlanRowDraft clean(PlanRowDraft d, @Nullable String suggestionKey) {
        return new PlanRowDraft(d.type(), d.formOfEvidence().strip(), d.wayIds().stream().distinct().toList(), d.successLooksLike().strip(),
                blankToNull(d.howWeWillKnow()), blankToNull(d.target()), blankToNull(d.baseline()), blankToNull(d.whenCollected()),
                blankToNull(d.whoCollects()), suggestionKey);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }

    private static PlanEdit.Refused refused(String field, String key, Object... args) {
        return new PlanEdit.Refused(field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
