package org.coproduction.impact.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.assessment.ReviewRound;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidencePictures;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Languages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Impact and learning reports. Facilitators and admins start one from a closed review round, write
 * its draft and publish it; each publication freezes a snapshot. Published reports are read by the
 * project's members, and by viewers when the report is for funders or the public. Whoever reads it,
 * items about people are checked for consent for the report's audience at that moment.
 */
@Service
public class ReportService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_STORIES = 30;

    /** Sources whose items are figures (answers, data), summarised rather than chosen as stories. */
    private static final Set<String> FIGURES = Set.of("form", "measure");

    private final ReviewService reviews;
    private final ProjectService projects;
    private final ReviewReportRepository repository;
    private final SnapshotMaker maker;
    private final AuditLog audit;

    ReportService(ReviewService reviews, ProjectService projects, ReviewReportRepository repository, SnapshotMaker maker, AuditLog audit) {
        this.reviews = reviews;
        this.projects = projects;
        this.repository = repository;
        this.maker = maker;
        this.audit = audit;
    }

    public static String base(UUID projectId) {
        return "/projects/" + projectId + "/review-reports";
    }

    private static void requireManager(Tenant tenant) {
        if (!ReviewService.canManage(tenant)) {
            throw new NotFoundException("report");
        }
    }

    /** The project's plan, for facilitators and admins (and members of the project). */
    public Plan plan(Tenant tenant, UUID projectId) {
        return reviews.plan(tenant, projectId);
    }

    /** The project's reports, drafts included, for facilitators and admins. */
    @Transactional
    public List<ReviewReport> reports(Tenant tenant, UUID projectId) {
        requireManager(tenant);
        reviews.plan(tenant, projectId);
        return repository.list(tenant.organisationId(), projectId);
    }

    @Transactional
    public ReviewReport report(Tenant tenant, UUID projectId, UUID reportId) {
        requireManager(tenant);
        reviews.plan(tenant, projectId);
        return repository.find(tenant.organisationId(), projectId, reportId).orElseThrow(() -> new NotFoundException("report"));
    }

    /** The project's closed rounds, which reports can start from. */
    @Transactional
    public List<ReviewRound> closedRounds(Tenant tenant, UUID projectId) {
        requireManager(tenant);
        return reviews.closedRounds(tenant, projectId);
    }

    @Transactional
    public ReviewRound round(Tenant tenant, UUID projectId, UUID roundId) {
        return reviews.round(tenant, projectId, roundId);
    }

    /** Starts a report's draft from a closed round, for the kind's usual audience. */
    @Transactional
    public ReportResult create(Tenant tenant, UUID projectId, @Nullable UUID roundId, @Nullable ReportKind kind, String title) {
        requireManager(tenant);
        reviews.plan(tenant, projectId);
        if (kind == null) {
            return ReportResult.refused("kind", "report.kind.missing");
        }
        Optional<ReviewRound> round = roundId == null ? Optional.empty()
                : reviews.closedRounds(tenant, projectId).stream().filter(r -> r.id().equals(roundId)).findFirst();
        if (round.isEmpty()) {
            return ReportResult.refused("roundId", "report.round.missing");
        }
        String clean = title.strip();
        if (clean.isEmpty()) {
            return ReportResult.refused("title", "report.title.missing");
        }
        if (clean.length() > MAX_TITLE) {
            return ReportResult.refused("title", "report.text.too-long", MAX_TITLE);
        }
        UUID id = repository.create(tenant.organisationId(), projectId, round.get().id(), kind, clean, kind.defaultAudience(), tenant.userId());
        audit.record(tenant.organisationId(), tenant.userId(), "CREATED", "report", id, clean);
        return new ReportResult.Saved(id);
    }

    /** Saves the draft's words, audience and chosen stories, keeping its Welsh words as they are. */
    @Transactional
    public ReportResult update(Tenant tenant, UUID projectId, UUID reportId, int version, String title, @Nullable ConsentUse audience,
            ReportWords words, List<String> stories) {
        ReviewReport report = report(tenant, projectId, reportId);
        return update(tenant, projectId, reportId, version, title, audience, words, stories, report.titleCy(), report.wordsCy());
    }

    /**
     * Saves the draft's words, audience and chosen stories, and its title and words in Welsh (each
     * optional: a Welsh reader gets the English where no Welsh is given); {@code version} is the version seen.
     */
    @Transactional
    public ReportResult update(Tenant tenant, UUID projectId, UUID reportId, int version, String title, @Nullable ConsentUse audience,
            ReportWords words, List<String> stories, @Nullable String titleCy, ReportWords wordsCy) {
        ReviewReport report = report(tenant, projectId, reportId);
        String clean = title.strip();
        if (clean.isEmpty()) {
            return ReportResult.refused("title", "report.title.missing");
        }
        if (clean.length() > MAX_TITLE) {
            return ReportResult.refused("title", "report.text.too-long", MAX_TITLE);
        }
        if (audience == null) {
            return ReportResult.refused("audience", "report.audience.missing");
        }
        ReportWords w = cleaned(words);
        ReportWords cy = cleaned(wordsCy);
        String cleanCy = clean(titleCy);
        if (cleanCy != null && cleanCy.length() > MAX_TITLE) {
            return ReportResult.refused("titleCy", "report.text.too-long", MAX_TITLE);
        }
        Optional<ReportResult> tooLong = tooLong(w, "").or(() -> tooLong(cy, "Cy"));
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        Set<String> choosable = new LinkedHashSet<>();
        storyOptions(tenant, projectId, report).forEach(i -> choosable.add(i.source() + ":" + i.id()));
        List<String> chosen = stories.stream().distinct().filter(choosable::contains).toList();
        if (chosen.size() > MAX_STORIES) {
            return ReportResult.refused("stories", "report.stories.too-many", MAX_STORIES);
        }
        if (!repository.update(tenant.organisationId(), projectId, reportId, version, clean, audience, w, chosen, cleanCy, cy, tenant.userId())) {
            return new ReportResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "UPDATED", "report", reportId, clean);
        return new ReportResult.Saved(reportId);
    }

    private static ReportWords cleaned(ReportWords words) {
        return new ReportWords(clean(words.projectImpact()), clean(words.coproductionImpact()), clean(words.whatWorked()),
                clean(words.whatDidNot()), clean(words.nextSteps()), clean(words.easyLearned()), clean(words.easyNext()));
    }

    /** The first of the words that is too long, as a refusal for its field ({@code suffix} "Cy" for the Welsh fields). */
    private static Optional<ReportResult> tooLong(ReportWords w, String suffix) {
        Map<String, @Nullable String> longOnes = new java.util.LinkedHashMap<>();
        longOnes.put("projectImpact", w.projectImpact());
        longOnes.put("coproductionImpact", w.coproductionImpact());
        longOnes.put("whatWorked", w.whatWorked());
        longOnes.put("whatDidNot", w.whatDidNot());
        longOnes.put("nextSteps", w.nextSteps());
        for (var e : longOnes.entrySet()) {
            if (e.getValue() != null && e.getValue().length() > ReportWords.MAX) {
                return Optional.of(ReportResult.refused(e.getKey() + suffix, "report.text.too-long", ReportWords.MAX));
            }
        }
        if (w.easyLearned() != null && w.easyLearned().length() > ReportWords.MAX_EASY) {
            return Optional.of(ReportResult.refused("easyLearned" + suffix, "report.text.too-long", ReportWords.MAX_EASY));
        }
        if (w.easyNext() != null && w.easyNext().length() > ReportWords.MAX_EASY) {
            return Optional.of(ReportResult.refused("easyNext" + suffix, "report.text.too-long", ReportWords.MAX_EASY));
        }
        return Optional.empty();
    }

    private static @Nullable String clean(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip().replace("\r\n", "\n");
    }

    /**
     * Stories that may be chosen for the report: people's voices, case studies, photos and other
     * recorded items tagged to the round's outcomes, dated in its period (figures are summarised, not chosen).
     */
    @Transactional
    public List<EvidenceItem> storyOptions(Tenant tenant, UUID projectId, ReviewReport report) {
        requireManager(tenant);
        ReviewRound round = reviews.round(tenant, projectId, report.roundId());
        return maker.items(tenant.organisationId(), projectId).values().stream()
                .filter(i -> !FIGURES.contains(i.source()) && i.type() != EvidenceType.PROGRESS_REPORTS)
                .filter(i -> i.outcomeIds().stream().anyMatch(round::looksAt))
                .filter(i -> !i.date().isAfter(round.reviewOn()) && (round.periodFrom() == null || !i.date().isBefore(round.periodFrom())))
                .toList();
    }

    /** The draft as it would be published now, shown as its audience would see it. */
    @Transactional
    public ShownReport preview(Tenant tenant, UUID projectId, UUID reportId) {
        ReviewReport report = report(tenant, projectId, reportId);
        Snapshot snapshot = maker.make(tenant, report);
        Publication draft = new Publication(report.id(), report.id(), report.published() + 1, report.updatedAt(), null, snapshot);
        return shown(tenant, projectId, draft, List.of());
    }

    /**
     * Publishes the draft seen at {@code version} as the report's next version: figures, judgements and
     * wording are frozen from this moment.
     */
    @Transactional
    public ReportResult publish(Tenant tenant, UUID projectId, UUID reportId, int version) {
        ReviewReport report = report(tenant, projectId, reportId);
        if (report.version() != version) {
            return new ReportResult.Stale();
        }
        Snapshot snapshot = maker.make(tenant, report);
        Optional<Integer> number = repository.publish(tenant.organisationId(), projectId, reportId, version, snapshot, tenant.userId());
        if (number.isEmpty()) {
            return new ReportResult.Stale();
        }
        audit.record(tenant.organisationId(), tenant.userId(), "PUBLISHED", "report", reportId, report.title() + " v" + number.get());
        return new ReportResult.Saved(reportId);
    }

    /**
     * A published version ({@code number}, or the latest) as this person may read it now: items about
     * people without consent for the report's audience today are left out.
     */
    @Transactional
    public ShownReport published(Tenant tenant, UUID projectId, UUID reportId, @Nullable Integer number) {
        Publication publication = readable(tenant, projectId, reportId, number);
        return shown(tenant, projectId, publication, repository.versions(tenant.organisationId(), reportId));
    }

    /**
     * A photo of one of the stories of a published version, if this person may read that version and
     * the story may be shown to its audience today (consent); otherwise "not found".
     */
    @Transactional(readOnly = true)
    public EvidencePictures.Content picture(Tenant tenant, UUID projectId, UUID reportId, @Nullable Integer number, UUID pictureId) {
        ShownReport shown = published(tenant, projectId, reportId, number);
        Snapshot.Item story = shown.snapshot().storyWithPicture(pictureId).orElseThrow(() -> new NotFoundException("picture"));
        return maker.picture(tenant.organisationId(), projectId, story, pictureId).orElseThrow(() -> new NotFoundException("picture"));
    }

    /** Every photo the shown version's stories carry, by id, for putting into its PDF and Word file. */
    @Transactional(readOnly = true)
    public Map<UUID, EvidencePictures.Content> pictures(Tenant tenant, ShownReport shown) {
        Map<UUID, EvidencePictures.Content> found = new LinkedHashMap<>();
        for (Snapshot.Item story : shown.snapshot().stories()) {
            for (Snapshot.Picture p : story.pictures()) {
                maker.picture(tenant.organisationId(), shown.projectId(), story, p.id()).ifPresent(c -> found.put(p.id(), c));
            }
        }
        return found;
    }

    private Publication readable(Tenant tenant, UUID projectId, UUID reportId, @Nullable Integer number) {
        if (!tenant.is(Role.VIEWER)) {
            // Facilitators and admins: any project of the organisation; members: projects they take part in.
            projects.project(tenant, projectId);
        }
        repository.find(tenant.organisationId(), projectId, reportId).orElseThrow(() -> new NotFoundException("report"));
        Publication publication = repository.publication(tenant.organisationId(), reportId, number)
                .orElseThrow(() -> new NotFoundException("report"));
        if (!mayRead(tenant, publication)) {
            throw new NotFoundException("report");
        }
        return publication;
    }

    /** Viewers (funders, partners) read only what was published for funders or the public. */
    private static boolean mayRead(Tenant tenant, Publication publication) {
        return !tenant.is(Role.VIEWER) || publication.snapshot().audience() != ConsentUse.INTERNAL_LEARNING;
    }

    private ShownReport shown(Tenant tenant, UUID projectId, Publication publication, List<ShownReport.Version> versions) {
        Snapshot frozen = publication.snapshot();
        ConsentUse audience = frozen.audience();
        Map<String, EvidenceItem> held = maker.items(tenant.organisationId(), projectId);
        Snapshot now = frozen.keeping(item -> {
            if (!item.showsAPerson()) {
                return true;
            }
            EvidenceItem current = held.get(item.key());
            return current != null && current.mayBeUsedFor(audience);
        });
        // The reader's language picks the report's own words (Welsh where given) as well as its headings.
        return new ShownReport(projectId, publication.reportId(), publication, now.in(Languages.code()), frozen.itemCount() - now.itemCount(),
                versions);
    }

    /** Every published report this person may read, latest first: for viewers, the one place they find them. */
    @Transactional
    public List<ReadableReport> readable(Tenant tenant) {
        Set<UUID> theirs = new java.util.HashSet<>();
        if (tenant.is(Role.MEMBER)) {
            projects.projects(tenant).forEach(p -> theirs.add(p.id()));
        }
        List<ReadableReport> out = new ArrayList<>();
        for (ReviewReport r : repository.published(tenant.organisationId())) {
            if (tenant.is(Role.MEMBER) && !theirs.contains(r.projectId())) {
                continue;
            }
            repository.publication(tenant.organisationId(), r.id(), null)
                    .filter(p -> mayRead(tenant, p))
                    .ifPresent(p -> out.add(new ReadableReport(r.projectId(), r.id(), p)));
        }
        return out;
    }

    /** For a member opening the project: its latest published report, whose easy-read summary they see first. */
    @Transactional
    public Optional<ReadableReport> latestForMembers(Tenant tenant, Project project) {
        if (!tenant.is(Role.MEMBER)) {
            return Optional.empty();
        }
        return repository.list(tenant.organisationId(), project.id()).stream()
                .filter(ReviewReport::isPublished)
                .max(java.util.Comparator.comparing(r -> java.util.Objects.requireNonNull(r.lastPublishedAt())))
                .flatMap(r -> repository.publication(tenant.organisationId(), r.id(), null).map(p -> new ReadableReport(project.id(), r.id(), p)));
    }
}
