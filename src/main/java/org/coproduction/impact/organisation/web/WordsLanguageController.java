package org.coproduction.impact.organisation.web;

import java.util.List;
import org.coproduction.impact.organisation.OrganisationService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Languages;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The language the organisation writes its own words in (issue #13): an ADMIN says whether its
 * project names, outcomes and forms are in English or in Welsh, so that every page marks them for
 * screen readers where the page is in the other language.
 */
@Controller
@RequiresRole(Role.ADMIN)
class WordsLanguageController {

    private final OrganisationService organisations;

    WordsLanguageController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/settings/language")
    String show(Tenant tenant, Model model) {
        return page(model, Ui.ownWords(), FormErrors.none());
    }

    @PostMapping("/settings/language")
    String save(Tenant tenant, @RequestParam(required = false) @Nullable String language, Model model, RedirectAttributes redirect) {
        if (Languages.byCode(language).isEmpty()) {
            return page(model, null, FormErrors.single("language", Ui.t("words-language.choose")));
        }
        organisations.setWordsLanguage(tenant, language);
        redirect.addFlashAttribute("notice", Ui.t("cy".equals(language) ? "words-language.saved.cy" : "words-language.saved.en"));
        return "redirect:/settings/language";
    }

    private static String page(Model model, @Nullable String value, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("value", value);
        model.addAttribute("options", List.of(
                new Option("en", Ui.t("words-language.en"), null),
                new Option("cy", Ui.t("words-language.cy"), null)));
        return "organisation/words-language";
    }
}
