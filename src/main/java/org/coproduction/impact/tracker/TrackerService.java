package org.coproduction.impact.tracker;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.media.MediaFile;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.StoreResult;
import org.coproduction.impact.organisation.OrganisationService;
import org.coproduction.impact.organisation.Person;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.plan.PlanRow;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Reads and changes a project's action tracker and progress reports. Facilitators and admins change
 * them; members see the tasks of projects they take part in; viewers see none. Each change names the
 * version it was made from (a stale save changes nothing); every status change is kept.
 */
@Service
public class TrackerService {

    /** How the tracker names itself as a source of evidence. */
    public static final String SOURCE = "tracker";

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final PlanService plans;
    private final OrganisationService organisations;
    private final MediaService media;
    private final TaskRepository tasks;
    private final ReportRepository reports;
    private final List<CollectedEvidence> evidence;
    private final AuditLog audit;

    TrackerService(PlanService plans, OrganisationService organisations, MediaService media, TaskRepository tasks,
            ReportRepository reports, List<CollectedEvidence> evidence, AuditLog audit) {
        this.plans = plans;
        this.organisations = organisations;
        this.media = media;
        this.tasks = tasks;
        this.reports = reports;
        this.evidence = evidence;
        this.audit = audit;
    }

    public static String base(UUID projectId) {
        return "/projects/" + projectId;
    }

    public static LocalDate today() {
        return LocalDate.now(UK);
    }

    /** The project, its pathway and plan (for tagging), if this person may see the project. */
    public Plan plan(Tenant tenant, UUID projectId) {
        return plans.plan(tenant, projectId);
    }

    // Tasks

    /** The project's current tasks: open ones by due date (none last), then done, then dropped. */
    @Transactional
    public List<Task> tasks(Tenant tenant, UUID projectId) {
        plans.plan(tenant, projectId);
        return tasks.list(tenant.organisationId(), projectId).stream()
                .filter(t -> !t.archived())
                .sorted(Comparator.comparing((Task t) -> t.status().open() ? 0 : t.done() ? 1 : 2)
                        .thenComparing(t -> t.dueOn() == null ? LocalDate.MAX : t.dueOn()))
                .toList();
    }

    @Transactional
    public Task task(Tenant tenant, UUID projectId, UUID taskId) {
        plans.plan(tenant, projectId);
        return currentTask(tenant, projectId, taskId);
    }

    /** The document attached to a done task, if there is one and this person may see it. */
    public List<MediaFile> document(Tenant tenant, Task task) {
        return task.doneMediaId() == null ? List.of() : media.files(tenant, List.of(task.doneMediaId()));
    }

    @Transactional
    public List<TaskChange> changes(Tenant tenant, UUID projectId, UUID taskId) {
        task(tenant, projectId, taskId);
        return tasks.changes(tenant.organisationId(), projectId, taskId);
    }

    /** The people a task may be given to: everyone in the organisation. */
    public List<Person> people(Tenant tenant) {
        return organisations.people(tenant);
    }

    @Transactional
    public TrackerResult addTask(Tenant tenant, UUID projectId, TaskDraft draft) {
        requireEditor(tenant);
        Plan plan = plans.plan(tenant, projectId);
        if (tasks.countCurrent(tenant.organisationId(), projectId) >= TrackerLimits.MAX_TASKS) {
            return TrackerResult.refused("title", "tracker.task.too-many", TrackerLimits.MAX_TASKS);
        }
        TrackerResult.Refused refused = check(tenant, plan, draft);
        if (refused != null) {
            return refused;
        }
        UUID id = tasks.add(tenant.organisationId(), projectId, clean(draft), tenant.userId());
        tasks.addChange(tenant.organisationId(), projectId, id, null, TaskStatus.NOT_STARTED, null, tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "tracker_task", id, draft.title().strip());
        return new TrackerResult.Saved(id);
    }

