package org.coproduction.impact.form.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormTemplates;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The forms of a project, and of the whole organisation, and making a new one: blank or from a template. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class BuildFormsController {

    static final String BLANK = "blank";

    private final FormService forms;
    private final ProjectService projects;

    BuildFormsController(FormService forms, ProjectService projects) {
        this.forms = forms;
        this.projects = projects;
    }

    @GetMapping("/projects/{projectId}/forms")
    String showProjectForms(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return list(model, projects.project(tenant, projectId), forms.forms(tenant, projectId));
    }

    @GetMapping("/organisation/forms")
    String showOrganisationForms(Tenant tenant, Model model) {
        return list(model, null, forms.forms(tenant, null));
    }

    @GetMapping("/projects/{projectId}/forms/new")
    String showNewProjectForm(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return newForm(model, projects.project(tenant, projectId), new BuildForms.NewForm("", null), FormErrors.none());
    }

    @GetMapping("/organisation/forms/new")
    String showNewOrganisationForm(Model model) {
        return newForm(model, null, new BuildForms.NewForm("", null), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/forms/new")
    String createProjectForm(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute BuildForms.NewForm form, Model model,
            RedirectAttributes redirect) {
        return create(tenant, projects.project(tenant, projectId), form, model, redirect);
    }

    @PostMapping("/organisation/forms/new")
    String createOrganisationForm(Tenant tenant, @ModelAttribute BuildForms.NewForm form, Model model, RedirectAttributes redirect) {
        return create(tenant, null, form, model, redirect);
    }

    private String create(Tenant tenant, @Nullable Project project, BuildForms.NewForm form, Model model, RedirectAttributes redirect) {
        var template = FormTemplates.find(form.start());
        FormErrors errors = form.check(template.isPresent());
        if (!errors.any() && template.isEmpty() && !BLANK.equals(form.start())) {
            errors = FormErrors.single("start", Ui.t("form.build.new.start.required"));
        }
        if (errors.any()) {
            return newForm(model, project, form, errors);
        }
        UUID projectId = project == null ? null : project.id();
        String title = BuildForms.blankToNull(form.title());
        UUID id = template
                .map(t -> forms.create(tenant, projectId, title == null ? t.title() : title, t.intro(), false, t.key(), t.questions()))
                .orElseGet(() -> forms.create(tenant, projectId, title == null ? "" : title, null, false, null, List.of()));
        redirect.addFlashAttribute("notice", Ui.t(template.isPresent() ? "form.build.new.made-from-template" : "form.build.new.made"));
        return "redirect:/forms/" + id;
    }

    private String list(Model model, @Nullable Project project, List<Form> list) {
        model.addAttribute("project", project);
        model.addAttribute("forms", list);
        return "form/build-list";
    }

    private String newForm(Model model, @Nullable Project project, BuildForms.NewForm form, FormErrors errors) {
        List<Option> starts = new ArrayList<>();
        for (FormTemplates.Template t : FormTemplates.ALL) {
            starts.add(new Option(t.key(), Ui.t(t.nameKey()), Ui.t(t.descriptionKey())));
        }
        starts.add(new Option(BLANK, Ui.t("form.build.new.blank"), Ui.t("form.build.new.blank.hint")));
        model.addAttribute("project", project);
        model.addAttribute("form", form);
        model.addAttribute("starts", starts);
        model.addAttribute("errors", errors);
        return "form/build-new";
    }
}
