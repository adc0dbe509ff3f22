package org.coproduction.impact.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coproduction.impact.shared.tenancy.PublicEndpoint;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the container catches (403, 404, 405, 500...) ends here and gets a page in the
 * service's layout and plain words. No stack trace ever reaches a user.
 */
@Controller
@PublicEndpoint
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    String showError(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Without a status the container did not send us here: someone asked for /error itself.
        // That is a page that does not exist, not a server failure (a 500 would raise alerts).
        boolean failed = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null;
        int status = code instanceof Integer i ? i : failed ? 500 : 404;
        response.setStatus(status);
        model.addAttribute("status", status);
        return switch (status) {
            case 403 -> "error/403";
            case 404, 405 -> "error/404";
            case 413 -> "error/413";
            case 429 -> "error/429";
            default -> "error/500";
        };
    }
}
