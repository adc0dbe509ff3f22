package org.coproduction.impact.organisation.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.coproduction.impact.organisation.OrganisationService;
import org.coproduction.impact.organisation.Person;
import org.coproduction.impact.organisation.SubjectAccess;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** An ADMIN answers a person's request for their data: what the download holds, then the zip. */
@Controller
@RequiresRole(Role.ADMIN)
class SubjectAccessController {

    private final OrganisationService organisations;
    private final SubjectAccess subjectAccess;

    SubjectAccessController(OrganisationService organisations, SubjectAccess subjectAccess) {
        this.organisations = organisations;
        this.subjectAccess = subjectAccess;
    }

    @GetMapping("/people/{personId}/data")
    String showTheirData(Tenant tenant, @PathVariable UUID personId, Model model) {
        model.addAttribute("person", organisations.person(tenant, personId));
        return "organisation/subject-access";
    }

    @GetMapping("/people/{personId}/data/download")
    ResponseEntity<StreamingResponseBody> download(Tenant tenant, @PathVariable UUID personId) {
        Person person = organisations.person(tenant, personId); // 404 before anything is written
        String name = "data-about-" + person.username().replaceAll("[^A-Za-z0-9._-]+", "-") + ".zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> subjectAccess.write(tenant, personId, out));
    }
}
