package org.coproduction.impact.record.web;

import org.coproduction.impact.record.RecordService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What facilitators have published from every project, as partners and funders (viewers) read it. */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER, Role.VIEWER})
class PublishedController {

    private final RecordService records;

    PublishedController(RecordService records) {
        this.records = records;
    }

    @GetMapping("/published-evidence")
    String published(Tenant tenant, Model model) {
        model.addAttribute("items", records.published(tenant));
        return "record/published";
    }
}
