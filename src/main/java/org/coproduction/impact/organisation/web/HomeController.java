package org.coproduction.impact.organisation.web;

import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what the service is for, or the signed-in person's home in their organisation. */
@Controller
@PublicEndpoint
class HomeController {

    @GetMapping("/")
    String showHome(
            @RequestParam(required = false) @Nullable String created,
            @RequestParam(required = false) @Nullable String joined,
            Model model) {
        if (Ui.user() == null) {
            return "home/welcome";
        }
        model.addAttribute("created", created);
        model.addAttribute("joined", joined);
        return Ui.tenant() == null ? "home/no-organisation" : "home/home";
    }

    @GetMapping("/accessibility")
    String showAccessibilityStatement() {
        return "home/accessibility";
    }
}
