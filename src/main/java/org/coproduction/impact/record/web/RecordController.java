package org.coproduction.impact.record.web;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.involvement.AccessNeedsService;
import org.coproduction.impact.record.ProjectRecords;
import org.coproduction.impact.record.RecordKind;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.RecordedItem;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Evidence we have recorded": the project's list, filtered by kind, outcome and theme, and each
 * item's page. Members of the project see what is published and what they added themselves.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
class RecordController {

    private final RecordService records;
    private final AccessNeedsService access;

    RecordController(RecordService records, AccessNeedsService access) {
        this.records = records;
        this.access = access;
    }

    @GetMapping("/projects/{projectId}/recorded")
    String list(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String outcome, @RequestParam(required = false) @Nullable String theme, Model model) {
        ProjectRecords project = records.records(tenant, projectId);
        RecordKind kindFilter = RecordForms.parse(RecordKind.class, kind);
        UUID outcomeFilter = RecordForms.uuid(outcome);
        String themeFilter = theme == null || theme.isBlank() ? null : RecordService.cleanThemes(List.of(theme)).getFirst();
        List<RecordedItem> shown = project.currentItems().stream()
                .filter(i -> kindFilter == null || i.kind() == kindFilter)
                .filter(i -> outcomeFilter == null || i.outcomeIds().contains(outcomeFilter)
                        || i.planRowIds().stream().anyMatch(r -> project.planRow(r).filter(p -> p.outcomeId().equals(outcomeFilter)).isPresent()))
                .filter(i -> themeFilter == null || i.themes().contains(themeFilter))
                .toList();
        model.addAttribute("records", project);
        model.addAttribute("shown", shown);
        model.addAttribute("kind", kindFilter == null ? null : kindFilter.name());
        model.addAttribute("outcome", outcomeFilter == null ? null : outcomeFilter.toString());
        model.addAttribute("theme", themeFilter);
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        model.addAttribute("canAddOwn", records.mayAddOwn(tenant, project.project()));
        return "record/list";
    }

    @GetMapping("/projects/{projectId}/recorded/items/{itemId}")
    String item(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, Model model) {
        RecordedItem item = records.item(tenant, projectId, itemId);
        model.addAttribute("records", records.records(tenant, projectId));
        model.addAttribute("item", item);
        model.addAttribute("files", records.files(tenant, item));
        model.addAttribute("evidence", records.asEvidence(item, RecordService.today()));
        boolean canEdit = tenant.is(Role.ADMIN, Role.FACILITATOR);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("own", RecordService.isOwn(tenant, item));
        model.addAttribute("changes", canEdit ? records.changes(tenant, projectId, itemId) : List.of());
        if (canEdit && item.kind() == RecordKind.ACTIVITY) {
            // What the people who came need, counted ("2 people need step-free access"), for staff.
            model.addAttribute("access", access.summary(tenant, projectId, item.attendees().stream().map(a -> a.userId()).toList()));
        }
        return "record/item";
    }
}
