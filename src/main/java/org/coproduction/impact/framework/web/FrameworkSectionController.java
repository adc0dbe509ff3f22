package org.coproduction.impact.framework.web;

import java.util.UUID;
import org.coproduction.impact.framework.FrameworkService;
import org.coproduction.impact.framework.SaveResult;
import org.coproduction.impact.framework.Section;
import org.coproduction.impact.framework.SectionText;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
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
 * Writing one section of the draft, with SCIE-based guidance and prompts beside the text. When
 * someone else saved the section first, nothing is saved: the page shows their version and keeps
 * what this person typed, so they can decide.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class FrameworkSectionController {

    private final FrameworkService frameworks;

    FrameworkSectionController(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @GetMapping("/framework/versions/{versionId}/sections/{section}/edit")
    String showSection(Tenant tenant, @PathVariable UUID versionId, @PathVariable String section, Model model) {
        SectionText current = frameworks.draftSection(tenant, versionId, section(section));
        return form(tenant, model, versionId, current, SectionForm.of(current), null, FormErrors.none());
    }

    @PostMapping("/framework/versions/{versionId}/sections/{section}/edit")
    String saveSection(Tenant tenant, @PathVariable UUID versionId, @PathVariable String section,
            @ModelAttribute SectionForm form, Model model, RedirectAttributes redirect) {
        Section which = section(section);
        SectionText current = frameworks.draftSection(tenant, versionId, which);
        FormErrors errors = form.check();
        if (errors.any()) {
            return form(tenant, model, versionId, current, form, null, errors);
        }
        SaveResult result = frameworks.saveSection(tenant, versionId, which, form.lockVersion(), form.body(), form.easyRead());
        return switch (result) {
            case SaveResult.Saved saved -> {
                redirect.addFlashAttribute("notice", Ui.t("framework.section.saved", Ui.t(which.titleKey())));
                yield "redirect:/framework/versions/" + versionId + "#" + which.slug();
            }
            case SaveResult.Stale stale -> form(tenant, model, versionId, stale.current(), form.at(stale.current().lockVersion()),
                    stale.current(), FormErrors.single("body", Ui.t("framework.section.stale")));
            case SaveResult.Published published -> {
                redirect.addFlashAttribute("notice", Ui.t("framework.section.published-meanwhile"));
                yield "redirect:/framework";
            }
        };
    }

    private String form(Tenant tenant, Model model, UUID versionId, SectionText current, SectionForm form,
            @Nullable SectionText theirs, FormErrors errors) {
        model.addAttribute("version", frameworks.version(tenant, versionId).summary());
        model.addAttribute("section", current);
        model.addAttribute("form", form);
        model.addAttribute("theirs", theirs);
        model.addAttribute("errors", errors);
        return "framework/section-form";
    }

    static Section section(String slug) {
        return Section.bySlug(slug).orElseThrow(() -> new NotFoundException("framework section"));
    }
}
