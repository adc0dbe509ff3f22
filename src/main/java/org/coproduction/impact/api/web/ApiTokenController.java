package org.coproduction.impact.api.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.api.ApiScopes;
import org.coproduction.impact.api.ApiTokenService;
import org.coproduction.impact.api.NewToken;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.BaseUrl;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An ADMIN makes API tokens for dashboards and funders, sees each one once, and revokes them
 * (docs/api.md). The new token is shown on the page that answers the POST, not after a redirect:
 * a redirect would have to keep it (in the session, so in the database) until the next page.
 */
@Controller
@RequiresRole(Role.ADMIN)
class ApiTokenController {

    static final String PATH = "/settings/api-tokens";

    private final ApiTokenService tokens;
    private final BaseUrl baseUrl;

    ApiTokenController(ApiTokenService tokens, BaseUrl baseUrl) {
        this.tokens = tokens;
        this.baseUrl = baseUrl;
    }

    @GetMapping(PATH)
    String showTokens(Tenant tenant, Model model) {
        return page(tenant, model, ApiTokenForm.empty(), FormErrors.none());
    }

    @PostMapping(PATH)
    String createToken(Tenant tenant, @ModelAttribute ApiTokenForm form, Model model) {
        FormErrors errors = FormErrors.none();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            errors = errors.plus("name", Ui.t("api.tokens.name.required"));
        } else if (name.length() > 100) {
            errors = errors.plus("name", Ui.t("api.tokens.name.long"));
        }
        if (form.chosen().isEmpty() || !ApiScopes.ALL.containsAll(form.chosen())) {
            errors = errors.plus("scopes", Ui.t("api.tokens.scopes.required"));
        }
        LocalDate expires = null;
        boolean blank = blank(form.expiresDay()) && blank(form.expiresMonth()) && blank(form.expiresYear());
        if (!blank) {
            try {
                expires = LocalDate.of(Integer.parseInt(strip(form.expiresYear())), Integer.parseInt(strip(form.expiresMonth())),
                        Integer.parseInt(strip(form.expiresDay())));
                if (!expires.isAfter(LocalDate.now(ZoneId.of("Europe/London"))) || expires.getYear() > 2100) {
                    errors = errors.plus("expires", Ui.t("api.tokens.expires.future"));
                }
            } catch (NumberFormatException | DateTimeException e) {
                errors = errors.plus("expires", Ui.t("api.tokens.expires.invalid"));
            }
        }
        if (errors.any()) {
            return page(tenant, model, form, errors);
        }
        NewToken made = tokens.create(tenant, name, form.chosen(), expires);
        model.addAttribute("token", tokens.token(tenant, made.id()));
        model.addAttribute("secret", made.secret());
        model.addAttribute("apiBase", baseUrl.value() + ApiController.V1);
        return "api/token-created";
    }

    @GetMapping(PATH + "/{tokenId}/revoke")
    String confirmRevokeToken(Tenant tenant, @PathVariable UUID tokenId, Model model) {
        model.addAttribute("token", tokens.token(tenant, tokenId));
        return "api/confirm-revoke";
    }

    @PostMapping(PATH + "/{tokenId}/revoke")
    String revokeToken(Tenant tenant, @PathVariable UUID tokenId, RedirectAttributes redirect) {
        String name = tokens.token(tenant, tokenId).name();
        tokens.revoke(tenant, tokenId);
        redirect.addFlashAttribute("notice", Ui.t("api.tokens.revoked", name));
        return "redirect:" + PATH;
    }

    private String page(Tenant tenant, Model model, ApiTokenForm form, FormErrors errors) {
        model.addAttribute("tokens", tokens.tokens(tenant));
        model.addAttribute("now", OffsetDateTime.now());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("scopeOptions", ApiScopes.ALL.stream()
                .map(s -> new Option(s, Ui.t(ApiScopes.messageKey(s)), null))
                .toList());
        return "api/tokens";
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }
}
