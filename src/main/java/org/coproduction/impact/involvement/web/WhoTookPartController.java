package org.coproduction.impact.involvement.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.involvement.InvolvementService;
import org.coproduction.impact.involvement.LocalProfileCsv;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
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

/**
 * Who took part, beside the area: for a project and for the whole organisation (ADMINs and
 * FACILITATORs), and the local population profile the ADMIN imports through a preview.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class WhoTookPartController {

    static final String BASE = "/who-took-part";
    static final String PROFILE = BASE + "/local-profile";

    private final InvolvementService involvement;

    WhoTookPartController(InvolvementService involvement) {
        this.involvement = involvement;
    }

    @GetMapping(BASE)
    String showOrganisation(Tenant tenant, Model model) {
        model.addAttribute("comparison", involvement.comparison(tenant, null));
        model.addAttribute("projectName", null);
        model.addAttribute("back", "/");
        model.addAttribute("canImport", tenant.is(Role.ADMIN));
        return "involvement/who-took-part";
    }

    @GetMapping("/projects/{projectId}/who-took-part")
    String showProject(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("projectName", involvement.project(tenant, projectId).name());
        model.addAttribute("comparison", involvement.comparison(tenant, projectId));
        model.addAttribute("back", "/projects/" + projectId);
        model.addAttribute("canImport", tenant.is(Role.ADMIN));
        return "involvement/who-took-part";
    }

    // ---------------------------------------------------------------------------------------
    // The local population profile: upload, preview, confirm (ADMINs)

    @GetMapping(PROFILE)
    @RequiresRole(Role.ADMIN)
    String showImport(Tenant tenant, Model model) {
        return importPage(tenant, FormErrors.none(), "", "", model);
    }

    @GetMapping(PROFILE + "/example.csv")
    @RequiresRole(Role.ADMIN)
    ResponseEntity<byte[]> exampleFile() throws IOException {
        byte[] csv = new ClassPathResource("involvement/example-local-profile.csv").getContentAsByteArray();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("Example local profile.csv", StandardCharsets.UTF_8).build().toString())
                .body(csv);
    }

    @PostMapping(PROFILE)
    @RequiresRole(Role.ADMIN)
    String previewImport(Tenant tenant, @RequestParam(defaultValue = "") String area, @RequestParam(defaultValue = "") String source,
            @RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
        area = area.strip();
        source = source.strip();
        FormErrors errors = FormErrors.none();
        if (area.isEmpty()) {
            errors = errors.plus("area", Ui.t("involvement.profile.error.area"));
        } else if (area.length() > InvolvementService.AREA_NAME) {
            errors = errors.plus("area", Ui.t("involvement.profile.error.area-long", InvolvementService.AREA_NAME));
        }
        if (source.length() > InvolvementService.SOURCE) {
            errors = errors.plus("source", Ui.t("involvement.profile.error.source-long", InvolvementService.SOURCE));
        }
        String csv = null;
        if (file == null || file.isEmpty()) {
            errors = errors.plus("file", Ui.t("involvement.profile.error.no-file"));
        } else if (file.getSize() > LocalProfileCsv.MAX_BYTES) {
            errors = errors.plus("file", Ui.t("involvement.profile.error.too-big"));
        } else {
            Optional<String> text = LocalProfileCsv.text(file.getBytes());
            if (text.isEmpty()) {
                errors = errors.plus("file", Ui.t("involvement.profile.error.not-csv"));
            } else if (LocalProfileCsv.read(text.get()) instanceof LocalProfileCsv.Reading.Refused(String key)) {
                errors = errors.plus("file", Ui.t(key));
            } else {
                csv = text.get();
            }
        }
        if (errors.any() || csv == null) {
            return importPage(tenant, errors, area, source, model);
        }
        LocalProfileCsv.Reading.Read read = (LocalProfileCsv.Reading.Read) LocalProfileCsv.read(csv);
        model.addAttribute("area", area);
        model.addAttribute("source", source);
        model.addAttribute("csv", csv);
        model.addAttribute("read", read);
        model.addAttribute("filename", file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
        return "involvement/local-profile-preview";
    }

    @PostMapping(PROFILE + "/confirm")
    @RequiresRole(Role.ADMIN)
    String confirmImport(Tenant tenant, @RequestParam(defaultValue = "") String area, @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String csv, RedirectAttributes redirect, Model model) {
        area = area.strip();
        source = source.strip();
        if (area.isEmpty() || area.length() > InvolvementService.AREA_NAME || source.length() > InvolvementService.SOURCE) {
            return importPage(tenant, FormErrors.single("area", Ui.t("involvement.profile.error.area")), area, source, model);
        }
        Optional<Integer> imported = involvement.importProfile(tenant, area, source.isEmpty() ? null : source, csv);
        if (imported.isEmpty()) {
            return importPage(tenant, FormErrors.single("file", Ui.t("involvement.profile.error.nothing")), area, source, model);
        }
        redirect.addFlashAttribute("notice", Ui.t("involvement.profile.done", imported.get(), area));
        return "redirect:" + BASE;
    }

    private String importPage(Tenant tenant, FormErrors errors, String area, String source, Model model) {
        model.addAttribute("profile", involvement.localProfile(tenant).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("area", area);
        model.addAttribute("source", source);
        return "involvement/local-profile";
    }
}
