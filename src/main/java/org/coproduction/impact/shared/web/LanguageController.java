package org.coproduction.impact.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.coproduction.impact.shared.tenancy.CurrentRequest;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The language switch on every page (English | Cymraeg). Each language is a plain link, so it works
 * without JavaScript and a screen reader announces it in its own language. The choice is kept in a
 * cookie for everyone, in the session, and on the account of a signed-in person; the link then goes
 * back to the page it came from, only ever a path on this site.
 */
@Controller
@PublicEndpoint
class LanguageController {

    private final ApplicationEventPublisher events;

    LanguageController(ApplicationEventPublisher events) {
        this.events = events;
    }

    @GetMapping("/language")
    String choose(
            @RequestParam(name = "to", defaultValue = "") String code,
            @RequestParam(defaultValue = "/") String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<Locale> language = Languages.byCode(code);
        if (language.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String chosen = language.get().getLanguage();
        Languages.remember(request, response, language.get());
        CurrentRequest.user().ifPresent(u -> events.publishEvent(new LanguageChosen(u.userId(), chosen)));
        return "redirect:" + SafeRedirect.localPath(back);
    }
}