    @Transactional
    public TrackerResult updateTask(Tenant tenant, UUID projectId, UUID taskId, int version, TaskDraft draft) {
        requireEditor(tenant);
        Plan plan = plans.plan(tenant, projectId);
        Task task = currentTask(tenant, projectId, taskId);
        if (task.version() != version) {
            return new TrackerResult.Stale();
        }
        TrackerResult.Refused refused = check(tenant, plan, draft, task);
        if (refused != null) {
            return refused;
        }
        if (!tasks.update(tenant.organisationId(), projectId, taskId, version, clean(draft), tenant.userId())) {
            return new TrackerResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "CHANGED", "tracker_task", taskId, draft.title().strip());
        return new TrackerResult.Saved(taskId);
    }

    /**
     * Changes a task's status and keeps the change. Done asks for the evidence that it is done: the
     * day it was done (not in the future) and a note; a document is optional, checked and stored
     * by the media module in the same transaction, so a refused change stores no file either.
     */
    /** A document given with the evidence that a task is done: its name as uploaded, and its bytes. */
    public record Upload(String filename, byte[] bytes) {}

    @Transactional
    public TrackerResult changeStatus(Tenant tenant, UUID projectId, UUID taskId, int version, TaskStatus status,
            @Nullable LocalDate doneOn, @Nullable String note, @Nullable Upload document) {
        requireEditor(tenant);
        plans.plan(tenant, projectId);
        Task task = currentTask(tenant, projectId, taskId);
        if (task.version() != version) {
            return new TrackerResult.Stale();
        }
        if (status == task.status() && status != TaskStatus.DONE && blankToNull(note) == null) {
            // Nothing to change or keep: the same status again, with nothing said about it.
            return new TrackerResult.Saved(taskId);
        }
        String cleanNote = blankToNull(note);
        if (cleanNote != null && cleanNote.length() > TrackerLimits.NOTE) {
            return TrackerResult.refused("note", "tracker.text.too-long", TrackerLimits.NOTE);
        }
        if (status == TaskStatus.DONE) {
            if (cleanNote == null) {
                return TrackerResult.refused("note", "tracker.done.note.required");
            }
            if (doneOn == null) {
                return TrackerResult.refused("doneOn", "tracker.done.date.required");
            }
            if (doneOn.isAfter(today())) {
                return TrackerResult.refused("doneOn", "tracker.done.date.future");
            }
        }
        UUID mediaId = status == TaskStatus.DONE ? task.doneMediaId() : null;
        if (status == TaskStatus.DONE && document != null) {
            StoreResult stored = media.store(tenant, projectId, document.filename(), document.bytes());
            if (stored instanceof StoreResult.Refused(String key)) {
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return TrackerResult.refused("document", key);
            }
            mediaId = ((StoreResult.Stored) stored).file().id();
        }
        if (!tasks.setStatus(tenant.organisationId(), projectId, taskId, version, status, doneOn, cleanNote, mediaId, tenant.userId())) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new TrackerResult.Stale();
        }
        tasks.addChange(tenant.organisationId(), projectId, taskId, task.status(), status, cleanNote, tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "STATUS_" + status.name(), "tracker_task", taskId, task.title());
        return new TrackerResult.Saved(taskId);
    }

    /** Removes a task by archiving it; its history stays. */
    @Transactional
    public TrackerResult removeTask(Tenant tenant, UUID projectId, UUID taskId, int version) {
        requireEditor(tenant);
        plans.plan(tenant, projectId);
        Task task = currentTask(tenant, projectId, taskId);
        if (task.version() != version || !tasks.setArchived(tenant.organisationId(), projectId, taskId, version, true, tenant.userId())) {
            return new TrackerResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "REMOVED", "tracker_task", taskId, task.title());
        return new TrackerResult.Saved(taskId);
    }

    private TrackerResult.@Nullable Refused check(Tenant tenant, Plan plan, TaskDraft d, Task... existing) {
        if (d.title().isBlank()) {
            return TrackerResult.refused("title", "tracker.task.title.required");
        }
        if (d.title().strip().length() > TrackerLimits.TITLE) {
            return TrackerResult.refused("title", "tracker.text.too-long", TrackerLimits.TITLE);
        }
        if (d.ownerUserId() == null && blankToNull(d.ownerName()) == null) {
            return TrackerResult.refused("owner", "tracker.task.owner.required");
        }
        if (d.ownerUserId() != null && organisations.people(tenant).stream().noneMatch(p -> p.userId().equals(d.ownerUserId()))) {
            return TrackerResult.refused("owner", "tracker.task.owner.unknown");
        }
        if (d.ownerName() != null && d.ownerName().strip().length() > TrackerLimits.OWNER_NAME) {
            return TrackerResult.refused("ownerName", "tracker.text.too-long", TrackerLimits.OWNER_NAME);
        }
        Set<UUID> alreadyOutcomes = existing.length == 0 ? Set.of() : existing[0].outcomeIds();
        Set<UUID> alreadyRows = existing.length == 0 ? Set.of() : existing[0].planRowIds();
        return checkTags(plan, d.outcomeIds(), d.planRowIds(), alreadyOutcomes, alreadyRows);
    }

    /** Tags must be the project's current outcomes and plan rows (ones already on the item may stay). */
    private static TrackerResult.@Nullable Refused checkTags(Plan plan, Collection<UUID> outcomes, Collection<UUID> rows,
            Collection<UUID> alreadyOutcomes, Collection<UUID> alreadyRows) {
        if (outcomes.size() + rows.size() > TrackerLimits.MAX_TAGS) {
            return TrackerResult.refused("outcomes", "tracker.tags.too-many", TrackerLimits.MAX_TAGS);
        }
        Set<UUID> current = plan.pathway().currentOutcomes().stream().map(Outcome::id).collect(Collectors.toSet());
        if (outcomes.stream().anyMatch(o -> !current.contains(o) && !alreadyOutcomes.contains(o))) {
            return TrackerResult.refused("outcomes", "tracker.tags.unknown");
        }
        Set<UUID> currentRows = plan.currentRows().stream().map(PlanRow::id).collect(Collectors.toSet());
        if (rows.stream().anyMatch(r -> !currentRows.contains(r) && !alreadyRows.contains(r))) {
            return TrackerResult.refused("planRows", "tracker.tags.unknown");
        }
        return null;
    }

    private Task currentTask(Tenant tenant, UUID projectId, UUID taskId) {
        return tasks.find(tenant.organisationId(), projectId, taskId).filter(t -> !t.archived())
                .orElseThrow(() -> new NotFoundException("task"));
    }

    private static TaskDraft clean(TaskDraft d) {
        return new TaskDraft(d.title().strip(), d.ownerUserId(), d.ownerUserId() != null ? null : blankToNull(d.ownerName()), d.dueOn(),
                d.milestone(), d.outcomeIds(), d.planRowIds());
    }

    // Progress reports

    @Transactional
    public List<ProgressReport> reports(Tenant tenant, UUID projectId) {
        requireEditor(tenant);
        plans.plan(tenant, projectId);
        return reports.list(tenant.organisationId(), projectId);
    }

    @Transactional
    public ProgressReport report(Tenant tenant, UUID projectId, UUID reportId) {
        requireEditor(tenant);
        plans.plan(tenant, projectId);
        return reports.find(tenant.organisationId(), projectId, reportId).orElseThrow(() -> new NotFoundException("report"));
    }

    /**
     * The report as it may be shown to its audience now: chosen items whose consent does not cover
     * the audience today are left out (and counted), so withdrawing consent takes an item out of
     * every report at once. Items dated outside the report's period are left out too (and counted):
     * evidence from December does not belong in a September to November report.
     */
    @Transactional
    public ReportView view(Tenant tenant, UUID projectId, UUID reportId) {
        ProgressReport report = report(tenant, projectId, reportId);
        Map<String, EvidenceItem> held = new LinkedHashMap<>();
        for (EvidenceItem item : allItems(tenant, projectId)) {
            held.put(new ProgressReport.ItemRef(item.source(), item.id()).key(), item);
        }
        List<EvidenceItem> shown = new ArrayList<>();
        int leftOut = 0;
        int gone = 0;
        int outsidePeriod = 0;
        for (ProgressReport.ItemRef ref : report.items()) {
            EvidenceItem item = held.get(ref.key());
            if (item == null) {
                gone++;
            } else if (!item.mayBeUsedFor(report.audience())) {
                leftOut++;
            } else if (item.date().isBefore(report.periodFrom()) || item.date().isAfter(report.periodTo())) {
                outsidePeriod++;
            } else {
                shown.add(item);
            }
        }
        Map<UUID, Task> current = tasks.list(tenant.organisationId(), projectId).stream().filter(t -> !t.archived())
                .collect(Collectors.toMap(Task::id, t -> t));
        List<Task> milestones = report.milestoneIds().stream().map(current::get).filter(t -> t != null).toList();
        return new ReportView(report, milestones, shown, leftOut, gone, outsidePeriod);
    }

    /** The project's milestones to offer for a report: those done in the period first, then the others. */
    @Transactional
    public List<Task> milestonesFor(Tenant tenant, UUID projectId, @Nullable LocalDate from, @Nullable LocalDate to) {
        return tasks(tenant, projectId).stream()
                .filter(Task::milestone)
                .sorted(Comparator.comparing((Task t) -> from != null && to != null && t.doneBetween(from, to) ? 0 : 1))
                .toList();
    }

    /**
     * The items of the project's evidence that may be chosen for a report: every other module's
     * items (the tracker's own tasks are chosen as milestones, and reports are not put in reports),
     * newest first.
     */
    @Transactional
    public List<EvidenceItem> choosableItems(Tenant tenant, UUID projectId) {
        requireEditor(tenant);
        plans.plan(tenant, projectId);
        return allItems(tenant, projectId).stream()
                .filter(i -> !SOURCE.equals(i.source()) && i.type() != EvidenceType.PROGRESS_REPORTS)
                .sorted(Comparator.comparing(EvidenceItem::date).reversed().thenComparing(EvidenceItem::title))
                .toList();
    }

    @Transactional
    public TrackerResult addReport(Tenant tenant, UUID projectId, ReportDraft draft) {
        requireEditor(tenant);
        Plan plan = plans.plan(tenant, projectId);
        if (reports.countCurrent(tenant.organisationId(), projectId) >= TrackerLimits.MAX_REPORTS) {
            return TrackerResult.refused("title", "tracker.report.too-many", TrackerLimits.MAX_REPORTS);
        }
        TrackerResult.Refused refused = check(tenant, plan, draft, null);
        if (refused != null) {
            return refused;
        }
        UUID id = reports.add(tenant.organisationId(), projectId, clean(draft), tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "progress_report", id, draft.title().strip());
        return new TrackerResult.Saved(id);
    }

    @Transactional
    public TrackerResult updateReport(Tenant tenant, UUID projectId, UUID reportId, int version, ReportDraft draft) {
        requireEditor(tenant);
        Plan plan = plans.plan(tenant, projectId);
        ProgressReport report = report(tenant, projectId, reportId);
        if (report.version() != version) {
            return new TrackerResult.Stale();
        }
        TrackerResult.Refused refused = check(tenant, plan, draft, report);
        if (refused != null) {
            return refused;
        }
        if (!reports.update(tenant.organisationId(), projectId, reportId, version, clean(draft), tenant.userId())) {
            return new TrackerResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "CHANGED", "progress_report", reportId, draft.title().strip());
        return new TrackerResult.Saved(reportId);
    }

    /** Removes a report by archiving it: it leaves the list and can no longer be shown or downloaded; its row stays. */
    @Transactional
    public TrackerResult removeReport(Tenant tenant, UUID projectId, UUID reportId, int version) {
        requireEditor(tenant);
        plans.plan(tenant, projectId);
        ProgressReport report = report(tenant, projectId, reportId);
        if (report.version() != version || !reports.archive(tenant.organisationId(), projectId, reportId, version, tenant.userId())) {
            return new TrackerResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "REMOVED", "progress_report", reportId, report.title());
        return new TrackerResult.Saved(reportId);
    }

    private TrackerResult.@Nullable Refused check(Tenant tenant, Plan plan, ReportDraft d, @Nullable ProgressReport existing) {
        if (d.title().isBlank()) {
            return TrackerResult.refused("title", "tracker.report.title.required");
        }
        if (d.title().strip().length() > TrackerLimits.TITLE) {
            return TrackerResult.refused("title", "tracker.text.too-long", TrackerLimits.TITLE);
        }
        if (d.periodTo().isBefore(d.periodFrom())) {
            return TrackerResult.refused("periodTo", "tracker.report.period.order");
        }
        if (d.challenges() != null && d.challenges().strip().length() > TrackerLimits.REPORT_TEXT) {
            return TrackerResult.refused("challenges", "tracker.text.too-long", TrackerLimits.REPORT_TEXT);
        }
        if (d.risks() != null && d.risks().strip().length() > TrackerLimits.REPORT_TEXT) {
            return TrackerResult.refused("risks", "tracker.text.too-long", TrackerLimits.REPORT_TEXT);
        }
        TrackerResult.Refused tags = checkTags(plan, d.outcomeIds(), List.of(), existing == null ? Set.of() : existing.outcomeIds(),
                Set.of());
        if (tags != null) {
            return tags;
        }
        Set<UUID> milestones = tasks.list(tenant.organisationId(), plan.project().id()).stream()
                .filter(t -> !t.archived() && t.milestone()).map(Task::id).collect(Collectors.toSet());
        List<UUID> already = existing == null ? List.of() : existing.milestoneIds();
        if (d.milestoneIds().size() > TrackerLimits.MAX_CHOSEN
                || d.milestoneIds().stream().anyMatch(m -> !milestones.contains(m) && !already.contains(m))) {
            return TrackerResult.refused("milestones", "tracker.report.milestones.unknown");
        }
        Set<String> choosable = choosableItems(tenant, plan.project().id()).stream()
                .map(i -> new ProgressReport.ItemRef(i.source(), i.id()).key()).collect(Collectors.toSet());
        Set<String> alreadyItems = existing == null ? Set.of()
                : existing.items().stream().map(ProgressReport.ItemRef::key).collect(Collectors.toSet());
        if (d.items().size() > TrackerLimits.MAX_CHOSEN
                || d.items().stream().anyMatch(i -> !choosable.contains(i.key()) && !alreadyItems.contains(i.key()))) {
            return TrackerResult.refused("items", "tracker.report.items.unknown");
        }
        return null;
    }

    private static ReportDraft clean(ReportDraft d) {
        return new ReportDraft(d.title().strip(), d.periodFrom(), d.periodTo(), d.audience(), blankToNull(d.challenges()),
                blankToNull(d.risks()), d.outcomeIds(), d.milestoneIds().stream().distinct().toList(),
                d.items().stream().distinct().toList());
    }

    private List<EvidenceItem> allItems(Tenant tenant, UUID projectId) {
        List<EvidenceItem> all = new ArrayList<>();
        for (CollectedEvidence source : evidence) {
            all.addAll(source.items(tenant.organisationId(), projectId));
        }
        return all;
    }

    static void requireEditor(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("tracker");
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
