package org.coproduction.impact.organisation.web;

import java.util.UUID;
import org.coproduction.impact.organisation.OrganisationService;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.tenancy.OperatorOnly;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The platform operator's list of organisations, where one can be suspended or restored. */
@Controller
@OperatorOnly
class OperatorController {

    private final OrganisationService organisations;

    OperatorController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/operator/organisations")
    String showOrganisations(Model model) {
        model.addAttribute("organisations", organisations.allOrganisations());
        return "organisation/operator-organisations";
    }

    @PostMapping("/operator/organisations/{organisationId}/suspension")
    String setSuspended(
            @PathVariable UUID organisationId,
            @RequestParam(defaultValue = "true") boolean suspended,
            @AuthenticationPrincipal SignedInUser operator) {
        organisations.setSuspended(operator.userId(), organisationId, suspended);
        return "redirect:/operator/organisations";
    }
}
