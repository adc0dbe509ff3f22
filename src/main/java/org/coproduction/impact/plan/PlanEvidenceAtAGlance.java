package org.coproduction.impact.plan;

import java.util.List;
import java.util.Locale;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.pathway.EvidenceAtAGlance;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Gives the project page its evidence-at-a-glance table: for each outcome, how much evidence of each
 * type there is, what the plan still waits for, and the date of the latest item, in words (never
 * colour alone). The pathway calls this without knowing the plan.
 */
@Component
class PlanEvidenceAtAGlance implements EvidenceAtAGlance {

    private final PlanService plans;
    private final EvidenceCoverageService coverage;
    private final MessageSource messages;

    PlanEvidenceAtAGlance(PlanService plans, EvidenceCoverageService coverage, MessageSource messages) {
        this.plans = plans;
        this.coverage = coverage;
        this.messages = messages;
    }

    @Override
    public List<OutcomeEvidence> summarise(Tenant tenant, Pathway pathway) {
        EvidenceCoverage c = coverage.coverage(tenant, plans.plan(tenant, pathway.projectId()));
        return c.outcomes().stream().map(o -> new OutcomeEvidence(o.outcome().id(), o.outcome().title(),
                o.found().stream().map(t -> found(o, t)).toList(),
                o.missing().stream().map(t -> text("coverage.missing", lower(t))).toList(),
                o.latest(),
                EvidenceCoverageService.outcomePage(pathway.projectId(), o.outcome().id()),
                o.hasPlan() ? null : PlanService.base(pathway.projectId()) + "#outcome-" + o.outcome().id())).toList();
    }

    /**
     * How much evidence of one type: the answers and values when the items hold more than one each
     * ("People’s ratings: 6 answers or values, from 1 source"), otherwise the number of items.
     */
    private String found(EvidenceCoverage.OutcomeCoverage o, EvidenceType type) {
        int items = o.count(type);
        int amount = o.amount(type);
        return amount == items
                ? text("coverage.count", text(type.messageKey()), items)
                : text("coverage.count.amount", text(type.messageKey()), amount, items);
    }

    /** The type's name inside a sentence ("Planned: people’s ratings."). */
    private String lower(EvidenceType type) {
        String name = text(type.messageKey());
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
