package org.coproduction.impact.plan.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.plan.PlanTable;
import org.coproduction.impact.shared.web.FileNames;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A project's plan as SCIE's assessment-plan table to share (issue 4): an accessible PDF (PDF/UA-1)
 * and a Word file to edit, both across a landscape page. The same people as the plan page see them.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
class PlanExportController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final PlanService plans;
    private final AccessiblePdf pdf;

    PlanExportController(PlanService plans, AccessiblePdf pdf) {
        this.plans = plans;
        this.pdf = pdf;
    }

    @GetMapping("/projects/{projectId}/plan/export.pdf")
    ResponseEntity<byte[]> downloadPdf(Tenant tenant, @PathVariable UUID projectId) {
        PlanTable table = printed(tenant, projectId);
        byte[] file = pdf.pdf("plan/print.jte", Map.of("table", table, "organisation", tenant.organisationName()));
        return download(file, MediaType.APPLICATION_PDF, fileName(table, "pdf"), true);
    }

    @GetMapping("/projects/{projectId}/plan/export.docx")
    ResponseEntity<byte[]> downloadDocx(Tenant tenant, @PathVariable UUID projectId) {
        PlanTable table = printed(tenant, projectId);
        return download(PlanDocx.write(table, tenant.organisationName()), DOCX, fileName(table, "docx"), false);
    }

    private PlanTable printed(Tenant tenant, UUID projectId) {
        return plans.table(tenant, projectId).withSuccessAndHowTogether(Ui.t("plan.export.success-and-how"));
    }

    static String fileName(PlanTable table, String extension) {
        return FileNames.slug(table.projectName(), "project") + "-assessment-plan." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] file, MediaType type, String name, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
    }
}
