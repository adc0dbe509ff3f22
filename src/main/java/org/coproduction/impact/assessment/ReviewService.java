package org.coproduction.impact.assessment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.media.MediaFile;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.Recording;
import org.coproduction.impact.media.StoreResult;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review rounds, members' own views and the agreed judgements. Facilitators and admins make and close
 * rounds and record judgements; members of the project give their own view of each outcome while a
 * round is open, and see only their own; viewers see none of it. A closed round is kept as it was.
 */
@Service
public class ReviewService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SENTENCE = 500;
    public static final int MAX_REASONS = 3000;

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final PlanService plans;
    private final RoundRepository reviews;
    private final MediaService media;
    private final AuditLog audit;

    ReviewService(PlanService plans, RoundRepository reviews, MediaService media, AuditLog audit) {
        this.plans = plans;
        this.reviews = reviews;
        this.media = media;
        this.audit = audit;
    }

    public static String base(UUID projectId) {
        return "/projects/" + projectId + "/reviews";
    }

    public static LocalDate today() {
        return LocalDate.now(UK);
    }

    public static boolean canManage(Tenant tenant) {
        return tenant.is(Role.ADMIN, Role.FACILITATOR);
    }

    private static void requireManager(Tenant tenant) {
        if (!canManage(tenant)) {
            throw new NotFoundException("review");
        }
    }

    /** The project's plan (its pathway and rows), if this person may see the project. */
    public Plan plan(Tenant tenant, UUID projectId) {
        return plans.plan(tenant, projectId);
    }

    /** The project's rounds, latest first, for anyone who may see the project (viewers may not). */
    @Transactional
    public List<ReviewRound> rounds(Tenant tenant, UUID projectId) {
        plans.plan(tenant, projectId);
        return reviews.rounds(tenant.organisationId(), projectId);
    }

    @Transactional
    public ReviewRound round(Tenant tenant, UUID projectId, UUID roundId) {
        plans.plan(tenant, projectId);
        return reviews.round(tenant.organisationId(), projectId, roundId).orElseThrow(() -> new NotFoundException("review"));
    }

    /**
     * Starts a round on the chosen outcomes (current outcomes of the pathway, in its order). Its evidence
     * is read from the day after the project's previous round, or from the start.
     */
    @Transactional
    public ReviewResult createRound(Tenant tenant, UUID projectId, String title, LocalDate reviewOn, Collection<UUID> outcomeIds) {
        requireManager(tenant);
        Plan plan = plans.plan(tenant, projectId);
        String clean = title.strip();
        if (clean.isEmpty()) {
            return ReviewResult.refused("title", "assessment.round.title.missing");
        }
        if (clean.length() > MAX_TITLE) {
            return ReviewResult.refused("title", "assessment.text.too-long", MAX_TITLE);
        }
        Set<UUID> chosen = new LinkedHashSet<>(outcomeIds);
        List<UUID> ordered = plan.pathway().currentOutcomes().stream().map(Outcome::id).filter(chosen::contains).toList();
        if (ordered.isEmpty() || ordered.size() != chosen.size()) {
            return ReviewResult.refused("outcomes", "assessment.round.outcomes.missing");
        }
        LocalDate from = reviews.previousReviewDay(tenant.organisationId(), projectId, reviewOn).map(d -> d.plusDays(1)).orElse(null);
        UUID id = reviews.create(tenant.organisationId(), projectId, clean, reviewOn, from, ordered, tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "review_round", id, clean);
        return new ReviewResult.Saved(id);
    }

    /** Closes an open round: its views and judgements are kept as they are from now on. */
    @Transactional
    public ReviewResult closeRound(Tenant tenant, UUID projectId, UUID roundId, int version) {
        requireManager(tenant);
        ReviewRound round = round(tenant, projectId, roundId);
        if (!reviews.close(tenant.organisationId(), projectId, roundId, version, tenant.userId())) {
            return new ReviewResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "CLOSED", "review_round", roundId, round.title());
        return new ReviewResult.Saved(roundId);
    }

    // Members' views

    /** Whether this person gives views in the project's rounds: a member of the organisation taking part in it. */
    public static boolean givesViews(Tenant tenant) {
        return tenant.is(Role.MEMBER);
    }

    /** This member's own views in the round (never anyone else's). */
    @Transactional
    public List<MemberView> ownViews(Tenant tenant, UUID projectId, UUID roundId) {
        round(tenant, projectId, roundId);
        return reviews.viewsOf(tenant.organisationId(), roundId, tenant.userId());
    }

    /** Keeps a member's view of an outcome in an open round (the same view sent twice is kept once). */
    @Transactional
    public ReviewResult giveView(Tenant tenant, UUID projectId, UUID roundId, UUID outcomeId, @Nullable OwnView view,
            @Nullable String sentence) {
        return giveView(tenant, projectId, roundId, outcomeId, view, sentence, null);
    }

    /**
     * Keeps a member's view of an outcome in an open round, its sentence typed, recorded, or both. The
     * recording is stored through the media module with its checks and must be a sound recording; a
     * refused file keeps nothing. A new recording takes the place of the one before.
     */
    @Transactional
    public ReviewResult giveView(Tenant tenant, UUID projectId, UUID roundId, UUID outcomeId, @Nullable OwnView view,
            @Nullable String sentence, @Nullable Recording voice) {
        if (!givesViews(tenant)) {
            throw new NotFoundException("review");
        }
        ReviewRound round = round(tenant, projectId, roundId);
        if (!round.looksAt(outcomeId)) {
            throw new NotFoundException("outcome");
        }
        if (!round.open()) {
            return ReviewResult.refused("view", "assessment.round.closed");
        }
        if (view == null) {
            return ReviewResult.refused("view", "assessment.view.missing");
        }
        String words = sentence == null || sentence.isBlank() ? null : sentence.strip();
        if (words != null && words.length() > MAX_SENTENCE) {
            return ReviewResult.refused("sentence", "assessment.text.too-long", MAX_SENTENCE);
        }
        UUID voiceId = null;
        if (voice != null) {
            StoreResult stored = media.storeAudio(tenant, projectId, voice.filename(), voice.bytes());
            if (stored instanceof StoreResult.Refused(String key)) {
                return ReviewResult.refused("voice", key);
            }
            voiceId = ((StoreResult.Stored) stored).file().id();
        }
        reviews.saveView(tenant.organisationId(), roundId, outcomeId, tenant.userId(), view, words, voiceId);
        audit.record(tenant.organisationId(), tenant.userId(), "VIEW_GIVEN", "review_round", roundId,
                outcomeId + " " + view.name() + (voiceId == null ? "" : "; spoken: " + voiceId));
        return new ReviewResult.Saved(roundId);
    }

    /**
     * The recordings of these views that this person may play, by file id (the media module decides:
     * facilitators every one, a member their own).
     */
    public Map<UUID, MediaFile> voices(Tenant tenant, List<MemberView> views) {
        Set<UUID> spoken = new LinkedHashSet<>();
        views.stream().filter(MemberView::spoken).forEach(v -> spoken.add(v.voiceMediaId()));
        Map<UUID, MediaFile> voices = new HashMap<>();
        if (!spoken.isEmpty()) {
            media.files(tenant, spoken).forEach(f -> voices.put(f.id(), f));
        }
        return voices;
    }

    /** Every member's view in the round, for the facilitator. */
    @Transactional
    public List<MemberView> views(Tenant tenant, UUID projectId, UUID roundId) {
        requireManager(tenant);
        round(tenant, projectId, roundId);
        return reviews.views(tenant.organisationId(), roundId);
    }

    // Judgements

    @Transactional
    public List<OutcomeJudgement> judgements(Tenant tenant, UUID projectId, UUID roundId) {
        requireManager(tenant);
        round(tenant, projectId, roundId);
        return reviews.judgements(tenant.organisationId(), roundId);
    }

    /**
     * Records the judgement agreed with the group on an outcome of an open round, with reasons and what
     * happens next. {@code version} is -1 for a first judgement, else the version seen.
     */
    @Transactional
    public ReviewResult recordJudgement(Tenant tenant, UUID projectId, UUID roundId, UUID outcomeId, int version,
            @Nullable Judgement judgement, @Nullable String reasons, @Nullable String nextSteps) {
        requireManager(tenant);
        ReviewRound round = round(tenant, projectId, roundId);
        if (!round.looksAt(outcomeId)) {
            throw new NotFoundException("outcome");
        }
        if (!round.open()) {
            return ReviewResult.refused("judgement", "assessment.round.closed");
        }
        if (judgement == null) {
            return ReviewResult.refused("judgement", "assessment.judgement.missing");
        }
        String why = reasons == null ? "" : reasons.strip();
        if (why.isEmpty()) {
            return ReviewResult.refused("reasons", "assessment.judgement.reasons.missing");
        }
        if (why.length() > MAX_REASONS) {
            return ReviewResult.refused("reasons", "assessment.text.too-long", MAX_REASONS);
        }
        String next = nextSteps == null || nextSteps.isBlank() ? null : nextSteps.strip();
        if (next != null && next.length() > MAX_REASONS) {
            return ReviewResult.refused("nextSteps", "assessment.text.too-long", MAX_REASONS);
        }
        if (!reviews.saveJudgement(tenant.organisationId(), roundId, outcomeId, version, judgement, why, next, tenant.userId())) {
            return new ReviewResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "JUDGED", "review_round", roundId, outcomeId + " " + judgement.name());
        return new ReviewResult.Saved(roundId);
    }

    /** The outcome's judgements in every closed round of the project, oldest first. */
    @Transactional
    public List<OutcomeJudgement> progress(Tenant tenant, UUID projectId, UUID outcomeId) {
        requireManager(tenant);
        plans.plan(tenant, projectId);
        return reviews.closedJudgements(tenant.organisationId(), projectId, outcomeId);
    }

    /**
     * Every project's closed rounds with a review day between the two days, oldest first, for the
     * organisation's yearly look back (facilitators and admins only).
     */
    @Transactional
    public List<ReviewRound> closedRoundsBetween(Tenant tenant, LocalDate from, LocalDate to) {
        requireManager(tenant);
        return reviews.closedBetween(tenant.organisationId(), from, to);
    }

    /** The closed rounds of the project by id, to name each judgement in the progress list. */
    @Transactional
    public List<ReviewRound> closedRounds(Tenant tenant, UUID projectId) {
        return rounds(tenant, projectId).stream().filter(r -> !r.open()).toList();
    }

    /** Every project's latest closed round with its judgements counted, by project (organisation overview). */
    @Transactional(readOnly = true)
    public Map<UUID, LatestReview> latestReviews(Tenant tenant) {
        requireManager(tenant);
        Map<UUID, LatestReview> latest = new HashMap<>();
        Map<UUID, Map<Judgement, Integer>> counts = new HashMap<>();
        for (RoundRepository.LatestRow row : reviews.latestClosed(tenant.organisationId())) {
            Map<Judgement, Integer> c = counts.computeIfAbsent(row.projectId(), p -> new EnumMap<>(Judgement.class));
            if (row.judgement() != null) {
                c.put(Judgement.valueOf(row.judgement()), row.outcomes());
            }
            latest.put(row.projectId(), new LatestReview(row.projectId(), row.roundId(), row.title(), row.reviewOn(), c));
        }
        latest.replaceAll((p, l) -> new LatestReview(l.projectId(), l.roundId(), l.title(), l.reviewOn(), counts.get(p)));
        return latest;
    }
}
