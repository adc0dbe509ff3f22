package org.coproduction.impact.pathway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the item controllers share: where to go after a change, and the choices they offer. */
final class ItemPages {

    private ItemPages() {}

    static String edit(UUID projectId) {
        return "redirect:" + PathwayService.base(projectId) + "/edit";
    }

    /** After a small change (move, restore): back to the edit page with a message either way. */
    static String afterQuickChange(UUID projectId, EditResult result, RedirectAttributes redirect, String doneText) {
        String notice = switch (result) {
            case EditResult.Saved s -> doneText;
            case EditResult.Stale s -> Ui.t("pathway.stale.reload");
            case EditResult.Refused r -> Ui.t(r.messageKey(), r.messageArgs());
        };
        redirect.addFlashAttribute(result instanceof EditResult.Saved ? "notice" : "problem", notice);
        return edit(projectId);
    }

    static FormErrors errorFor(EditResult result, String staleField) {
        return switch (result) {
            case EditResult.Refused r -> FormErrors.single(r.field(), Ui.t(r.messageKey(), r.messageArgs()));
            case EditResult.Stale s -> FormErrors.single(staleField, Ui.t("pathway.stale"));
            case EditResult.Saved s -> FormErrors.none();
        };
    }

    /** Current outcomes, except one, as checkbox choices. */
    static List<Option> outcomeOptions(Pathway pathway, UUID except) {
        List<Option> options = new ArrayList<>();
        for (Outcome o : pathway.currentOutcomes()) {
            if (!o.id().equals(except)) {
                options.add(new Option(o.id().toString(), o.title(), Ui.t(o.term().messageKey())));
            }
        }
        return options;
    }
}
