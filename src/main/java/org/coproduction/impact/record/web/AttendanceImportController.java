package org.coproduction.impact.record.web;

import java.io.IOException;
import java.util.UUID;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.record.AttendanceImports;
import org.coproduction.impact.record.AttendanceSheet;
import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.shared.web.Uploaded;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Past activity and attendance from a spreadsheet (issue #13): upload it, watch a large file being
 * read, check what will be recorded and every row that will not, and confirm.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class AttendanceImportController {

    private final AttendanceImports imports;
    private final ProjectService projects;

    AttendanceImportController(AttendanceImports imports, ProjectService projects) {
        this.imports = imports;
        this.projects = projects;
    }

    @GetMapping("/projects/{projectId}/recorded/import")
    String showUpload(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return uploadPage(model, projects.project(tenant, projectId), FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/recorded/import")
    String upload(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        Project project = projects.project(tenant, projectId);
        return switch (Uploaded.check(file, AttendanceSheet.MAX_BYTES, "record.import.error.no-file", "record.import.error.too-big")) {
            case Uploaded.Problem(FormErrors errors) -> uploadPage(model, project, errors);
            case Uploaded.Chosen(String filename, byte[] bytes) ->
                    "redirect:" + RecordService.base(projectId) + "/imports/" + imports.start(tenant, projectId, filename, bytes);
        };
    }

    @GetMapping("/projects/{projectId}/recorded/imports/{attendanceImportId}")
    String showPreview(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID attendanceImportId, Model model) {
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("preview", imports.preview(tenant, projectId, attendanceImportId));
        return "record/import-preview";
    }

    @PostMapping("/projects/{projectId}/recorded/imports/{attendanceImportId}/confirm")
    String confirm(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID attendanceImportId, RedirectAttributes redirect) {
        String notice = switch (imports.confirm(tenant, projectId, attendanceImportId)) {
            case AttendanceImports.Confirmed.Recorded(int activities) -> Ui.t("record.import.done", activities);
            case AttendanceImports.Confirmed.AlreadyImported() -> Ui.t("record.import.already");
        };
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + RecordService.base(projectId);
    }

    private String uploadPage(Model model, Project project, FormErrors errors) {
        model.addAttribute("project", project);
        model.addAttribute("errors", errors);
        return "record/import-upload";
    }
}
