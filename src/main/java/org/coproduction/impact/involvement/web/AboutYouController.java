package org.coproduction.impact.involvement.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.coproduction.impact.form.AboutYou;
import org.coproduction.impact.involvement.InvolvementService;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own "about you" answers, given once for their profile instead of on every form. Every
 * question can be left, every one offers "I prefer not to say", and the answers can be taken back.
 * Only the person sees their own answers; staff see counts with small numbers hidden.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER, Role.VIEWER})
class AboutYouController {

    private final InvolvementService involvement;

    AboutYouController(InvolvementService involvement) {
        this.involvement = involvement;
    }

    @GetMapping("/about-you")
    String showAboutYou(Tenant tenant, Model model) {
        model.addAttribute("answers", involvement.ownAnswers(tenant));
        Map<AboutYou, List<Option>> options = new EnumMap<>(AboutYou.class);
        for (AboutYou part : AboutYou.values()) {
            options.put(part, part.choices().stream().map(c -> Option.of(c, Ui.t(part.choiceKey(c)))).toList());
        }
        model.addAttribute("options", options);
        return "involvement/about-you";
    }

    @PostMapping("/about-you")
    String saveAboutYou(Tenant tenant, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<AboutYou, String> given = new EnumMap<>(AboutYou.class);
        for (AboutYou part : AboutYou.values()) {
            String value = params.get(part.slug());
            if (value != null && part.choices().contains(value)) {
                given.put(part, value);
            }
        }
        involvement.saveOwnAnswers(tenant, given);
        redirect.addFlashAttribute("notice", Ui.t("involvement.about-you.saved"));
        return "redirect:/about-you";
    }

    @PostMapping("/about-you/remove")
    String removeAboutYou(Tenant tenant, RedirectAttributes redirect) {
        involvement.saveOwnAnswers(tenant, Map.of());
        redirect.addFlashAttribute("notice", Ui.t("involvement.about-you.removed"));
        return "redirect:/about-you";
    }
}
