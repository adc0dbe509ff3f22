package org.coproduction.impact.organisation.web;

import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.mail.Mailer;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** An ADMIN's look at what the service did: emails it sent or kept, and the activity log. */
@Controller
@RequiresRole(Role.ADMIN)
class AdminController {

    private final Mailer mailer;
    private final AuditLog audit;

    AdminController(Mailer mailer, AuditLog audit) {
        this.mailer = mailer;
        this.audit = audit;
    }

    @GetMapping("/admin/emails")
    String showEmails(Tenant tenant, Model model) {
        model.addAttribute("emails", mailer.outbox(tenant.organisationId(), 100));
        model.addAttribute("mailServer", mailer.hasMailServer());
        return "organisation/emails";
    }

    @GetMapping("/admin/audit")
    String showAudit(Tenant tenant, Model model) {
        model.addAttribute("entries", audit.recent(tenant.organisationId(), 200));
        return "organisation/audit";
    }
}
