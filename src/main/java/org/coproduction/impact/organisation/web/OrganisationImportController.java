package org.coproduction.impact.organisation.web;

import java.io.IOException;
import java.util.UUID;
import org.coproduction.impact.organisation.OrganisationImport;
import org.coproduction.impact.shared.tenancy.OperatorOnly;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator brings in an organisation from another instance's export (issue #15): upload the
 * zip, check what it holds and who will need to set a password, name the new organisation, confirm.
 */
@Controller
@OperatorOnly
class OrganisationImportController {

    /**
     * Largest export taken through the page. Uploads to this one address are read with this limit
     * ({@link OrganisationImportUploads}); every other upload keeps the service's limit.
     */
    static final long MAX_BYTES = 500L * 1024 * 1024;

    private final OrganisationImport imports;

    OrganisationImportController(OrganisationImport imports) {
        this.imports = imports;
    }

    @GetMapping("/operator/organisations/import")
    String showUpload(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "organisation/operator-import";
    }

    @PostMapping("/operator/organisations/import")
    String upload(@RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", FormErrors.single("file", Ui.t("organisation.import.error.no-file")));
            return "organisation/operator-import";
        }
        if (file.getSize() > MAX_BYTES) {
            model.addAttribute("errors", FormErrors.single("file", Ui.t("organisation.import.error.too-big")));
            return "organisation/operator-import";
        }
        try {
            try (var in = file.getInputStream()) {
                return "redirect:/operator/organisations/imports/" + imports.stage(in);
            }
        } catch (OrganisationImport.Refused e) {
            model.addAttribute("errors", FormErrors.single("file", Ui.t(e.key(), e.details().toArray())));
            return "organisation/operator-import";
        }
    }

    @GetMapping("/operator/organisations/imports/{organisationImportId}")
    String showPreview(@PathVariable UUID organisationImportId, Model model) {
        return preview(organisationImportId, null, FormErrors.none(), model);
    }

    @PostMapping("/operator/organisations/imports/{organisationImportId}/confirm")
    String confirm(@PathVariable UUID organisationImportId, @RequestParam(required = false) @Nullable String name,
            @AuthenticationPrincipal SignedInUser operator, Model model, RedirectAttributes redirect) {
        if (name != null && name.strip().length() > 200) {
            return preview(organisationImportId, name, FormErrors.single("name", Ui.t("organisation.import.refused.name")), model);
        }
        try {
            OrganisationImport.Imported done = imports.confirm(organisationImportId, name, operator.userId());
            redirect.addFlashAttribute("notice", Ui.t("organisation.import.done", done.name(), done.accountsMade(), done.accountsLinked()));
            return "redirect:/operator/organisations";
        } catch (OrganisationImport.Refused e) {
            return preview(organisationImportId, name, FormErrors.single("name", Ui.t(e.key(), e.details().toArray())), model);
        }
    }

    private String preview(UUID id, @Nullable String name, FormErrors errors, Model model) {
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        model.addAttribute("staged", imports.staged(id));
        return "organisation/operator-import-preview";
    }
}
