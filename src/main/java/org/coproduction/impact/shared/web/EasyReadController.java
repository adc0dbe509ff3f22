package org.coproduction.impact.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.coproduction.impact.shared.tenancy.CurrentRequest;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The easy-read switch on every page. It is a real form, so it works without JavaScript; the
 * choice is kept in a cookie and, for a signed-in person, on their account.
 */
@Controller
@PublicEndpoint
class EasyReadController {

    private final ApplicationEventPublisher events;

    EasyReadController(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostMapping("/preferences/easy-read")
    String switchEasyRead(
            @RequestParam(defaultValue = "false") boolean on,
            @RequestParam(defaultValue = "/") String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        Cookie cookie = new Cookie(Ui.EASY_READ_COOKIE, on ? "1" : "0");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.getSession().setAttribute(Ui.EASY_READ, on);
        CurrentRequest.user().ifPresent(u -> events.publishEvent(new EasyReadChosen(u.userId(), on)));
        return "redirect:" + SafeRedirect.localPath(back);
    }
}
