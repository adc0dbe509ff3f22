package org.coproduction.impact.evidence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's list of ways of collecting evidence, who agreed it, and the review of what it
 * already collects. An organisation's list starts as SCIE's table ({@link DefaultWays}) the first
 * time anyone asks for it, so every organisation, new or old, has one without a set-up step.
 * Facilitators and admins change it; every change names the version it was made on and is kept
 * in the history.
 */
@Service
public class EvidenceService {

    /** What a facilitator enters about a way of collecting evidence. */
    public record WayDetails(String name, @Nullable String description, @Nullable String examples, Collection<EvidenceType> types) {}

    /** The answers to the guidance's questions about something already collected. */
    public record ReviewAnswers(
            String name,
            @Nullable String whatAndWhy,
            @Nullable String usedFor,
            @Nullable String howCollected,
            @Nullable String whoCanAccess,
            @Nullable ReviewAnswer accessible,
            @Nullable String accessibleNotes,
            @Nullable ReviewAnswer relevantAndEasy,
            @Nullable String relevantNotes,
            @Nullable String toImprove,
            @Nullable String toKeep,
            @Nullable String gap) {}

    /** How a change ended. Only {@link Saved} changed anything. */
    public sealed interface Result {
        record Saved(UUID id) implements Result {}

        /** Someone else saved first: nothing was changed; read the current version to show both. */
        record Stale() implements Result {}

        /** Not allowed as it stands; a message for the field. */
        record Refused(String field, String messageKey, List<String> args) implements Result {
            public Refused {
                args = List.copyOf(args);
            }

            public Object[] messageArgs() {
                return args.toArray();
            }
        }
    }

    private final WayRepository ways;
    private final ReviewRepository reviews;
    private final HistoryRepository history;
    private final MessageSource messages;
    private final AuditLog audit;

    EvidenceService(WayRepository ways, ReviewRepository reviews, HistoryRepository history, MessageSource messages, AuditLog audit) {
        this.ways = ways;
        this.reviews = reviews;
        this.history = history;
        this.messages = messages;
        this.audit = audit;
    }

    // The list

    /** Every way in the list, retired ones too (flagged), in the list's order. */
    @Transactional
    public List<WayOfCollecting> ways(Tenant tenant) {
        startList(tenant.organisationId());
        return ways.list(tenant.organisationId());
    }

    /** The ways that are offered now (not retired). */
    @Transactional
    public List<WayOfCollecting> currentWays(Tenant tenant) {
        return ways(tenant).stream().filter(w -> !w.retired()).toList();
    }

    /** Every way by id, retired ones too, for showing what a plan uses. */
    @Transactional
    public Map<UUID, WayOfCollecting> waysById(Tenant tenant) {
        Map<UUID, WayOfCollecting> byId = new LinkedHashMap<>();
        ways(tenant).forEach(w -> byId.put(w.id(), w));
        return byId;
    }

    public WayOfCollecting way(Tenant tenant, UUID wayId) {
        return ways.find(tenant.organisationId(), wayId).orElseThrow(() -> new NotFoundException("way of collecting evidence"));
    }

    /** The organisation's current version of one of the starting ways, if it still offers it. */
    @Transactional
    public Optional<WayOfCollecting> currentWayFromSeed(Tenant tenant, String seedKey) {
        return currentWays(tenant).stream().filter(w -> seedKey.equals(w.seedKey())).findFirst();
    }

    /** Adds a way; when it fills a gap found in a review, {@code fromReview} links the two. */
    @Transactional
    public Result addWay(Tenant tenant, WayDetails details, @Nullable UUID fromReview) {
        requireEditor(tenant);
        OrganisationId org = tenant.organisationId();
        startList(org);
        if (fromReview != null) {
            review(tenant, fromReview);
        }
        if (ways.countCurrent(org) >= EvidenceLimits.MAX_WAYS) {
            return refused("name", "evidence.way.too-many", EvidenceLimits.MAX_WAYS);
        }
        if (nameTaken(tenant, details.name(), null)) {
            return refused("name", "evidence.way.name.taken");
        }
        UUID id = ways.add(org, null, clean(details), tenant.userId());
        if (fromReview != null) {
            reviews.linkGap(org, fromReview, id);
        }
        changed(tenant, EvidenceChange.Action.WAY_ADDED, details.name().strip(), id, fromReview);
        return new Result.Saved(id);
    }

    @Transactional
    public Result updateWay(Tenant tenant, UUID wayId, int version, WayDetails details) {
        requireEditor(tenant);
        WayOfCollecting way = way(tenant, wayId);
        if (!way.retired() && nameTaken(tenant, details.name(), wayId)) {
            return refused("name", "evidence.way.name.taken");
        }
        if (!ways.update(tenant.organisationId(), wayId, version, clean(details), tenant.userId())) {
            return new Result.Stale();
        }
        changed(tenant, EvidenceChange.Action.WAY_CHANGED, details.name().strip(), wayId, null);
        return new Result.Saved(wayId);
    }

    /** Retires a way: plans that use it keep it, but it is no longer offered for new rows. */
    @Transactional
    public Result retireWay(Tenant tenant, UUID wayId, int version) {
        requireEditor(tenant);
        WayOfCollecting way = way(tenant, wayId);
        if (way.retired() || !ways.setRetired(tenant.organisationId(), wayId, version, true, tenant.userId())) {
            return new Result.Stale();
        }
        changed(tenant, EvidenceChange.Action.WAY_RETIRED, way.name(), wayId, null);
        return new Result.Saved(wayId);
    }

