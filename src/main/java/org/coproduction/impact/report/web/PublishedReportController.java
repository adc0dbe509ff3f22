package org.coproduction.impact.report.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidencePictures;
import org.coproduction.impact.report.ReportService;
import org.coproduction.impact.report.ShownReport;
import org.coproduction.impact.shared.document.AccessiblePdf;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FileNames;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Published reports, for everyone who may read them: the page, the tagged PDF, the Word file and the
 * easy-read summary (page and PDF), each made from the same frozen snapshot with consent checked now.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER, Role.VIEWER})
class PublishedReportController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ReportService reports;
    private final AccessiblePdf pdf;

    PublishedReportController(ReportService reports, AccessiblePdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    /** Every published report this person may read: for viewers (funders, partners), where they find them. */
    @GetMapping("/review-reports")
    String showReadable(Tenant tenant, Model model) {
        model.addAttribute("reports", reports.readable(tenant));
        return "report/readable";
    }

    @GetMapping("/projects/{projectId}/review-reports/{reviewReportId}")
    String showReport(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reviewReportId,
            @RequestParam(required = false) @Nullable Integer version, Model model) {
        if (tenant.is(Role.ADMIN, Role.FACILITATOR) && !reports.report(tenant, projectId, reviewReportId).isPublished()) {
            return "redirect:" + ReportService.base(projectId) + "/" + reviewReportId + "/publish";
        }
        model.addAttribute("shown", reports.published(tenant, projectId, reviewReportId, version));
        model.addAttribute("canManage", tenant.is(Role.ADMIN, Role.FACILITATOR));
        return "report/report";
    }

    @GetMapping("/projects/{projectId}/review-reports/{reviewReportId}/report.pdf")
    ResponseEntity<byte[]> downloadPdf(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reviewReportId,
            @RequestParam(required = false) @Nullable Integer version) {
        ShownReport shown = reports.published(tenant, projectId, reviewReportId, version);
        byte[] file = pdf.pdf("report/print.jte", Map.of("shown", shown, "pictures", dataUris(reports.pictures(tenant, shown))));
        return download(file, MediaType.APPLICATION_PDF, name(shown, "pdf"));
    }

    /** A photo of one of the report's stories, for its page: only while the story may be shown to the report's audience. */
    @GetMapping("/projects/{projectId}/review-reports/{reviewReportId}/pictures/{pictureId}")
    ResponseEntity<byte[]> showPicture(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reviewReportId,
            @PathVariable UUID pictureId, @RequestParam(required = false) @Nullable Integer version) {
        EvidencePictures.Content picture = reports.picture(tenant, projectId, reviewReportId, version, pictureId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(picture.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(picture.bytes());
    }

    @GetMapping("/projects/{projectId}/review-reports/{reviewReportId}/report.docx")
    ResponseEntity<byte[]> downloadDocx(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reviewReportId,
            @RequestParam(required = false) @Nullable Integer version) {
        ShownReport shown = reports.published(tenant, projectId, reviewReportId, version);
        return download(ReportDocx.write(shown.snapshot(), shown.publication().number(), reports.pictures(tenant, shown)), DOCX,
                name(shown, "docx"));
    }

    @GetMapping("/projects/{projectId}/review-reports/{reviewReportId}/easy-read")
    String showEasyRead(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reviewReportId,
            @RequestParam(required = false) @Nullable Integer version, Model model) {
        model.addAttribute("shown", reports.published(tenant, projectId, reviewReportId, version));
        return "report/easy-read";
    }

    @GetMapping("/projects/{projectId}/review-reports/{reviewReportId}/easy-read.pdf")
    ResponseEntity<byte[]> downloadEasyReadPdf(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID reviewReportId,
            @RequestParam(required = false) @Nullable Integer version) {
        ShownReport shown = reports.published(tenant, projectId, reviewReportId, version);
        byte[] file = pdf.pdf("report/easy-read-print.jte", Map.of("shown", shown));
        return download(file, MediaType.APPLICATION_PDF, "easy-read-" + name(shown, "pdf"));
    }

    /** The photos as data addresses, so the PDF carries them without fetching anything. */
    private static Map<UUID, String> dataUris(Map<UUID, EvidencePictures.Content> pictures) {
        Map<UUID, String> uris = new java.util.HashMap<>();
        pictures.forEach((id, c) -> uris.put(id, "data:" + c.contentType() + ";base64," + java.util.Base64.getEncoder().encodeToString(c.bytes())));
        return uris;
    }

    private static String name(ShownReport shown, String extension) {
        return FileNames.slug(shown.snapshot().title(), "report") + "-v" + shown.publication().number() + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] file, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
    }
}
