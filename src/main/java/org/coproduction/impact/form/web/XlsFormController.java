package org.coproduction.impact.form.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.XlsForm;
import org.coproduction.impact.form.XlsFormImport;
import org.coproduction.impact.form.XlsFormImports;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FileNames;
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
 * XLSForm files (KoboToolbox, ODK): upload one, see what it will make and what it cannot bring in,
 * and confirm; and download any form as one (issue #13).
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class XlsFormController {

    private final XlsFormImports imports;
    private final FormService forms;
    private final ProjectService projects;

    XlsFormController(XlsFormImports imports, FormService forms, ProjectService projects) {
        this.imports = imports;
        this.forms = forms;
        this.projects = projects;
    }

    @GetMapping("/projects/{projectId}/forms/import")
    String showProjectUpload(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return uploadPage(model, projects.project(tenant, projectId), FormErrors.none());
    }

    @GetMapping("/organisation/forms/import")
    String showOrganisationUpload(Model model) {
        return uploadPage(model, null, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/forms/import")
    String uploadForProject(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable MultipartFile file,
            Model model) throws IOException {
        return upload(tenant, projects.project(tenant, projectId), file, model);
    }

    @PostMapping("/organisation/forms/import")
    String uploadForOrganisation(Tenant tenant, @RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
        return upload(tenant, null, file, model);
    }

    private String upload(Tenant tenant, @Nullable Project project, @Nullable MultipartFile file, Model model) throws IOException {
        return switch (Uploaded.check(file, XlsForm.MAX_BYTES, "form.xlsform.error.no-file", "form.xlsform.error.too-big")) {
            case Uploaded.Problem(FormErrors errors) -> uploadPage(model, project, errors);
            case Uploaded.Chosen(String filename, byte[] bytes) -> switch (imports.read(tenant, project == null ? null : project.id(), filename,
                    bytes, Ui.t("form.xlsform.untitled"))) {
                case XlsFormImports.Upload.Refused(String key) -> uploadPage(model, project, FormErrors.single("file", Ui.t(key)));
                case XlsFormImports.Upload.Previewed(UUID id) -> "redirect:/forms/imports/" + id;
            };
        };
    }

    @GetMapping("/forms/imports/{formImportId}")
    String showPreview(Tenant tenant, @PathVariable UUID formImportId, Model model) {
        XlsFormImport preview = imports.preview(tenant, formImportId);
        model.addAttribute("preview", preview);
        model.addAttribute("project", preview.projectId() == null ? null : projects.project(tenant, preview.projectId()));
        return "form/xlsform-preview";
    }

    @PostMapping("/forms/imports/{formImportId}/confirm")
    String confirm(Tenant tenant, @PathVariable UUID formImportId, RedirectAttributes redirect) {
        boolean already = imports.preview(tenant, formImportId).confirmed();
        UUID formId = imports.confirm(tenant, formImportId);
        redirect.addFlashAttribute("notice", Ui.t(already ? "form.xlsform.already" : "form.xlsform.done"));
        return "redirect:/forms/" + formId;
    }

    @GetMapping("/forms/{formId}/xlsform.xlsx")
    void download(Tenant tenant, @PathVariable UUID formId, HttpServletResponse response) throws IOException {
        Form form = forms.form(tenant, formId);
        byte[] file = imports.export(tenant, formId);
        ResponsesController.downloading(response, ResponsesController.XLSX, FileNames.slug(form.title(), "form") + "-xlsform.xlsx");
        response.setContentLength(file.length);
        response.getOutputStream().write(file);
    }

    private String uploadPage(Model model, @Nullable Project project, FormErrors errors) {
        model.addAttribute("project", project);
        model.addAttribute("errors", errors);
        return "form/xlsform-upload";
    }
}
