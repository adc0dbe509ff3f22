package org.coproduction.impact.record.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.record.ProjectRecords;
import org.coproduction.impact.record.RecordEdit;
import org.coproduction.impact.record.RecordKind;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.record.RecordedItem;
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
 * allows it: one easy-read page, large targets, made for a phone. Under it, "What you added": the
 * member changes the words of their own entries, changes who may see them, or takes them away (these
 * work even after the facilitator stops new entries: people may always correct or withdraw their words).
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
        return form(model, tenant, project.project(), new RecordForms.OwnForm(null, "", List.of()), FormErrors.none());
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

    // What you added: change the words, change who may see it, take it away

    @GetMapping("/projects/{projectId}/recorded/own/{itemId}/change")
    String change(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, Model model) {
        RecordedItem item = records.ownEntry(tenant, projectId, itemId);
        return changeForm(model, tenant, projectId, item, new RecordForms.OwnWordsForm(item.body() == null ? "" : item.body(), item.version()),
                FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/own/{itemId}/change")
    String saveChange(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, @ModelAttribute RecordForms.OwnWordsForm form,
            Model model, RedirectAttributes redirect) {
        RecordedItem item = records.ownEntry(tenant, projectId, itemId);
        FormErrors errors = form.check();
        RecordForms.OwnWordsForm shown = form;
        if (!errors.any()) {
            RecordEdit result = records.changeOwnWords(tenant, projectId, itemId, form.seen(), form.words() == null ? "" : form.words());
            switch (result) {
                case RecordEdit.Saved s -> {
                    // The version matched the one just read, so the entry was shared exactly when it was shared then.
                    redirect.addFlashAttribute("notice", Ui.t(item.published() ? "record.own.changed.unshared" : "record.own.changed"));
                    return "redirect:" + ownPage(projectId) + "#entry-" + itemId;
                }
                case RecordEdit.Stale s -> {
                    // Nothing saved; the words typed stay, and saving again (at the version now shown) replaces the other change.
                    shown = form.withVersion(item.version());
                    errors = FormErrors.single("words", Ui.t("record.own.stale.words"));
                }
                case RecordEdit.Refused r -> errors = FormErrors.single(r.field(), Ui.t(r.messageKey(), r.messageArgs()));
            }
        }
        return changeForm(model, tenant, projectId, item, shown, errors);
    }

    private String changeForm(Model model, Tenant tenant, UUID projectId, RecordedItem item, RecordForms.OwnWordsForm form, FormErrors errors) {
        model.addAttribute("project", records.records(tenant, projectId).project());
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "record/own-change";
    }

    @GetMapping("/projects/{projectId}/recorded/own/{itemId}/who-sees")
    String whoSees(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, Model model) {
        RecordedItem item = records.ownEntry(tenant, projectId, itemId);
        List<String> now = item.consentedUses(RecordService.today()).stream().map(Enum::name).toList();
        return whoSeesForm(model, tenant, projectId, item, new RecordForms.OwnUsesForm(now, item.version()), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/own/{itemId}/who-sees")
    String saveWhoSees(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, @ModelAttribute RecordForms.OwnUsesForm form,
            Model model, RedirectAttributes redirect) {
        RecordedItem item = records.ownEntry(tenant, projectId, itemId);
        FormErrors errors = form.check();
        RecordForms.OwnUsesForm shown = form;
        if (!errors.any()) {
            RecordEdit result = records.changeOwnConsent(tenant, projectId, itemId, form.seen(), RecordForms.useSet(form.uses()));
            switch (result) {
                case RecordEdit.Saved s -> {
                    boolean unshared = item.published() && !records.ownEntry(tenant, projectId, itemId).published();
                    redirect.addFlashAttribute("notice", Ui.t(unshared ? "record.own.who-sees.saved.unshared" : "record.own.who-sees.saved"));
                    return "redirect:" + ownPage(projectId) + "#entry-" + itemId;
                }
                case RecordEdit.Stale s -> {
                    shown = form.withVersion(item.version());
                    errors = FormErrors.single("uses", Ui.t("record.own.stale.who-sees"));
                }
                case RecordEdit.Refused r -> errors = FormErrors.single("uses", Ui.t(r.messageKey(), r.messageArgs()));
            }
        }
        return whoSeesForm(model, tenant, projectId, item, shown, errors);
    }

    private String whoSeesForm(Model model, Tenant tenant, UUID projectId, RecordedItem item, RecordForms.OwnUsesForm form, FormErrors errors) {
        model.addAttribute("project", records.records(tenant, projectId).project());
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("useOptions", useOptions());
        return "record/own-who-sees";
    }

    @GetMapping("/projects/{projectId}/recorded/own/{itemId}/take-away")
    String confirmTakeAway(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, Model model) {
        RecordedItem item = records.ownEntry(tenant, projectId, itemId);
        return takeAwayPage(model, tenant, projectId, item, item.version(), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/own/{itemId}/take-away")
    String takeAway(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID itemId, @RequestParam(defaultValue = "-1") int version,
            Model model, RedirectAttributes redirect) {
        RecordedItem item = records.ownEntry(tenant, projectId, itemId);
        RecordEdit result = records.takeAwayOwn(tenant, projectId, itemId, version);
        if (result instanceof RecordEdit.Saved) {
            redirect.addFlashAttribute("notice", Ui.t("record.own.taken-away"));
            return "redirect:" + ownPage(projectId);
        }
        // Someone changed it since the page was shown: nothing was taken away; the page shows it again, to confirm once more.
        return takeAwayPage(model, tenant, projectId, item, item.version(), FormErrors.single("take-away", Ui.t("record.own.stale")));
    }

    private String takeAwayPage(Model model, Tenant tenant, UUID projectId, RecordedItem item, int version, FormErrors errors) {
        model.addAttribute("project", records.records(tenant, projectId).project());
        model.addAttribute("item", item);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        return "record/own-take-away";
    }

    private static String ownPage(UUID projectId) {
        return RecordService.base(projectId) + "/own";
    }

    private static List<Option> useOptions() {
        return Arrays.stream(ConsentUse.values())
                .map(u -> Option.of(u.name(), Ui.t(switch (u) {
                    case INTERNAL_LEARNING -> "record.own.use.internal-learning";
                    case FUNDER_REPORTS -> "record.own.use.funder-reports";
                    case PUBLIC -> "record.own.use.public";
                })))
                .toList();
    }

    private String form(Model model, Tenant tenant, Project project, RecordForms.OwnForm form, FormErrors errors) {
        model.addAttribute("project", project);
        model.addAttribute("mine", records.ownEntries(tenant, project.id()));
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
        model.addAttribute("useOptions", useOptions());
        return "record/own";
    }
}
