package org.coproduction.impact.framework.web;

import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.framework.FrameworkService;
import org.coproduction.impact.framework.FrameworkVersion;
import org.coproduction.impact.framework.VersionSummary;
import org.coproduction.impact.shared.document.AccessiblePdf;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A version as something to share: the easy-read summary page, an accessible PDF (the whole
 * framework and its easy-read summary, from the same templates as the page) and a Word file to edit.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER, Role.VIEWER})
class FrameworkExportController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final FrameworkService frameworks;
    private final AccessiblePdf pdf;

    FrameworkExportController(FrameworkService frameworks, AccessiblePdf pdf) {
        this.frameworks = frameworks;
        this.pdf = pdf;
    }

    @GetMapping("/framework/versions/{versionId}/easy-read")
    String showEasyRead(Tenant tenant, @PathVariable UUID versionId, Model model) {
        model.addAttribute("version", frameworks.version(tenant, versionId));
        return "framework/easy-read";
    }

    @GetMapping("/framework/versions/{versionId}/pdf")
    ResponseEntity<byte[]> downloadPdf(Tenant tenant, @PathVariable UUID versionId) {
        FrameworkVersion version = frameworks.version(tenant, versionId);
        byte[] file = pdf.pdf("framework/print.jte", Map.of("version", version, "organisation", tenant.organisationName(),
                "status", status(version.summary())));
        return download(file, MediaType.APPLICATION_PDF, fileName(version, "pdf"), true);
    }

    @GetMapping("/framework/versions/{versionId}/docx")
    ResponseEntity<byte[]> downloadDocx(Tenant tenant, @PathVariable UUID versionId) {
        FrameworkVersion version = frameworks.version(tenant, versionId);
        byte[] file = FrameworkDocx.write(version, tenant.organisationName(), status(version.summary()));
        return download(file, DOCX, fileName(version, "docx"), false);
    }

    /** "Version 2, published on 3 March 2026", or "Version 3 (draft)". */
    static String status(VersionSummary v) {
        return v.isDraft() || v.publishedAt() == null
                ? Ui.t("framework.version.draft-title", v.number())
                : Ui.t("framework.version.published-title", v.number(), Ui.date(v.publishedAt()));
    }

    private static String fileName(FrameworkVersion version, String extension) {
        return "co-production-impact-framework-version-" + version.summary().number()
                + (version.summary().isDraft() ? "-draft" : "") + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] file, MediaType type, String name, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(name).build();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
    }
}
