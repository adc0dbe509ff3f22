package org.coproduction.impact.form.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.ResponseImports;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.shared.web.Uploaded;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bringing in a form's responses from another tool's export (issue #13): upload the file, match its
 * questions to the form's, watch a large file being read, check what will be added and every row
 * that will not, and confirm.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class ResponseImportController {

    private final ResponseImports imports;
    private final FormService forms;
    private final ProjectService projects;

    ResponseImportController(ResponseImports imports, FormService forms, ProjectService projects) {
        this.imports = imports;
        this.forms = forms;
        this.projects = projects;
    }

    @GetMapping("/projects/{projectId}/forms/from-export")
    String showNewFormUpload(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return newFormPage(model, projects.project(tenant, projectId), FormErrors.none());
    }

    @GetMapping("/organisation/forms/from-export")
    String showOrganisationNewFormUpload(Model model) {
        return newFormPage(model, null, FormErrors.none());
    }

    @PostMapping("/projects/{projectId}/forms/from-export")
    String uploadNewForm(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        return newForm(tenant, projects.project(tenant, projectId), file, model);
    }

    @PostMapping("/organisation/forms/from-export")
    String uploadOrganisationNewForm(Tenant tenant, @RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
        return newForm(tenant, null, file, model);
    }

    private String newForm(Tenant tenant, @Nullable Project project, @Nullable MultipartFile file, Model model) throws IOException {
        return switch (Uploaded.check(file, ResponseImports.MAX_BYTES, "form.import.error.no-file", "form.import.error.too-big")) {
            case Uploaded.Problem(FormErrors errors) -> newFormPage(model, project, errors);
            case Uploaded.Chosen(String filename, byte[] bytes) -> switch (imports.uploadAsNewForm(tenant,
                    project == null ? null : project.id(), filename, bytes, Ui.t("form.import.new.untitled"))) {
                case ResponseImports.NewForm.Made(UUID formId, UUID importId) -> "redirect:/forms/" + formId + "/responses/imports/" + importId;
                case ResponseImports.NewForm.Refused(String key) -> newFormPage(model, project, FormErrors.single("file", Ui.t(key)));
            };
        };
    }

    private String newFormPage(Model model, @Nullable Project project, FormErrors errors) {
        model.addAttribute("project", project);
        model.addAttribute("errors", errors);
        return "form/response-import-new";
    }

    @GetMapping("/forms/{formId}/responses/import")
    String showUpload(Tenant tenant, @PathVariable UUID formId, Model model) {
        return uploadPage(model, forms.form(tenant, formId), FormErrors.none());
    }

    @PostMapping("/forms/{formId}/responses/import")
    String upload(Tenant tenant, @PathVariable UUID formId, @RequestParam(required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        Form form = forms.form(tenant, formId);
        return switch (Uploaded.check(file, ResponseImports.MAX_BYTES, "form.import.error.no-file", "form.import.error.too-big")) {
            case Uploaded.Problem(FormErrors errors) -> uploadPage(model, form, errors);
            case Uploaded.Chosen(String filename, byte[] bytes) -> switch (imports.upload(tenant, formId, filename, bytes)) {
                case ResponseImports.Upload.Recognised(UUID id) -> "redirect:" + form.path() + "/responses/imports/" + id;
                case ResponseImports.Upload.Refused(String key) -> uploadPage(model, form, FormErrors.single("file", Ui.t(key)));
            };
        };
    }

    @GetMapping("/forms/{formId}/responses/imports/{responseImportId}")
    String show(Tenant tenant, @PathVariable UUID formId, @PathVariable UUID responseImportId, Model model) {
        Form form = forms.form(tenant, formId);
        model.addAttribute("form", form);
        ResponseImports.Preview preview = imports.preview(tenant, formId, responseImportId);
        if (preview.status() == ResponseImports.Status.MAPPING) {
            return matchPage(tenant, model, form, responseImportId, Map.of(), FormErrors.none());
        }
        model.addAttribute("preview", preview);
        return "form/response-import-preview";
    }

    @PostMapping("/forms/{formId}/responses/imports/{responseImportId}/match")
    String match(Tenant tenant, @PathVariable UUID formId, @PathVariable UUID responseImportId, @RequestParam MultiValueMap<String, String> params,
            Model model) {
        Form form = forms.form(tenant, formId);
        Map<Integer, String> chosen = new HashMap<>();
        params.forEach((name, values) -> {
            if (name.matches("column-\\d{1,4}") && !values.isEmpty()) {
                chosen.put(Integer.parseInt(name.substring("column-".length())), values.getFirst());
            }
        });
        Map<String, String> problems = imports.start(tenant, formId, responseImportId, chosen);
        if (!problems.isEmpty()) {
            FormErrors errors = FormErrors.none();
            for (Map.Entry<String, String> p : problems.entrySet()) {
                errors = errors.plus("column-" + p.getKey(), Ui.t(p.getValue()));
            }
            return matchPage(tenant, model, form, responseImportId, chosen, errors);
        }
        return "redirect:" + form.path() + "/responses/imports/" + responseImportId;
    }

    @PostMapping("/forms/{formId}/responses/imports/{responseImportId}/confirm")
    String confirm(Tenant tenant, @PathVariable UUID formId, @PathVariable UUID responseImportId, RedirectAttributes redirect) {
        Form form = forms.form(tenant, formId);
        String notice = switch (imports.confirm(tenant, formId, responseImportId)) {
            case ResponseImports.Confirmed.Added(int responses) -> Ui.t("form.import.done", responses);
            case ResponseImports.Confirmed.AlreadyImported() -> Ui.t("form.import.already");
        };
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + form.path() + "/responses";
    }

    private String matchPage(Tenant tenant, Model model, Form form, UUID importId, Map<Integer, String> chosen, FormErrors errors) {
        ResponseImports.Matching matching = imports.matching(tenant, form.id(), importId, Ui.t("form.import.match.before"),
                Ui.t("form.import.match.after"));
        model.addAttribute("form", form);
        model.addAttribute("matching", matching);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        return "form/response-import-match";
    }

    private String uploadPage(Model model, Form form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "form/response-import-upload";
    }
}
