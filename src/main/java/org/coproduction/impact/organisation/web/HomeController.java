package org.coproduction.impact.organisation.web;

import java.util.List;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.HomeNotice;
import org.coproduction.impact.shared.web.HomeNotices;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what the service is for, or the signed-in person's home in their organisation. */
@Controller
@PublicEndpoint
class HomeController {

    private final ObjectProvider<HomeNotices> notices;

    HomeController(ObjectProvider<HomeNotices> notices) {
        this.notices = notices;
    }

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
        Tenant tenant = Ui.tenant();
        if (tenant == null) {
            return "home/no-organisation";
        }
        // Reminders from the features (the framework's yearly review...), without depending on them.
        List<HomeNotice> all = notices.orderedStream().flatMap(n -> n.noticesFor(tenant).stream()).toList();
        model.addAttribute("notices", all);
        return "home/home";
    }

    @GetMapping("/accessibility")
    String showAccessibilityStatement() {
        return "home/accessibility";
    }
}
