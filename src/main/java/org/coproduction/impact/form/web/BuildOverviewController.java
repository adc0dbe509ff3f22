package org.coproduction.impact.form.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.form.BuilderWarnings;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormEdit;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.FormVersion;
import org.coproduction.impact.form.PersonalLink;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.organisation.QrCode;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.web.BaseUrl;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form's overview (its public link and QR code, open or closed, settings, members' own links, the
 * questions and what to look at in them), its poster, its settings and its versions.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class BuildOverviewController {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final FormService forms;
    private final ProjectService projects;
    private final BaseUrl baseUrl;

    BuildOverviewController(FormService forms, ProjectService projects, BaseUrl baseUrl) {
        this.forms = forms;
        this.projects = projects;
        this.baseUrl = baseUrl;
    }

    /** Each question's number (from 1) with what to look at in it, for questions that have something. */
    static Map<Integer, List<BuilderWarnings.Warning>> warnings(List<Question> questions) {
        Map<Integer, List<BuilderWarnings.Warning>> out = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            List<BuilderWarnings.Warning> w = BuilderWarnings.of(questions.get(i));
            if (!w.isEmpty()) {
                out.put(i + 1, w);
            }
        }
        return out;
    }

    @GetMapping("/forms/{formId}")
    String showForm(Tenant tenant, @PathVariable UUID formId, Model model) {
        Form form = forms.form(tenant, formId);
        Project project = form.projectId() == null ? null : projects.project(tenant, form.projectId());
        String link = baseUrl.value() + form.publicPath();
        List<BuildForms.MemberLink> members = new ArrayList<>();
        if (project != null && form.namedAnswers()) {
            List<PersonalLink> links = forms.personalLinks(tenant, formId);
            for (Project.Member m : project.members()) {
                PersonalLink l = links.stream().filter(x -> x.userId().equals(m.userId())).findFirst().orElse(null);
                members.add(new BuildForms.MemberLink(m.userId(), m.name(), l == null ? null : baseUrl.value() + l.path(form)));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("project", project);
        model.addAttribute("link", link);
        model.addAttribute("qr", QrCode.svg(link, Ui.t("form.build.qr.alt", form.title())));
        model.addAttribute("members", members);
        model.addAttribute("warnings", warnings(form.questions()));
        model.addAttribute("today", LocalDate.now(LONDON));
        return "form/build-overview";
    }

    @GetMapping("/forms/{formId}/poster")
    String showPoster(Tenant tenant, @PathVariable UUID formId, Model model) {
        Form form = forms.form(tenant, formId);
        String link = baseUrl.value() + form.publicPath();
        model.addAttribute("form", form);
        model.addAttribute("link", link);
        model.addAttribute("qr", QrCode.svg(link, Ui.t("form.build.qr.alt", form.title())));
        return "form/build-poster";
    }

    @PostMapping("/forms/{formId}/status")
    String changeStatus(Tenant tenant, @PathVariable UUID formId, @RequestParam(defaultValue = "") String status, RedirectAttributes redirect) {
        Form form = forms.form(tenant, formId);
        FormStatus to = "OPEN".equals(status) ? FormStatus.OPEN : "CLOSED".equals(status) ? FormStatus.CLOSED : null;
        if (form.archived()) {
            redirect.addFlashAttribute("problem", Ui.t("form.build.archived.cannot-change"));
        } else if (to == null) {
            redirect.addFlashAttribute("problem", Ui.t("form.build.status.unknown"));
        } else if (to == FormStatus.OPEN && form.questions().isEmpty()) {
            redirect.addFlashAttribute("problem", Ui.t("form.build.status.no-questions"));
        } else {
            forms.setStatus(tenant, formId, to);
            redirect.addFlashAttribute("notice", Ui.t(to == FormStatus.OPEN ? "form.build.status.opened" : "form.build.status.closed"));
        }
        return "redirect:/forms/" + formId;
    }

    @PostMapping("/forms/{formId}/archive")
    String archive(Tenant tenant, @PathVariable UUID formId, @RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
        forms.archive(tenant, formId, archived);
        redirect.addFlashAttribute("notice", Ui.t(archived ? "form.build.archived" : "form.build.restored"));
        return "redirect:/forms/" + formId;
    }

    @PostMapping("/forms/{formId}/personal-links")
    String addPersonalLink(Tenant tenant, @PathVariable UUID formId, @RequestParam(defaultValue = "") String userId,
            RedirectAttributes redirect) {
        Form form = forms.form(tenant, formId);
        UUID user = BuildForms.uuid(userId);
        if (user == null) {
            throw new NotFoundException("project member");
        }
        if (!form.namedAnswers()) {
            redirect.addFlashAttribute("problem", Ui.t("form.build.links.not-named"));
        } else {
            forms.addPersonalLink(tenant, formId, user);
            redirect.addFlashAttribute("notice", Ui.t("form.build.links.made"));
        }
        return "redirect:/forms/" + formId + "#members";
    }

    @GetMapping("/forms/{formId}/edit/settings")
    String showSettings(Tenant tenant, @PathVariable UUID formId, Model model) {
        Form form = forms.form(tenant, formId);
        return settings(model, form, BuildForms.Settings.of(form), null, FormErrors.none());
    }

    @PostMapping("/forms/{formId}/edit/settings")
    String saveSettings(Tenant tenant, @PathVariable UUID formId, @ModelAttribute BuildForms.Settings settings, Model model,
            RedirectAttributes redirect) {
        Form form = forms.form(tenant, formId);
        FormErrors errors = settings.check(LocalDate.now(LONDON));
        if (errors.any()) {
            return settings(model, form, settings, null, errors);
        }
        FormEdit result = forms.saveSettings(tenant, formId, settings.version(), settings.title() == null ? "" : settings.title(),
                settings.intro(), settings.namedAnswers(), settings.closesOn(), settings.use(form.answersUse()),
                // Not sent at all (a page from before Welsh existed): the form keeps its Welsh words.
                settings.titleCy() == null ? form.titleCy() : settings.titleCy(),
                settings.introCy() == null ? form.introCy() : settings.introCy());
        if (result instanceof FormEdit.Stale stale) {
            return settings(model, stale.current(), settings.withVersion(stale.current().version()), stale.current(),
                    FormErrors.single("title", Ui.t(form.archived() ? "form.build.archived.cannot-change" : "form.build.stale")));
        }
        redirect.addFlashAttribute("notice", Ui.t("form.build.settings.saved"));
        return "redirect:/forms/" + formId;
    }

    private String settings(Model model, Form form, BuildForms.Settings settings, @Nullable Form theirs, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("settings", settings);
        model.addAttribute("theirs", theirs);
        model.addAttribute("errors", errors);
        return "form/build-settings";
    }

    @GetMapping("/forms/{formId}/versions")
    String showVersions(Tenant tenant, @PathVariable UUID formId, Model model) {
        model.addAttribute("form", forms.form(tenant, formId));
        model.addAttribute("versions", forms.versions(tenant, formId));
        return "form/build-versions";
    }

    @GetMapping("/forms/{formId}/versions/{number}")
    String showVersion(Tenant tenant, @PathVariable UUID formId, @PathVariable int number, Model model) {
        Form form = forms.form(tenant, formId);
        List<FormVersion> versions = forms.versions(tenant, formId);
        FormVersion version = versions.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("form version"));
        // For each question of this version, the other versions that ask it too (the same key), so answers read together.
        Map<String, List<Integer>> sameIn = new LinkedHashMap<>();
        for (Question q : version.questions()) {
            List<Integer> others = versions.stream()
                    .filter(v -> v.number() != number && v.questions().stream().anyMatch(o -> o.key().equals(q.key())))
                    .map(FormVersion::number)
                    .sorted()
                    .toList();
            sameIn.put(q.key(), others);
        }
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("sameIn", sameIn);
        model.addAttribute("versionCount", versions.size());
        return "form/build-version";
    }
}
