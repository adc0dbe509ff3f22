package org.coproduction.impact.record.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.involvement.AccessNeedsService;
import org.coproduction.impact.record.ConsentHow;
import org.coproduction.impact.record.ProjectRecords;
import org.coproduction.impact.record.Reach;
import org.coproduction.impact.record.RecordEdit;
import org.coproduction.impact.record.RecordKind;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.RecordedItem;
import org.coproduction.impact.record.Speaker;
import org.coproduction.impact.record.Upload;
import org.coproduction.impact.shared.tenancy.NotFoundException;
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
 * Recording activities, people's voices and case studies; tagging, consent, publishing and removing
 * them; letting members add their own; and the project's reach and themes.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class RecordItemController {

    private final RecordService records;
    private final AccessNeedsService access;

    RecordItemController(RecordService records, AccessNeedsService access) {
        this.records = records;
        this.access = access;
    }

    // New items

    @GetMapping("/projects/{projectId}/recorded/activities/new")
    String newActivity(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return form(tenant, model, records.records(tenant, projectId), RecordKind.ACTIVITY,
                RecordForms.ItemForm.empty(RecordKind.ACTIVITY, RecordService.today()), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/activities/new")
    String addActivity(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute RecordForms.ItemForm form,
            @RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect) {
        return add(tenant, projectId, RecordKind.ACTIVITY, form, file, model, redirect);
    }

    @GetMapping("/projects/{projectId}/recorded/voices/new")
    String newVoice(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable String kind, Model model) {
        RecordKind chosen = RecordForms.parse(RecordKind.class, kind);
        RecordForms.ItemForm form = RecordForms.ItemForm.empty(chosen != null && chosen.isVoice() ? chosen : RecordKind.COMMENT,
                RecordService.today());
        return form(tenant, model, records.records(tenant, projectId), RecordKind.COMMENT, form, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/voices/new")
    String addVoice(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute RecordForms.ItemForm form,
            @RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect) {
        return add(tenant, projectId, RecordKind.COMMENT, form, file, model, redirect);
    }

    @GetMapping("/projects/{projectId}/recorded/case-studies/new")
    String newCaseStudy(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return form(tenant, model, records.records(tenant, projectId), RecordKind.CASE_STUDY,
                RecordForms.ItemForm.empty(RecordKind.CASE_STUDY, RecordService.today()), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/case-studies/new")
    String addCaseStudy(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute RecordForms.ItemForm form,
            @RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect) {
        return add(tenant, projectId, RecordKind.CASE_STUDY, form, file, model, redirect);
    }

    /** {@code expected} is ACTIVITY, CASE_STUDY, or any voice kind for the people's-voices form. */
    private String add(Tenant tenant, UUID projectId, RecordKind expected, RecordForms.ItemForm form, @Nullable MultipartFile file, Model model,
            RedirectAttributes redirect) {
        ProjectRecords project = records.records(tenant, projectId);
        FormErrors errors = form.check(expected, RecordService.today());
        if (!errors.any()) {
            RecordEdit result = records.add(tenant, projectId, form.draft(expected), uploads(file));
            if (result instanceof RecordEdit.Saved saved) {
                redirect.addFlashAttribute("notice", Ui.t("record.added"));
                return "redirect:" + RecordService.href(projectId, saved.id());
            }
            errors = errorFor(result, "title");
        }
        return form(tenant, model, project, expected, form, errors);
    }

    // Changing what was recorded

    @GetMapping("/projects/{projectId}/recorded/items/{itemId}/edit")
    String edit(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, Model model) {
        ProjectRecords project = records.records(tenant, projectId);
        RecordedItem item = editable(project, itemId);
        model.addAttribute("item", item);
        return form(tenant, model, project, item.kind(), RecordForms.ItemForm.of(item), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/items/{itemId}/edit")
    String save(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, @ModelAttribute RecordForms.ItemForm form, Model model,
            RedirectAttributes redirect) {
        ProjectRecords project = records.records(tenant, projectId);
        RecordedItem item = editable(project, itemId);
        RecordKind expected = item.kind();
        FormErrors errors = form.check(expected, RecordService.today());
        RecordForms.ItemForm shown = form;
        if (!errors.any()) {
            RecordEdit result = records.update(tenant, projectId, itemId, form.version(), form.draft(expected));
            if (result instanceof RecordEdit.Saved) {
                redirect.addFlashAttribute("notice", Ui.t("record.changed"));
                return "redirect:" + RecordService.href(projectId, itemId);
            }
            if (result instanceof RecordEdit.Stale) {
                // Their version is on the item's page; saving this form again (at the new version) replaces it.
                shown = form.withVersion(records.item(tenant, projectId, itemId).version());
                errors = FormErrors.single("title", Ui.t("record.stale.edit"));
            } else {
                errors = errorFor(result, "title");
            }
        }
        model.addAttribute("item", item);
        return form(tenant, model, project, expected, shown, errors);
    }

    /** A current item with a form of its own (a member's photo has none: only its tags change). */
    private static RecordedItem editable(ProjectRecords project, UUID itemId) {
        RecordedItem item = current(project, itemId);
        if (item.kind() == RecordKind.PHOTO) {
            throw new NotFoundException("recorded item form");
        }
        return item;
    }

    private String form(Tenant tenant, Model model, ProjectRecords project, RecordKind expected, RecordForms.ItemForm form, FormErrors errors) {
        model.addAttribute("records", project);
        model.addAttribute("expected", expected.isVoice() ? "VOICE" : expected.name());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("voiceKinds", RecordKind.VOICES.stream().map(k -> new Option(k.name(), Ui.t(k.messageKey()), Ui.t(k.hintKey()))).toList());
        model.addAttribute("activityKinds", Arrays.stream(ActivityKind.values()).map(k -> Option.of(k.name(), Ui.t(k.messageKey()))).toList());
        model.addAttribute("speakers", Arrays.stream(Speaker.values()).map(s -> Option.of(s.name(), Ui.t(s.messageKey()))).toList());
        model.addAttribute("people", project.people().stream().map(p -> Option.of(p.userId().toString(), p.name())).toList());
        List<Option> pathwayActivities = new java.util.ArrayList<>();
        pathwayActivities.add(Option.of("", Ui.t("record.activity.pathway.none")));
        project.pathway().currentActivities().forEach(a -> pathwayActivities.add(Option.of(a.id().toString(), a.title())));
        model.addAttribute("pathwayActivities", pathwayActivities);
        if (expected == RecordKind.ACTIVITY) {
            // What the project's people need, counted, for planning the activity (names only for those allowed).
            model.addAttribute("access", access.summary(tenant, project.project().id(), project.people().stream().map(p -> p.userId()).toList()));
        }
        tagOptions(model, project, null);
        return "record/item-form";
    }

    private static void tagOptions(Model model, ProjectRecords project, @Nullable RecordedItem item) {
        model.addAttribute("outcomeOptions", project.pathway().outcomes().stream()
                .filter(o -> !o.archived() || (item != null && item.outcomeIds().contains(o.id())))
                .map(o -> Option.of(o.id().toString(), o.title()))
                .toList());
        model.addAttribute("planRowOptions", project.planRows().stream()
                .filter(r -> !r.archived() || (item != null && item.planRowIds().contains(r.id())))
                .map(r -> Option.of(r.id().toString(), project.planRowLabel(r)))
                .toList());
        model.addAttribute("themeOptions", project.themesInUse().stream().map(t -> Option.of(t, t)).toList());
    }

    // Tags

    @GetMapping("/projects/{projectId}/recorded/items/{itemId}/tags")
    String editTags(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, Model model) {
        ProjectRecords project = records.records(tenant, projectId);
        RecordedItem item = current(project, itemId);
        RecordForms.TagsForm form = new RecordForms.TagsForm(item.outcomeIds().stream().map(UUID::toString).toList(),
                item.planRowIds().stream().map(UUID::toString).toList(), item.themes(), "", item.version());
        return tagsForm(model, project, item, form, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/items/{itemId}/tags")
    String saveTags(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, @ModelAttribute RecordForms.TagsForm form,
            Model model, RedirectAttributes redirect) {
        ProjectRecords project = records.records(tenant, projectId);
        RecordedItem item = current(project, itemId);
        FormErrors errors = form.check();
        if (!errors.any()) {
            RecordEdit result = records.retag(tenant, projectId, itemId, form.version(), RecordForms.uuids(form.outcomes()),
                    RecordForms.uuids(form.planRows()), RecordForms.allThemes(form.themes(), form.newThemes()));
            if (result instanceof RecordEdit.Saved) {
                redirect.addFlashAttribute("notice", Ui.t("record.tags.saved"));
                return "redirect:" + RecordService.href(projectId, itemId);
            }
            errors = errorFor(result, "outcomes");
        }
        return tagsForm(model, project, item, form, errors);
    }

    private String tagsForm(Model model, ProjectRecords project, RecordedItem item, RecordForms.TagsForm form, FormErrors errors) {
        model.addAttribute("records", project);
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        tagOptions(model, project, item);
        return "record/tags-form";
    }

    // Publishing and removing

    @PostMapping("/projects/{projectId}/recorded/items/{itemId}/publish")
    String publish(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId,
            @RequestParam(defaultValue = "true") boolean published, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        RecordEdit result = records.publish(tenant, projectId, itemId, version, published);
        done(result, redirect, Ui.t(published ? "record.published" : "record.unpublished"));
        return "redirect:" + RecordService.href(projectId, itemId);
    }

    @GetMapping("/projects/{projectId}/recorded/items/{itemId}/remove")
    String confirmRemove(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, Model model) {
        ProjectRecords project = records.records(tenant, projectId);
        model.addAttribute("records", project);
        model.addAttribute("item", current(project, itemId));
        return "record/confirm-remove";
    }

    @PostMapping("/projects/{projectId}/recorded/items/{itemId}/remove")
    String remove(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, @RequestParam(defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        RecordEdit result = records.remove(tenant, projectId, itemId, version);
        done(result, redirect, Ui.t("record.removed"));
        return "redirect:" + (result instanceof RecordEdit.Saved ? RecordService.base(projectId) : RecordService.href(projectId, itemId));
    }

    // Files

    @PostMapping("/projects/{projectId}/recorded/items/{itemId}/files")
    String attach(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId,
            @RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
        records.item(tenant, projectId, itemId);
        List<Upload> uploads = uploads(file);
        if (uploads.isEmpty()) {
            redirect.addFlashAttribute("problem", Ui.t("record.file.required"));
        } else {
            done(records.attach(tenant, projectId, itemId, uploads.getFirst()), redirect, Ui.t("record.file.added"));
        }
        return "redirect:" + RecordService.href(projectId, itemId) + "#files";
    }

    /** The uploaded file, if one was chosen; unreadable uploads count as empty and are refused by media as such. */
    static List<Upload> uploads(@Nullable MultipartFile file) {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
            return List.of();
        }
        try {
            return List.of(new Upload(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes()));
        } catch (java.io.IOException e) {
            return List.of(new Upload(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), new byte[0]));
        }
    }

    // Consent

    @GetMapping("/projects/{projectId}/recorded/items/{itemId}/consent")
    String newConsent(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, Model model) {
        ProjectRecords project = records.records(tenant, projectId);
        RecordedItem item = current(project, itemId);
        return consentForm(model, project, item, RecordForms.ConsentForm.empty(item.saidBy()), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/items/{itemId}/consent")
    String addConsent(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, @ModelAttribute RecordForms.ConsentForm form,
            Model model, RedirectAttributes redirect) {
        ProjectRecords project = records.records(tenant, projectId);
        RecordedItem item = current(project, itemId);
        FormErrors errors = form.check(RecordService.today());
        if (!errors.any()) {
            RecordEdit result = records.addConsent(tenant, projectId, itemId, form.draft());
            if (result instanceof RecordEdit.Saved) {
                redirect.addFlashAttribute("notice", Ui.t("record.consent.saved"));
                return "redirect:" + RecordService.href(projectId, itemId) + "#consent";
            }
            errors = errorFor(result, "givenBy");
        }
        return consentForm(model, project, item, form, errors);
    }

    private String consentForm(Model model, ProjectRecords project, RecordedItem item, RecordForms.ConsentForm form, FormErrors errors) {
        model.addAttribute("records", project);
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("hows", Arrays.stream(ConsentHow.values()).map(h -> Option.of(h.name(), Ui.t(h.messageKey()))).toList());
        model.addAttribute("useOptions", Arrays.stream(ConsentUse.values()).map(u -> Option.of(u.name(), Ui.t(u.messageKey()))).toList());
        return "record/consent-form";
    }

    @PostMapping("/projects/{projectId}/recorded/items/{itemId}/consent/{consentId}/withdraw")
    String withdraw(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, @PathVariable UUID consentId,
            RedirectAttributes redirect) {
        done(records.withdrawConsent(tenant, projectId, itemId, consentId), redirect, Ui.t("record.consent.withdrawn"));
        return "redirect:" + RecordService.href(projectId, itemId) + "#consent";
    }

    // The project's settings, reach and themes

    @PostMapping("/projects/{projectId}/recorded/members-may-add")
    String membersMayAdd(Tenant tenant, @PathVariable UUID projectId, @RequestParam(defaultValue = "false") boolean allowed,
            RedirectAttributes redirect) {
        records.setMembersMayAdd(tenant, projectId, allowed);
        redirect.addFlashAttribute("notice", Ui.t(allowed ? "record.own.switched-on" : "record.own.switched-off"));
        return "redirect:" + RecordService.base(projectId);
    }

    @GetMapping("/projects/{projectId}/recorded/reach")
    String reach(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable String by, Model model) {
        Reach.Period period = "quarter".equals(by) ? Reach.Period.QUARTER : Reach.Period.MONTH;
        model.addAttribute("records", records.records(tenant, projectId));
        model.addAttribute("rows", records.reach(tenant, projectId, period));
        model.addAttribute("quarters", period == Reach.Period.QUARTER);
        return "record/reach";
    }

    @GetMapping("/projects/{projectId}/recorded/themes")
    String themes(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("records", records.records(tenant, projectId));
        model.addAttribute("themes", records.themes(tenant, projectId));
        return "record/themes";
    }

    // Helpers

    private static RecordedItem current(ProjectRecords project, UUID itemId) {
        return project.item(itemId).filter(i -> !i.archived()).orElseThrow(() -> new NotFoundException("recorded item"));
    }

    private static void done(RecordEdit result, RedirectAttributes redirect, String notice) {
        switch (result) {
            case RecordEdit.Saved s -> redirect.addFlashAttribute("notice", notice);
            case RecordEdit.Stale s -> redirect.addFlashAttribute("problem", Ui.t("record.stale"));
            case RecordEdit.Refused r -> redirect.addFlashAttribute("problem", Ui.t(r.messageKey(), r.messageArgs()));
        }
    }

    private static FormErrors errorFor(RecordEdit result, String staleField) {
        return switch (result) {
            case RecordEdit.Refused r -> FormErrors.single(r.field(), Ui.t(r.messageKey(), r.messageArgs()));
            case RecordEdit.Stale s -> FormErrors.single(staleField, Ui.t("record.stale"));
            case RecordEdit.Saved s -> FormErrors.none();
        };
    }
}
