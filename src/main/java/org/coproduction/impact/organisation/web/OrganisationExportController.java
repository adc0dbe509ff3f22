package org.coproduction.impact.organisation.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.coproduction.impact.organisation.OrganisationExport;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** An ADMIN downloads all of the organisation's data in one zip: first a page saying what it holds. */
@Controller
@RequiresRole(Role.ADMIN)
class OrganisationExportController {

    private final OrganisationExport export;

    OrganisationExportController(OrganisationExport export) {
        this.export = export;
    }

    @GetMapping("/settings/export")
    String showExport() {
        return "organisation/export";
    }

    @GetMapping("/settings/export/download")
    ResponseEntity<StreamingResponseBody> download(Tenant tenant) {
        String name = "organisation-data-" + LocalDate.now() + ".zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> export.write(tenant, out));
    }
}
