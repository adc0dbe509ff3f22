package org.coproduction.impact.organisation.web;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.organisation.DataProtectionSettings;
import org.coproduction.impact.organisation.DataProtectionSettings.Settings;
import org.coproduction.impact.organisation.Erasure;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An ADMIN erases a person (after a page that says exactly what will go) and sets what the
 * organisation keeps: how long each kind of data is kept, and whether an erased person's answers
 * stay as anonymous figures.
 */
@Controller
@RequiresRole(Role.ADMIN)
class DataProtectionController {

    /** The kinds of data with a retention period, in the order of the settings page. */
    static final List<String> PERIOD_FIELDS = List.of("drafts", "responses", "records", "files", "audit");

    private final Erasure erasure;
    private final DataProtectionSettings settings;

    DataProtectionController(Erasure erasure, DataProtectionSettings settings) {
        this.erasure = erasure;
        this.settings = settings;
    }

    @GetMapping("/people/{personId}/erase")
    String confirmErase(Tenant tenant, @PathVariable UUID personId, Model model) {
        return erasePage(tenant, personId, model, FormErrors.none());
    }

    @PostMapping("/people/{personId}/erase")
    String erase(Tenant tenant, @PathVariable UUID personId, @RequestParam(required = false) @Nullable String confirm,
            Model model, RedirectAttributes redirect) {
        var preview = erasure.preview(tenant, personId); // 404 for a person of another organisation
        String name = preview.person().displayName();
        if (!"yes".equals(confirm)) {
            return erasePage(tenant, personId, model, FormErrors.single("confirm", Ui.t("erasure.confirm.required", name)));
        }
        return switch (erasure.erase(tenant, personId)) {
            case DONE -> {
                redirect.addFlashAttribute("notice", Ui.t("erasure.done", name));
                yield "redirect:/people";
            }
            case GONE -> {
                redirect.addFlashAttribute("notice", Ui.t("erasure.gone", name));
                yield "redirect:/people";
            }
            case SELF -> erasePage(tenant, personId, model, FormErrors.single("confirm", Ui.t("erasure.self")));
            case LAST_ADMIN -> erasePage(tenant, personId, model, FormErrors.single("confirm", Ui.t("people.last-admin")));
        };
    }

    private String erasePage(Tenant tenant, UUID personId, Model model, FormErrors errors) {
        var preview = erasure.preview(tenant, personId);
        model.addAttribute("preview", preview);
        model.addAttribute("self", preview.person().userId().equals(tenant.userId().value()));
        model.addAttribute("confirmOptions", List.of(new Option("yes", Ui.t("erasure.confirm.option", preview.person().displayName()), null)));
        model.addAttribute("errors", errors);
        return "organisation/confirm-erase-person";
    }

    @GetMapping("/settings/data-protection")
    String showSettings(Tenant tenant, Model model) {
        Settings s = settings.of(tenant.organisationId());
        List<String> values = java.util.Arrays.asList(text(s.draftsMonths()), text(s.responsesMonths()), text(s.recordsMonths()),
                text(s.filesMonths()), text(s.auditMonths()));
        return settingsPage(tenant, model, values, s.keepAnswersAsFigures() ? "yes" : "no", FormErrors.none());
    }

    @PostMapping("/settings/data-protection")
    String saveSettings(
            Tenant tenant,
            @RequestParam(required = false) @Nullable String drafts,
            @RequestParam(required = false) @Nullable String responses,
            @RequestParam(required = false) @Nullable String records,
            @RequestParam(required = false) @Nullable String files,
            @RequestParam(required = false) @Nullable String audit,
            @RequestParam(required = false) @Nullable String answers,
            Model model,
            RedirectAttributes redirect) {
        List<@Nullable String> values = java.util.Arrays.asList(drafts, responses, records, files, audit);
        FormErrors errors = FormErrors.none();
        Integer[] months = new Integer[values.size()];
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i).strip();
            if (v.isEmpty()) {
                continue;
            }
            String label = Ui.t("retention.kind." + PERIOD_FIELDS.get(i) + ".name");
            try {
                months[i] = Integer.valueOf(v);
            } catch (NumberFormatException e) {
                errors = errors.plus(PERIOD_FIELDS.get(i), Ui.t("retention.months.whole", label));
                continue;
            }
            if (months[i] < 1 || months[i] > DataProtectionSettings.MAX_MONTHS) {
                errors = errors.plus(PERIOD_FIELDS.get(i), Ui.t("retention.months.range", label, DataProtectionSettings.MAX_MONTHS));
            }
        }
        if (!"yes".equals(answers) && !"no".equals(answers)) {
            errors = errors.plus("answers", Ui.t("retention.answers.required"));
        }
        if (errors.any()) {
            return settingsPage(tenant, model, values, answers, errors);
        }
        settings.save(tenant, new Settings("yes".equals(answers), months[0], months[1], months[2], months[3], months[4]));
        redirect.addFlashAttribute("notice", Ui.t("retention.saved"));
        return "redirect:/settings/data-protection";
    }

    private String settingsPage(Tenant tenant, Model model, List<@Nullable String> values, @Nullable String answers, FormErrors errors) {
        List<RetentionPeriod> periods = new java.util.ArrayList<>();
        for (int i = 0; i < PERIOD_FIELDS.size(); i++) {
            String field = PERIOD_FIELDS.get(i);
            periods.add(new RetentionPeriod(field, "retention.kind." + field, values.get(i), errors.of(field)));
        }
        model.addAttribute("periods", periods);
        model.addAttribute("answers", answers);
        model.addAttribute("answerOptions", List.of(
                new Option("no", Ui.t("retention.answers.no"), null),
                new Option("yes", Ui.t("retention.answers.yes"), Ui.t("retention.answers.yes.hint"))));
        model.addAttribute("lastRun", settings.lastRun(tenant.organisationId()).orElse(null));
        model.addAttribute("errors", errors);
        return "organisation/data-protection";
    }

    private static @Nullable String text(@Nullable Integer months) {
        return months == null ? null : months.toString();
    }
}
