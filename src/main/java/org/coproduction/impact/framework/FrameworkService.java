package org.coproduction.impact.framework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's framework and its versions. Facilitators and admins write the draft and
 * publish it; everyone in the organisation reads published versions; only they see drafts. A
 * published version never changes (only its next review date can be moved). An editor's first
 * visit starts the organisation's first draft from the starter text, so organisations made before
 * this feature, and new ones, get one the same way.
 */
@Service
public class FrameworkService {

    /** The longest text a section may hold (about eight pages). */
    public static final int MAX_BODY = 20_000;

    /** The longest easy-read summary of one section, and the most points in it. */
    public static final int MAX_EASY_READ = 1_500;

    public static final int MAX_EASY_READ_POINTS = 8;

    /** How long before the review date the home page starts to remind people. */
    public static final int REMINDER_DAYS = 60;

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final FrameworkRepository frameworks;
    private final AuditLog audit;
    private final Clock clock = Clock.system(UK);

    FrameworkService(FrameworkRepository frameworks, AuditLog audit) {
        this.frameworks = frameworks;
        this.audit = audit;
    }

    public static boolean canEdit(Tenant tenant) {
        return tenant.is(Role.ADMIN, Role.FACILITATOR);
    }

    /** Today in the UK, where review dates are kept. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A year after today: the suggested next review date when publishing. */
    public LocalDate aYearFromToday() {
        return today().plusYears(1);
    }

    /**
     * The versions this person may see, newest first: every version for editors, published ones
     * for everyone else. An editor's first look starts the first draft.
     */
    @Transactional
    public List<VersionSummary> versions(Tenant tenant) {
        if (canEdit(tenant)) {
            ensureStarted(tenant);
        }
        return frameworks.versions(tenant.organisationId()).stream()
                .filter(v -> canEdit(tenant) || !v.isDraft())
                .toList();
    }

    public Optional<VersionSummary> latestPublished(Tenant tenant) {
        return frameworks.latest(tenant.organisationId(), VersionStatus.PUBLISHED);
    }

    /** The draft, for editors; empty for anyone else or when there is none. */
    public Optional<VersionSummary> draft(Tenant tenant) {
        return canEdit(tenant) ? frameworks.latest(tenant.organisationId(), VersionStatus.DRAFT) : Optional.empty();
    }

    /** A version with its text, if this person may see it; otherwise "not found". */
    public FrameworkVersion version(Tenant tenant, UUID versionId) {
        VersionSummary summary = summary(tenant, versionId);
        return new FrameworkVersion(summary, frameworks.sections(tenant.organisationId(), versionId));
    }

    private VersionSummary summary(Tenant tenant, UUID versionId) {
        VersionSummary summary = frameworks.version(tenant.organisationId(), versionId)
                .orElseThrow(() -> new NotFoundException("framework version"));
        if (summary.isDraft() && !canEdit(tenant)) {
            throw new NotFoundException("framework version");
        }
        return summary;
    }

    /** A section of a draft, for editing; "not found" unless this editor's organisation has that draft. */
    public SectionText draftSection(Tenant tenant, UUID versionId, Section section) {
        requireEditor(tenant);
        VersionSummary summary = summary(tenant, versionId);
        if (!summary.isDraft()) {
            throw new NotFoundException("framework draft");
        }
        return frameworks.section(tenant.organisationId(), versionId, section)
                .orElseThrow(() -> new NotFoundException("framework section"));
    }

    /**
     * The draft to work on: the one there is, or a new one copied from the last published version
     * (the yearly review). Two people starting at once get the same draft.
     */
    @Transactional
    public UUID startDraft(Tenant tenant) {
        requireEditor(tenant);
        ensureStarted(tenant);
        OrganisationId org = tenant.organisationId();
        Optional<VersionSummary> draft = frameworks.latest(org, VersionStatus.DRAFT);
        if (draft.isPresent()) {
            return draft.get().id();
        }
        VersionSummary published = frameworks.latest(org, VersionStatus.PUBLISHED).orElseThrow();
        UUID id = UUID.randomUUID();
        if (frameworks.insertDraft(org, id, published.id(), tenant.userId())) {
            frameworks.copySections(org, published.id(), id);
            audit.record(org, tenant.userId(), "CREATED", "framework_version", id, "draft from version " + published.number());
            return id;
        }
        return frameworks.latest(org, VersionStatus.DRAFT).orElseThrow().id();
    }

    /** Makes the first draft from the starter text if the organisation has no framework yet. */
    void ensureStarted(Tenant tenant) {
        OrganisationId org = tenant.organisationId();
        if (!frameworks.versions(org).isEmpty()) {
            return;
        }
        UUID id = UUID.randomUUID();
        if (frameworks.insertDraft(org, id, null, tenant.userId())) {
            for (Section section : Section.values()) {
                frameworks.insertSection(org, id, section, StarterText.body(section, tenant.organisationName()),
                        StarterText.easyRead(section, tenant.organisationName()), tenant.userId());
            }
            audit.record(org, tenant.userId(), "CREATED", "framework_version", id, "first draft from the starter text");
        }
    }

