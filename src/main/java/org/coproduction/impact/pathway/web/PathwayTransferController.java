package org.coproduction.impact.pathway.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayJson;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.web.FileNames;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sharing pathways: export as JSON, import a shared one into an empty pathway, copy into a new project. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class PathwayTransferController {

    static final long MAX_IMPORT_BYTES = 1_000_000;

    private final ProjectService projects;
    private final PathwayService pathways;

    PathwayTransferController(ProjectService projects, PathwayService pathways) {
        this.projects = projects;
        this.pathways = pathways;
    }

    @GetMapping("/projects/{projectId}/pathway/export")
    ResponseEntity<byte[]> exportPathway(Tenant tenant, @PathVariable UUID projectId) {
        Project project = projects.project(tenant, projectId);
        byte[] json = pathways.export(tenant, projectId).getBytes(StandardCharsets.UTF_8);
        String filename = FileNames.slug(project.name(), "pathway");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename + "-pathway.json", StandardCharsets.UTF_8)
                        .build().toString())
                .body(json);
    }

    @GetMapping("/projects/{projectId}/pathway/import")
    String showImport(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return importPage(tenant, projectId, model, FormErrors.none(), java.util.List.of());
    }

    @PostMapping("/projects/{projectId}/pathway/import")
    String importPathway(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable MultipartFile file,
            Model model, RedirectAttributes redirect) throws IOException {
        Pathway pathway = pathways.pathway(tenant, projectId);
        if (file == null || file.isEmpty()) {
            return importPage(tenant, projectId, model, FormErrors.single("file", Ui.t("pathway.import.error.no-file")), java.util.List.of());
        }
        if (file.getSize() > MAX_IMPORT_BYTES) {
            return importPage(tenant, projectId, model, FormErrors.single("file", Ui.t("pathway.import.error.too-big")), java.util.List.of());
        }
        PathwayJson.Reading reading = PathwayJson.read(new String(file.getBytes(), StandardCharsets.UTF_8));
        if (!reading.ok()) {
            var problems = reading.problems().stream()
                    .map(p -> Ui.t(p.messageKey(), p.args().stream().map(a -> a.startsWith("pathway.") ? Ui.t(a) : a).toArray()))
                    .toList();
            return importPage(tenant, projectId, model, FormErrors.single("file", Ui.t("pathway.import.error.summary")), problems);
        }
        EditResult result = pathways.importInto(tenant, projectId, pathway.version(), reading.document());
        if (result instanceof EditResult.Saved) {
            redirect.addFlashAttribute("notice", Ui.t("pathway.import.done"));
            return "redirect:" + PathwayService.base(projectId);
        }
        return importPage(tenant, projectId, model, ItemPages.errorFor(result, "file"), java.util.List.of());
    }

    private String importPage(Tenant tenant, UUID projectId, Model model, FormErrors errors, java.util.List<String> problems) {
        model.addAttribute("project", projects.project(tenant, projectId));
        model.addAttribute("pathway", pathways.pathway(tenant, projectId));
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        return "pathway/import";
    }

    @GetMapping("/projects/{projectId}/pathway/copy")
    String showCopy(Tenant tenant, @PathVariable UUID projectId, Model model) {
        Project project = projects.project(tenant, projectId);
        model.addAttribute("project", project);
        model.addAttribute("name", Ui.t("pathway.copy.default-name", project.name()));
        model.addAttribute("errors", FormErrors.none());
        return "pathway/copy";
    }

    @PostMapping("/projects/{projectId}/pathway/copy")
    String copyPathway(Tenant tenant, @PathVariable UUID projectId, @RequestParam(defaultValue = "") String name, Model model,
            RedirectAttributes redirect) {
        Project project = projects.project(tenant, projectId);
        FormErrors errors = PathwayForms.requireText(FormErrors.none(), "name", name, 200, "project.name.required");
        if (errors.any()) {
            model.addAttribute("project", project);
            model.addAttribute("name", name);
            model.addAttribute("errors", errors);
            return "pathway/copy";
        }
        UUID copy = pathways.copyToNewProject(tenant, projectId, name.strip());
        redirect.addFlashAttribute("notice", Ui.t("pathway.copy.done", project.name()));
        return "redirect:/projects/" + copy;
    }
}
