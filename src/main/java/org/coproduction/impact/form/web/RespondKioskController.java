package org.coproduction.impact.form.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.PublicForm;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A facilitator turns this device into a kiosk for one form: a tablet passed round a room. They
 * choose a PIN (4 to 8 digits) that leaves kiosk mode; the tablet then shows the form, restarting
 * after each person. Starting kiosk mode signs the facilitator out on this device, so nobody
 * answering can reach the organisation's pages from it.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class RespondKioskController {

    /** How long a tablet stays a kiosk without being used again: a week of sessions. */
    private static final int KIOSK_DAYS = 7;

    private final FormService forms;
    private final RespondentService respondents;

    RespondKioskController(FormService forms, RespondentService respondents) {
        this.forms = forms;
        this.respondents = respondents;
    }

    @GetMapping("/forms/{formId}/kiosk")
    String showKiosk(Tenant tenant, @PathVariable UUID formId, Model model) {
        return kioskPage(forms.form(tenant, formId), FormErrors.none(), model);
    }

    @PostMapping("/forms/{formId}/kiosk")
    String startKiosk(Tenant tenant, @PathVariable UUID formId, @RequestParam(defaultValue = "") String pin, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Form form = forms.form(tenant, formId);
        String chosen = pin.strip();
        if (!chosen.matches("\\d{4,8}")) {
            return kioskPage(form, FormErrors.single("pin", Ui.t("respond.kiosk.pin.invalid")), model);
        }
        forms.setKioskPin(tenant, formId, chosen);
        PublicForm found = respondents.locate(form.token()).orElseThrow();
        String base = "/r/" + form.token();
        Cookie cookie = new Cookie(RespondController.KIOSK_COOKIE, respondents.kioskPass(found).orElseThrow());
        cookie.setPath(base);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(KIOSK_DAYS * 24 * 60 * 60);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        // Whatever was half-done on this device is not the next person's.
        RespondController.clearCookie(RespondController.DRAFT_COOKIE, base, request, response);
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:" + base;
    }

    private String kioskPage(Form form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("open", form.takesAnswers(respondents.today()));
        return "form/respond-kiosk";
    }
}
