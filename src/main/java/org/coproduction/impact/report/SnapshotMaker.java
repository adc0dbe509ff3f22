package org.coproduction.impact.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.assessment.EvidenceSummaries;
import org.coproduction.impact.assessment.MemberView;
import org.coproduction.impact.assessment.OutcomeJudgement;
import org.coproduction.impact.assessment.OutcomeSummary;
import org.coproduction.impact.assessment.OwnView;
import org.coproduction.impact.assessment.ReviewRound;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.assessment.ViewTally;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidencePictures;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.PathwayDiagram;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.TenantResolver;
import org.coproduction.impact.shared.web.Ui;
import org.springframework.stereotype.Component;

/**
 * Makes a report's snapshot from what the other modules hold now: the round's judgements and members'
 * views (assessment), each outcome's evidence summary in words, the pathway (problem, impact, diagram)
 * and the chosen stories. Used for the preview and, frozen, when publishing.
 */
@Component
class SnapshotMaker {

    private final ReviewService reviews;
    private final EvidenceSummaries summaries;
    private final List<CollectedEvidence> evidence;
    private final List<ReportContribution> contributions;
    private final List<EvidencePictures> pictures;
    private final TenantResolver tenants;

    SnapshotMaker(ReviewService reviews, EvidenceSummaries summaries, List<CollectedEvidence> evidence,
            List<ReportContribution> contributions, List<EvidencePictures> pictures, TenantResolver tenants) {
        this.tenants = tenants;
        this.reviews = reviews;
        this.summaries = summaries;
        this.evidence = evidence;
        this.contributions = contributions;
        this.pictures = pictures;
    }

    /** A story's photo as it may be shown now: still one of the item's described photos. */
    Optional<EvidencePictures.Content> picture(OrganisationId org, UUID projectId, Snapshot.Item story, UUID pictureId) {
        return pictures.stream().filter(p -> p.source().equals(story.source())).findFirst()
                .flatMap(p -> p.content(org, projectId, story.id(), pictureId));
    }

    /** Every item of evidence the project holds now, by {@code source:id}. */
    Map<String, EvidenceItem> items(OrganisationId org, UUID projectId) {
        Map<String, EvidenceItem> held = new LinkedHashMap<>();
        for (CollectedEvidence source : evidence) {
            for (EvidenceItem item : source.items(org, projectId)) {
                held.put(item.source() + ":" + item.id(), item);
            }
        }
        return held;
    }

    Snapshot make(Tenant tenant, ReviewReport report) {
        UUID projectId = report.projectId();
        Plan plan = reviews.plan(tenant, projectId);
        ReviewRound round = reviews.round(tenant, projectId, report.roundId());
        Map<UUID, OutcomeJudgement> judgements = new HashMap<>();
        reviews.judgements(tenant, projectId, round.id()).forEach(j -> judgements.put(j.outcomeId(), j));
        List<MemberView> views = reviews.views(tenant, projectId, round.id());

        List<Snapshot.OutcomePart> outcomes = new ArrayList<>();
        for (UUID outcomeId : round.outcomeIds()) {
            OutcomeSummary summary = summaries.summary(tenant, projectId, round.id(), outcomeId);
            OutcomeJudgement j = judgements.get(outcomeId);
            ViewTally tally = ViewTally.of(views.stream().filter(v -> v.outcomeId().equals(outcomeId)).toList());
            List<Snapshot.Item> items = new ArrayList<>();
            summary.rows().forEach(r -> r.items().forEach(i -> items.add(item(i))));
            summary.outcomeOnly().items().forEach(i -> items.add(item(i)));
            outcomes.add(new Snapshot.OutcomePart(outcomeId, plan.outcomeTitle(outcomeId), j == null ? null : j.judgement(),
                    j == null ? null : j.reasons(), j == null ? null : j.nextSteps(), tally.count(OwnView.YES), tally.count(OwnView.A_BIT),
                    tally.count(OwnView.NOT_YET), FigureWords.of(summary), items.stream().distinct().toList()));
        }
        Map<String, EvidenceItem> held = items(tenant.organisationId(), projectId);
        List<Snapshot.Item> stories = report.stories().stream().map(held::get).filter(i -> i != null)
                .map(i -> story(tenant.organisationId(), projectId, i)).toList();
        // Members' suggestions: the sentences they added to their views, without their names, for the group's own learning.
        List<String> suggestions = report.kind() == ReportKind.LEARNING
                ? views.stream().map(MemberView::sentence).filter(s -> s != null && !s.isBlank()).distinct().toList()
                : List.of();
        List<Snapshot.Contribution> extra = new ArrayList<>();
        contributions.forEach(c -> extra.addAll(c.sections(tenant, projectId, round.id(), report.kind())));
        Pathway pathway = plan.pathway();
        // Both languages' own words are frozen: the reader's language picks them when the report is shown (Snapshot.in).
        Project.Words project = plan.project().words();
        return new Snapshot(report.kind(), report.title(), report.audience(), tenant.organisationName(), project.name(), round.title(),
                round.reviewOn(), round.periodFrom(), pathway.problem(), pathway.projectImpact(), pathway.coproductionImpact(),
                report.kind() == ReportKind.IMPACT ? diagram(pathway) : null, report.words(), outcomes, stories, suggestions, extra,
                report.titleCy(), project.nameCy(), report.wordsCy().isEmpty() ? null : report.wordsCy(),
                tenants.wordsLanguage(tenant.organisationId()));
    }

    private static Snapshot.Item item(EvidenceItem i) {
        return new Snapshot.Item(i.source(), i.id(), i.kindKey(), i.title(), i.date(), i.showsAPerson(), List.of());
    }

    /** A chosen story, with its described photos (their ids and descriptions; the bytes are read when shown). */
    private Snapshot.Item story(OrganisationId org, UUID projectId, EvidenceItem i) {
        List<Snapshot.Picture> photos = pictures.stream()
                .filter(p -> p.source().equals(i.source()))
                .flatMap(p -> p.pictures(org, projectId, i.id()).stream())
                .map(p -> new Snapshot.Picture(p.id(), p.description()))
                .toList();
        return new Snapshot.Item(i.source(), i.id(), i.kindKey(), i.title(), i.date(), i.showsAPerson(), photos);
    }

    /** The pathway diagram as drawn when published, with its own title and description. */
    private static String diagram(Pathway pathway) {
        var counts = PathwayDiagram.counts(pathway);
        return PathwayDiagram.svg(pathway, new PathwayDiagram.Options(
                Ui.t("pathway.diagram.title"),
                Ui.t("pathway.diagram.description", counts.activities(), counts.shortTerm(), counts.mediumTerm(), counts.longTerm()),
                Ui.t("pathway.diagram.activities"),
                Ui.t("pathway.diagram.short-term"),
                Ui.t("pathway.diagram.medium-term"),
                Ui.t("pathway.diagram.long-term"),
                Ui.t("pathway.diagram.impact"),
                Ui.t("pathway.diagram.project-impact"),
                Ui.t("pathway.diagram.coproduction-impact"),
                Ui.t("pathway.diagram.not-written"),
                false));
    }
}
