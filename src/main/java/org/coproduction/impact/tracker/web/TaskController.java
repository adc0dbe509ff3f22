package org.coproduction.impact.tracker.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.tracker.Task;
import org.coproduction.impact.tracker.TaskStatus;
import org.coproduction.impact.tracker.TrackerResult;
import org.coproduction.impact.tracker.TrackerService;
import java.io.IOException;
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
 * A project's action tracker: the list of tasks and milestones, one task with its evidence and
 * history, adding and changing tasks, and changing a task's status (done asks for the evidence).
 * Members see the tracker of projects they take part in; facilitators and admins change it.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class TaskController {

    private final TrackerService tracker;

    TaskController(TrackerService tracker) {
        this.tracker = tracker;
    }

    private static String tasksPath(UUID projectId) {
        return TrackerService.base(projectId) + "/tasks";
    }

    @GetMapping("/projects/{projectId}/tasks")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showTasks(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("plan", tracker.plan(tenant, projectId));
        model.addAttribute("tasks", tracker.tasks(tenant, projectId));
        model.addAttribute("today", TrackerService.today());
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        return "tracker/tasks";
    }

    @GetMapping("/projects/{projectId}/tasks/{taskId}")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showTask(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID taskId, Model model) {
        model.addAttribute("plan", tracker.plan(tenant, projectId));
        Task task = tracker.task(tenant, projectId, taskId);
        model.addAttribute("task", task);
        model.addAttribute("document", tracker.document(tenant, task));
        model.addAttribute("changes", tracker.changes(tenant, projectId, taskId));
        model.addAttribute("today", TrackerService.today());
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        return "tracker/task";
    }

    @GetMapping("/projects/{projectId}/tasks/new")
    String showNewTask(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return taskForm(tenant, tracker.plan(tenant, projectId), null, TrackerForms.TaskForm.empty(), FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/tasks/new")
    String addTask(Tenant tenant, @PathVariable UUID projectId, @ModelAttribute TrackerForms.TaskForm form, Model model,
            RedirectAttributes redirect) {
        Plan plan = tracker.plan(tenant, projectId);
        TrackerForms.TaskForm.Checked checked = form.check();
        if (checked.draft() == null) {
            return taskForm(tenant, plan, null, form, checked.errors(), model);
        }
        TrackerResult result = tracker.addTask(tenant, projectId, checked.draft());
        if (result instanceof TrackerResult.Refused r) {
            return taskForm(tenant, plan, null, form, TrackerForms.of(r), model);
        }
        redirect.addFlashAttribute("notice", Ui.t("tracker.task.added", checked.draft().title().strip()));
        return "redirect:" + tasksPath(projectId);
    }

    @GetMapping("/projects/{projectId}/tasks/{taskId}/edit")
    String showEditTask(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID taskId, Model model) {
        Task task = tracker.task(tenant, projectId, taskId);
        return taskForm(tenant, tracker.plan(tenant, projectId), task, TrackerForms.TaskForm.of(task), FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/tasks/{taskId}/edit")
    String saveTask(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID taskId, @ModelAttribute TrackerForms.TaskForm form,
            Model model, RedirectAttributes redirect) {
        Plan plan = tracker.plan(tenant, projectId);
        Task task = tracker.task(tenant, projectId, taskId);
        TrackerForms.TaskForm.Checked checked = form.check();
        if (checked.draft() == null) {
            return taskForm(tenant, plan, task, form, checked.errors(), model);
        }
        TrackerResult result = tracker.updateTask(tenant, projectId, taskId, form.version(), checked.draft());
        if (result instanceof TrackerResult.Refused r) {
            return taskForm(tenant, plan, task, form, TrackerForms.of(r), model);
        }
        if (result instanceof TrackerResult.Stale) {
            Task now = tracker.task(tenant, projectId, taskId);
            return taskForm(tenant, plan, now, form.withVersion(now.version()), FormErrors.single("title", Ui.t("tracker.stale")), model);
        }
        redirect.addFlashAttribute("notice", Ui.t("tracker.task.saved"));
        return "redirect:" + tasksPath(projectId) + "/" + taskId;
    }

    @GetMapping("/projects/{projectId}/tasks/{taskId}/status")
    String showStatus(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID taskId,
            @RequestParam(required = false) String to, Model model) {
        Task task = tracker.task(tenant, projectId, taskId);
        TrackerForms.StatusForm form = TrackerForms.StatusForm.of(task, TrackerService.today());
        if (to != null && new TrackerForms.StatusForm(to, null, null, null, null, null).parsedStatus() != null) {
            form = new TrackerForms.StatusForm(to, form.doneOnDay(), form.doneOnMonth(), form.doneOnYear(), form.note(), form.version());
        }
        return statusForm(tracker.plan(tenant, projectId), task, form, FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/tasks/{taskId}/status")
    String changeStatus(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID taskId,
            @ModelAttribute TrackerForms.StatusForm form, @RequestParam(required = false) @Nullable MultipartFile document, Model model,
            RedirectAttributes redirect) throws IOException {
        Plan plan = tracker.plan(tenant, projectId);
        Task task = tracker.task(tenant, projectId, taskId);
        FormErrors errors = form.check();
        TaskStatus status = form.parsedStatus();
        if (errors.any() || status == null) {
            return statusForm(plan, task, form, errors, model);
        }
        TrackerService.Upload upload = document == null || document.isEmpty()
                ? null
                : new TrackerService.Upload(document.getOriginalFilename() == null ? "" : document.getOriginalFilename(), document.getBytes());
        TrackerResult result = tracker.changeStatus(tenant, projectId, taskId, form.version(), status, form.doneOn(), form.note(), upload);
        if (result instanceof TrackerResult.Refused r) {
            return statusForm(plan, task, form, TrackerForms.of(r), model);
        }
        if (result instanceof TrackerResult.Stale) {
            Task now = tracker.task(tenant, projectId, taskId);
            return statusForm(plan, now, form.withVersion(now.version()), FormErrors.single("status", Ui.t("tracker.stale")), model);
        }
        redirect.addFlashAttribute("notice", Ui.t("tracker.status.saved", Ui.t(status.messageKey())));
        return "redirect:" + tasksPath(projectId) + "/" + taskId;
    }

    @PostMapping("/projects/{projectId}/tasks/{taskId}/remove")
    String removeTask(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID taskId,
            @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        Task task = tracker.task(tenant, projectId, taskId);
        TrackerResult result = tracker.removeTask(tenant, projectId, taskId, version);
        if (result instanceof TrackerResult.Saved) {
            redirect.addFlashAttribute("notice", Ui.t("tracker.task.removed", task.title()));
            return "redirect:" + tasksPath(projectId);
        }
        redirect.addFlashAttribute("notice", Ui.t("tracker.stale"));
        return "redirect:" + tasksPath(projectId) + "/" + taskId;
    }

    private String taskForm(Tenant tenant, Plan plan, Task task, TrackerForms.TaskForm form, FormErrors errors, Model model) {
        List<Option> people = new ArrayList<>();
        people.add(Option.of("", Ui.t("tracker.task.owner.choose")));
        tracker.people(tenant).forEach(p -> people.add(Option.of(p.userId().toString(), p.displayName())));
        people.add(Option.of(TrackerForms.SOMEONE_ELSE, Ui.t("tracker.task.owner.someone-else")));
        model.addAttribute("plan", plan);
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("people", people);
        model.addAttribute("outcomeOptions", Tags.outcomeOptions(plan));
        model.addAttribute("rowOptions", Tags.rowOptions(plan));
        model.addAttribute("errors", errors);
        return "tracker/task-form";
    }

    private String statusForm(Plan plan, Task task, TrackerForms.StatusForm form, FormErrors errors, Model model) {
        List<Option> statuses = new ArrayList<>();
        for (TaskStatus s : TaskStatus.values()) {
            statuses.add(new Option(s.name(), Ui.t(s.messageKey()), s == TaskStatus.DONE ? Ui.t("tracker.status.done.hint") : null));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("statuses", statuses);
        model.addAttribute("errors", errors);
        return "tracker/status-form";
    }
}
