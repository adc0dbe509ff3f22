package org.coproduction.impact.tracker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * The tracker's evidence: each done task is an item of "tasks completed" dated the day it was done,
 * and each progress report an item of "evidence and progress reports" dated the end of its period.
 * Neither shows a person by itself (a report's own items are checked for consent when it is shown).
 * Depends only on the repositories, so reading all evidence never goes round in a circle.
 */
@Component
class TrackerEvidence implements CollectedEvidence {

    private final TaskRepository tasks;
    private final ReportRepository reports;

    TrackerEvidence(TaskRepository tasks, ReportRepository reports) {
        this.tasks = tasks;
        this.reports = reports;
    }

    @Override
    public List<EvidenceItem> items(OrganisationId organisation, UUID projectId) {
        return items(organisation, List.of(projectId)).get(projectId);
    }

    /** Done tasks and milestones, and progress reports: one statement for each, however many projects. */
    @Override
    public Map<UUID, List<EvidenceItem>> items(OrganisationId organisation, Collection<UUID> projectIds) {
        List<EvidenceItem> items = new ArrayList<>();
        Map<UUID, UUID> projectOf = new HashMap<>();
        for (Task t : tasks.list(organisation, projectIds)) {
            if (!t.archived() && t.done() && t.doneOn() != null) {
                items.add(new EvidenceItem(TrackerService.SOURCE, t.id(), EvidenceType.TASKS_COMPLETED,
                        t.milestone() ? "tracker.evidence.kind.milestone" : "tracker.evidence.kind.task", t.title(), t.doneOn(),
                        t.outcomeIds(), t.planRowIds(), false, Set.of(), TrackerService.base(t.projectId()) + "/tasks/" + t.id()));
                projectOf.put(t.id(), t.projectId());
            }
        }
        for (ProgressReport r : reports.list(organisation, projectIds)) {
            items.add(new EvidenceItem(TrackerService.SOURCE, r.id(), EvidenceType.PROGRESS_REPORTS, "tracker.evidence.kind.report",
                    r.title(), r.periodTo(), r.outcomeIds(), Set.of(), false, Set.of(), TrackerService.base(r.projectId()) + "/reports/" + r.id()));
            projectOf.put(r.id(), r.projectId());
        }
        return CollectedEvidence.byProject(projectIds, items, e -> projectOf.get(e.id()));
    }
}
