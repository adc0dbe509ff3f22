package org.coproduction.impact.pathway.web;

import java.util.List;
import java.util.UUID;
import org.coproduction.impact.organisation.OrganisationService;
import org.coproduction.impact.organisation.Person;
import org.coproduction.impact.pathway.EvidenceAtAGlance;
import org.coproduction.impact.pathway.MembersSeeFirst;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Projects: the list, a project's page, and creating or changing one. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class ProjectController {

    private final ProjectService projects;
    private final PathwayService pathways;
    private final OrganisationService organisations;
    private final List<EvidenceAtAGlance> evidence;
    private final List<MembersSeeFirst> seeFirst;

    ProjectController(ProjectService projects, PathwayService pathways, OrganisationService organisations,
            List<EvidenceAtAGlance> evidence, List<MembersSeeFirst> seeFirst) {
        this.projects = projects;
        this.pathways = pathways;
        this.organisations = organisations;
        this.evidence = evidence;
        this.seeFirst = seeFirst;
    }

    @GetMapping("/projects")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showProjects(Tenant tenant, Model model) {
        model.addAttribute("projects", projects.projects(tenant));
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        return "pathway/projects";
    }

    @GetMapping("/projects/{projectId}")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showProject(Tenant tenant, @PathVariable UUID projectId, Model model) {
        Project project = projects.project(tenant, projectId);
        var pathway = pathways.pathway(tenant, projectId);
        model.addAttribute("project", project);
        model.addAttribute("pathway", pathway);
        model.addAttribute("findings", pathways.findings(tenant, pathway));
        model.addAttribute("evidence", evidence.stream().flatMap(e -> e.summarise(tenant, pathway).stream()).toList());
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        model.addAttribute("first", seeFirst.stream().flatMap(s -> s.highlight(tenant, project).stream()).toList());
        return "pathway/project";
    }

    @GetMapping("/projects/new")
    String showNewProject(Tenant tenant, Model model) {
        return form(tenant, model, ProjectForm.empty(tenant.userId().value()), null, FormErrors.none());
    }

    @PostMapping("/projects/new")
    String createProject(Tenant tenant, @ModelAttribute ProjectForm form, Model model) {
        ProjectForm.Checked checked = form.check(peopleIds(tenant));
        if (checked.details() == null) {
            return form(tenant, model, form, null, checked.errors());
        }
        UUID id = projects.create(tenant, checked.details());
        return "redirect:/projects/" + id + "/pathway/build/problem";
    }

    @GetMapping("/projects/{projectId}/edit")
    String showEditProject(Tenant tenant, @PathVariable UUID projectId, Model model) {
        Project project = projects.project(tenant, projectId);
        return form(tenant, model, ProjectForm.of(project), project, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/edit")
    String saveProject(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute ProjectForm form, Model model,
            RedirectAttributes redirect) {
        Project project = projects.project(tenant, projectId);
        ProjectForm.Checked checked = form.check(peopleIds(tenant));
        if (checked.details() == null) {
            return form(tenant, model, form, project, checked.errors());
        }
        if (!projects.update(tenant, projectId, form.version(), checked.details())) {
            Project now = projects.project(tenant, projectId);
            model.addAttribute("theirs", now);
            ProjectForm mine = new ProjectForm(form.name(), form.summary(), form.startsOnDay(), form.startsOnMonth(), form.startsOnYear(),
                    form.endsOnDay(), form.endsOnMonth(), form.endsOnYear(), form.groupsInvolved(), form.facilitatorId(), form.members(),
                    form.commentsOpen(), now.version(), form.nameCy(), form.summaryCy());
            return form(tenant, model, mine, now, FormErrors.single("name", Ui.t("project.stale")));
        }
        redirect.addFlashAttribute("notice", Ui.t("project.saved"));
        return "redirect:/projects/" + projectId;
    }

    private String form(Tenant tenant, Model model, ProjectForm form, Project project, FormErrors errors) {
        List<Person> people = organisations.people(tenant);
        model.addAttribute("form", form);
        model.addAttribute("project", project);
        model.addAttribute("facilitators", people.stream()
                .filter(p -> p.role() == Role.ADMIN || p.role() == Role.FACILITATOR)
                .map(p -> Option.of(p.userId().toString(), p.displayName()))
                .toList());
        model.addAttribute("people", people.stream()
                .map(p -> new Option(p.userId().toString(), p.displayName(), Ui.t(p.role().messageKey())))
                .toList());
        model.addAttribute("errors", errors);
        return "pathway/project-form";
    }

    private List<UUID> peopleIds(Tenant tenant) {
        return organisations.people(tenant).stream().map(Person::userId).toList();
    }
}