    @Transactional
    public Result restoreWay(Tenant tenant, UUID wayId, int version) {
        requireEditor(tenant);
        WayOfCollecting way = way(tenant, wayId);
        if (!way.retired()) {
            return new Result.Stale();
        }
        if (ways.countCurrent(tenant.organisationId()) >= EvidenceLimits.MAX_WAYS) {
            return refused("name", "evidence.way.too-many", EvidenceLimits.MAX_WAYS);
        }
        if (nameTaken(tenant, way.name(), wayId)) {
            return refused("name", "evidence.way.name.taken");
        }
        if (!ways.setRetired(tenant.organisationId(), wayId, version, false, tenant.userId())) {
            return new Result.Stale();
        }
        changed(tenant, EvidenceChange.Action.WAY_RESTORED, way.name(), wayId, null);
        return new Result.Saved(wayId);
    }

    // Who agreed the list

    @Transactional
    public ListAgreement agreement(Tenant tenant) {
        startList(tenant.organisationId());
        return ways.agreement(tenant.organisationId());
    }

    @Transactional
    public Result agree(Tenant tenant, int version, String whoAgreed, LocalDate agreedOn) {
        requireEditor(tenant);
        startList(tenant.organisationId());
        if (!ways.saveAgreement(tenant.organisationId(), version, whoAgreed.strip(), agreedOn, tenant.userId())) {
            return new Result.Stale();
        }
        changed(tenant, EvidenceChange.Action.LIST_AGREED, whoAgreed.strip(), null, null);
        return new Result.Saved(tenant.organisationId().value());
    }

    /** The latest changes to the list, its agreement and the reviews, newest first. */
    public List<EvidenceChange> history(Tenant tenant) {
        return history.list(tenant.organisationId(), null);
    }

    /** The latest changes to one way, newest first. */
    public List<EvidenceChange> history(Tenant tenant, UUID wayId) {
        way(tenant, wayId);
        return history.list(tenant.organisationId(), wayId);
    }

    // Reviews of existing ways of working

    public List<PracticeReview> reviews(Tenant tenant) {
        return reviews.list(tenant.organisationId());
    }

    public PracticeReview review(Tenant tenant, UUID reviewId) {
        return reviews.find(tenant.organisationId(), reviewId).orElseThrow(() -> new NotFoundException("review"));
    }

    @Transactional
    public Result addReview(Tenant tenant, ReviewAnswers answers) {
        requireEditor(tenant);
        if (reviews.count(tenant.organisationId()) >= EvidenceLimits.MAX_REVIEWS) {
            return refused("name", "evidence.review.too-many", EvidenceLimits.MAX_REVIEWS);
        }
        UUID id = reviews.add(tenant.organisationId(), clean(answers), tenant.userId());
        changed(tenant, EvidenceChange.Action.REVIEW_ADDED, answers.name().strip(), null, id);
        return new Result.Saved(id);
    }

    @Transactional
    public Result updateReview(Tenant tenant, UUID reviewId, int version, ReviewAnswers answers) {
        requireEditor(tenant);
        review(tenant, reviewId);
        if (!reviews.update(tenant.organisationId(), reviewId, version, clean(answers), tenant.userId())) {
            return new Result.Stale();
        }
        changed(tenant, EvidenceChange.Action.REVIEW_CHANGED, answers.name().strip(), null, reviewId);
        return new Result.Saved(reviewId);
    }

    // Helpers

    /** Seeds the organisation's list from SCIE's table the first time it is needed, exactly once. */
    private void startList(OrganisationId org) {
        if (!ways.claimList(org)) {
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        for (DefaultWays.Seed seed : DefaultWays.SEEDS) {
            ways.add(org, seed.key(), new WayRepository.Details(
                    messages.getMessage(seed.nameKey(), null, locale),
                    messages.getMessage(seed.descriptionKey(), null, locale),
                    messages.getMessage(seed.examplesKey(), null, locale),
                    seed.types()), null);
        }
    }

    private boolean nameTaken(Tenant tenant, String name, @Nullable UUID except) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return ways.list(tenant.organisationId()).stream()
                .filter(w -> !w.retired() && !w.id().equals(except))
                .anyMatch(w -> w.name().toLowerCase(Locale.ROOT).equals(wanted));
    }

    private void changed(Tenant tenant, EvidenceChange.Action action, String subject, @Nullable UUID wayId, @Nullable UUID reviewId) {
        history.record(tenant.organisationId(), action, subject, wayId, reviewId, tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), action.name(), wayId != null ? "evidence_way" : reviewId != null ? "evidence_review" : "evidence_list",
                wayId != null ? wayId : reviewId, subject);
    }

    static void requireEditor(Tenant tenant) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("evidence");
        }
    }

    private static WayRepository.Details clean(WayDetails d) {
        return new WayRepository.Details(d.name().strip(), blankToNull(d.description()), blankToNull(d.examples()), d.types());
    }

    private static ReviewAnswers clean(ReviewAnswers a) {
        return new ReviewAnswers(a.name().strip(), blankToNull(a.whatAndWhy()), blankToNull(a.usedFor()), blankToNull(a.howCollected()),
                blankToNull(a.whoCanAccess()), a.accessible(), blankToNull(a.accessibleNotes()), a.relevantAndEasy(),
                blankToNull(a.relevantNotes()), blankToNull(a.toImprove()), blankToNull(a.toKeep()), blankToNull(a.gap()));
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Result refused(String field, String key, Object... args) {
        return new Result.Refused(field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