    /**
     * Saves one section of a draft, if nobody else saved it since {@code lockVersion} and the draft
     * has not been published meanwhile. Otherwise nothing changes. The text is checked by the form.
     */
    @Transactional
    public SaveResult saveSection(Tenant tenant, UUID versionId, Section section, int lockVersion, String body, String easyRead) {
        SectionText before = draftSection(tenant, versionId, section);
        OrganisationId org = tenant.organisationId();
        if (frameworks.lockStatus(org, versionId).orElseThrow() != VersionStatus.DRAFT) {
            return new SaveResult.Published();
        }
        String points = easyRead.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
        if (!frameworks.updateSection(org, versionId, section, lockVersion, body.strip(), points, tenant.userId())) {
            return new SaveResult.Stale(frameworks.section(org, versionId, section).orElse(before));
        }
        audit.record(org, tenant.userId(), "UPDATED", "framework_section", versionId, section.slug());
        return new SaveResult.Saved();
    }

    /** Publishes a draft with its next review date; false if it was published meanwhile. */
    @Transactional
    public boolean publish(Tenant tenant, UUID versionId, LocalDate nextReview) {
        return publishAsOf(tenant, versionId, OffsetDateTime.now(clock), nextReview);
    }

    boolean publishAsOf(Tenant tenant, UUID versionId, OffsetDateTime at, LocalDate nextReview) {
        requireEditor(tenant);
        VersionSummary summary = summary(tenant, versionId);
        if (!frameworks.publish(tenant.organisationId(), versionId, tenant.userId(), at, nextReview)) {
            return false;
        }
        audit.record(tenant.organisationId(), tenant.userId(), "PUBLISHED", "framework_version", versionId,
                "version " + summary.number() + ", next review " + nextReview);
        return true;
    }

    /** Moves the next review date of the latest published version. */
    @Transactional
    public void changeReviewDate(Tenant tenant, LocalDate nextReview) {
        requireEditor(tenant);
        VersionSummary published = latestPublished(tenant).orElseThrow(() -> new NotFoundException("published framework"));
        frameworks.changeReviewDate(tenant.organisationId(), published.id(), nextReview);
        audit.record(tenant.organisationId(), tenant.userId(), "REVIEW_DATE_CHANGED", "framework_version", published.id(),
                "next review " + nextReview);
    }

    /** What changed, section by section, from the older of two versions to the newer. */
    public List<SectionChange> compare(Tenant tenant, UUID oneId, UUID otherId) {
        List<FrameworkVersion> pair = new ArrayList<>(List.of(version(tenant, oneId), version(tenant, otherId)));
        pair.sort(Comparator.comparingInt(v -> v.summary().number()));
        return compare(pair.get(0), pair.get(1));
    }

    static List<SectionChange> compare(FrameworkVersion older, FrameworkVersion newer) {
        List<SectionChange> changes = new ArrayList<>();
        for (Section section : Section.values()) {
            Optional<SectionText> before = older.section(section);
            Optional<SectionText> after = newer.section(section);
            if (before.isEmpty() && after.isEmpty()) {
                continue;
            }
            changes.add(new SectionChange(section,
                    TextDiff.diff(before.map(SectionText::body).orElse(""), after.map(SectionText::body).orElse("")),
                    TextDiff.diff(before.map(SectionText::easyRead).orElse(""), after.map(SectionText::easyRead).orElse(""))));
        }
        return changes;
    }

    /** The sections of a draft that differ from the version it was copied from (none for a first draft). */
    public List<Section> changedSinceBase(Tenant tenant, FrameworkVersion draft) {
        if (draft.summary().basedOnNumber() == null) {
            return List.of();
        }
        Optional<VersionSummary> base = frameworks.versions(tenant.organisationId()).stream()
                .filter(v -> v.number() == draft.summary().basedOnNumber())
                .findFirst();
        if (base.isEmpty()) {
            return List.of();
        }
        FrameworkVersion older = new FrameworkVersion(base.get(), frameworks.sections(tenant.organisationId(), base.get().id()));
        return compare(older, draft).stream().filter(SectionChange::changed).map(SectionChange::section).toList();
    }

    /**
     * A reminder when the latest published version's review date is less than
     * {@link #REMINDER_DAYS} away or has passed; empty otherwise.
     */
    public Optional<ReviewReminder> reviewReminder(Tenant tenant) {
        return latestPublished(tenant)
                .filter(v -> v.nextReviewOn() != null)
                .map(v -> new ReviewReminder(v.nextReviewOn(), ChronoUnit.DAYS.between(today(), v.nextReviewOn())))
                .filter(r -> r.daysLeft() <= REMINDER_DAYS);
    }

    private static void requireEditor(Tenant tenant) {
        if (!canEdit(tenant)) {
            throw new NotFoundException("framework draft");
        }
    }
}
