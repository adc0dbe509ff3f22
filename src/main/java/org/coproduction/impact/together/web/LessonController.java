package org.coproduction.impact.together.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Pagination;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.together.Lesson;
import org.coproduction.impact.together.LessonDraft;
import org.coproduction.impact.together.LessonSearch;
import org.coproduction.impact.together.LessonService;
import org.coproduction.impact.together.Reflection;
import org.coproduction.impact.together.ReflectionService;
import org.coproduction.impact.together.TogetherResult;
import org.coproduction.impact.together.TogetherWords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lessons learned: a project's list, adding and changing one, and the search across the organisation. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class LessonController {

    private final LessonService lessons;
    private final ProjectService projects;

    LessonController(LessonService lessons, ProjectService projects) {
        this.lessons = lessons;
        this.projects = projects;
    }

    @GetMapping("/projects/{projectId}/lessons")
    String list(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("lessons", lessons.lessons(tenant, projectId));
        model.addAttribute("shared", lessons.sharedReflections(tenant, projectId));
        return "together/lessons";
    }

    @GetMapping("/projects/{projectId}/lessons/new")
    String newLesson(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return form(model, tenant, projects.project(tenant, projectId), null,
                new ReflectionForms.LessonForm(null, null, null, "no", null, List.of(), -1), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/lessons/new")
    String add(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute ReflectionForms.LessonForm form, Model model, RedirectAttributes redirect) {
        Project project = projects.project(tenant, projectId);
        FormErrors errors = form.check();
        if (!errors.any()) {
            TogetherResult result = lessons.add(tenant, projectId, form.draft());
            if (result instanceof TogetherResult.Saved saved) {
                redirect.addFlashAttribute("notice", Ui.t("together.lesson.added"));
                return "redirect:" + LessonService.base(projectId) + "#lesson-" + saved.id();
            }
            if (result instanceof TogetherResult.Refused r) {
                errors = FormErrors.single(r.field(), Ui.t(r.messageKey(), r.args().toArray()));
            }
        }
        return form(model, tenant, project, null, form, errors);
    }

    @GetMapping("/projects/{projectId}/lessons/{lessonId}/edit")
    String edit(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID lessonId, Model model) {
        Lesson lesson = lessons.lesson(tenant, projectId, lessonId);
        return form(model, tenant, projects.project(tenant, projectId), lesson, ReflectionForms.LessonForm.of(lesson), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/lessons/{lessonId}/edit")
    String update(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID lessonId, @ModelAttribute ReflectionForms.LessonForm form, Model model,
            RedirectAttributes redirect) {
        Lesson lesson = lessons.lesson(tenant, projectId, lessonId);
        Project project = projects.project(tenant, projectId);
        FormErrors errors = form.check();
        ReflectionForms.LessonForm shown = form;
        if (!errors.any()) {
            switch (lessons.update(tenant, projectId, lessonId, form.seen(), form.draft())) {
                case TogetherResult.Saved s -> {
                    redirect.addFlashAttribute("notice", Ui.t("together.lesson.saved"));
                    return "redirect:" + LessonService.base(projectId) + "#lesson-" + lessonId;
                }
                case TogetherResult.Refused r -> errors = FormErrors.single(r.field(), Ui.t(r.messageKey(), r.args().toArray()));
                case TogetherResult.Stale s -> {
                    shown = new ReflectionForms.LessonForm(form.lesson(), form.evidence(), form.change(), form.changeMade(), form.themes(), form.reflectionIds(),
                            lesson.version());
                    errors = FormErrors.single("lesson", Ui.t("together.lesson.stale"));
                }
            }
        }
        return form(model, tenant, project, lesson, shown, errors);
    }

    private String form(Model model, Tenant tenant, Project project, @Nullable Lesson lesson, ReflectionForms.LessonForm form, FormErrors errors) {
        model.addAttribute("project", project);
        model.addAttribute("lesson", lesson);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        List<Reflection> shared = lessons.sharedReflections(tenant, project.id());
        model.addAttribute("reflections", shared.stream()
                .map(r -> Option.of(r.id().toString(), Ui.t("together.lesson.reflection.option", Ui.day(r.happenedOn()), TogetherWords.reflectionName(r))))
                .toList());
        model.addAttribute("madeOptions", List.of(Option.of("yes", Ui.t("together.lesson.made.yes")), Option.of("no", Ui.t("together.lesson.made.no"))));
        return "together/lesson-form";
    }

    @GetMapping("/lessons")
    String search(Tenant tenant, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String theme,
            @RequestParam(required = false) @Nullable String page, Model model) {
        String words = q.length() > 200 ? q.substring(0, 200) : q;
        String t = theme.length() > ReflectionService.MAX_THEME ? "" : theme;
        LessonSearch found = lessons.search(tenant, words, t, Pagination.requested(page));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("q", words);
        query.put("theme", t);
        model.addAttribute("found", found);
        model.addAttribute("q", words);
        model.addAttribute("theme", t);
        List<Option> themes = new java.util.ArrayList<>();
        themes.add(Option.of("", Ui.t("together.lessons.search.any-theme")));
        lessons.themes(tenant).forEach(x -> themes.add(Option.of(x, x)));
        model.addAttribute("themes", themes);
        model.addAttribute("pagination", new Pagination(found.page(), found.pages(), "/lessons", query));
        return "together/lesson-search";
    }
}
