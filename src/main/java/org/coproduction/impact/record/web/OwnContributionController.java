package org.coproduction.impact.record.web;

import java.util.Arrays;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.record.ProjectRecords;
import org.coproduction.impact.record.RecordEdit;
import org.coproduction.impact.record.RecordKind;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member adds their own comment or diary entry to a project they take part in, when the facilitator
 * allows it: one easy-read page, large targets, made for a phone.
 */
@Controller
@RequiresRole(Role.MEMBER)
class OwnContributionController {

    private final RecordService records;

    OwnContributionController(RecordService records) {
        this.records = records;
    }

    @GetMapping("/projects/{projectId}/recorded/own")
    String show(Tenant tenant, @PathVariable UUID projectId, Model model) {
        ProjectRecords project = records.records(tenant, projectId);
        return form(model, tenant, project.project(), new RecordForms.OwnForm(null, "", java.util.List.of()), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/own")
    String add(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute RecordForms.OwnForm form,
            @RequestParam(required = false) @Nullable MultipartFile photo, Model model, RedirectAttributes redirect) {
        ProjectRecords project = records.records(tenant, projectId);
        if (!records.mayAddOwn(tenant, project.project())) {
            return form(model, tenant, project.project(), form, FormErrors.none());
        }
        var uploads = RecordItemController.uploads(photo);
        FormErrors errors = form.check(!uploads.isEmpty());
        if (!errors.any()) {
            RecordKind kind = RecordForms.parse(RecordKind.class, form.kind());
            RecordEdit result = records.addOwn(tenant, projectId, kind, form.words() == null ? "" : form.words(), RecordForms.useSet(form.uses()),
                    uploads.isEmpty() ? null : uploads.getFirst());
            if (result instanceof RecordEdit.Saved saved) {
                redirect.addFlashAttribute("notice", Ui.t("record.own.added"));
                return "redirect:" + RecordService.href(projectId, saved.id());
            }
            if (result instanceof RecordEdit.Refused r) {
                errors = FormErrors.single(r.field(), Ui.t(r.messageKey(), r.messageArgs()));
            }
        }
        return form(model, tenant, project.project(), form, errors);
    }

    private String form(Model model, Tenant tenant, Project project, RecordForms.OwnForm form, FormErrors errors) {
        model.addAttribute("project", project);
        model.addAttribute("allowed", records.mayAddOwn(tenant, project));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", RecordKind.MEMBERS_OWN.stream()
                .map(k -> Option.of(k.name(), switch (k) {
                    case DIARY -> Ui.t("record.own.kind.diary");
                    case PHOTO -> Ui.t("record.own.kind.photo");
                    default -> Ui.t("record.own.kind.comment");
                }))
                .toList());
        model.addAttribute("useOptions", Arrays.stream(ConsentUse.values())
                .map(u -> Option.of(u.name(), Ui.t(switch (u) {
                    case INTERNAL_LEARNING -> "record.own.use.internal-learning";
                    case FUNDER_REPORTS -> "record.own.use.funder-reports";
                    case PUBLIC -> "record.own.use.public";
                })))
                .toList());
        return "record/own";
    }
}
