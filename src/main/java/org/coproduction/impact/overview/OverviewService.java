package org.coproduction.impact.overview;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.coproduction.impact.assessment.LatestReview;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.form.FormActivity;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.plan.EvidenceCoverage;
import org.coproduction.impact.plan.EvidenceCoverageService;
import org.coproduction.impact.record.RecordActivity;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the organisation overview from the modules' public services. Every figure is read as
 * an aggregate: outcomes counted per project, judgements of each project's latest closed round,
 * records per month grouped on their index, answers per month from the settled months
 * ({@link FormActivity}); evidence coverage is computed only for the projects on the page shown (or,
 * for a download, a page's worth at a time), all of them together: each module reads the page's
 * projects in one go, so a page runs a few dozen statements, not a few dozen a project.
 */
@Service
public class OverviewService {

    /** Projects on one page of the overview. */
    public static final int PER_PAGE = 20;

    static final ZoneId UK = ZoneId.of("Europe/London");

    /** One page of the overview: the month figures of every project chosen, and the lines of this page's projects. */
    public record Overview(OverviewFilter filter, List<MonthFigures> months, List<ProjectLine> lines, int page, int pages, int projects) {

        public Overview {
            months = List.copyOf(months);
            lines = List.copyOf(lines);
        }

        public long totalResponses() {
            return months.stream().mapToLong(MonthFigures::responses).sum();
        }

        public int totalItems() {
            return months.stream().mapToInt(MonthFigures::items).sum();
        }
    }

    private final ProjectService projects;
    private final ReviewService reviews;
    private final EvidenceCoverageService coverage;
    private final RecordActivity records;
    private final FormActivity forms;

    OverviewService(ProjectService projects, ReviewService reviews, EvidenceCoverageService coverage, RecordActivity records,
            FormActivity forms) {
        this.projects = projects;
        this.reviews = reviews;
        this.coverage = coverage;
        this.records = records;
        this.forms = forms;
    }

    public static boolean maySee(Tenant tenant) {
        return tenant.is(Role.ADMIN, Role.FACILITATOR);
    }

    static LocalDate today() {
        return LocalDate.now(UK);
    }

    /** The figures both the page and the downloads start from. */
    private record Figures(List<Project> chosen, Map<UUID, Integer> outcomes, Map<UUID, LatestReview> latest,
            Map<UUID, Activity> activity, List<MonthFigures> months) {}

    /** One project's activity over the period. */
    private record Activity(int items, int activities, int people, long responses) {

        Activity plus(int i, int a, int p, long r) {
            return new Activity(items + i, activities + a, people + p, responses + r);
        }
    }

    private Figures figures(Tenant tenant, OverviewFilter filter) {
        if (!maySee(tenant)) {
            throw new NotFoundException("overview");
        }
        LocalDate today = today();
        YearMonth last = YearMonth.from(today);
        YearMonth first = filter.first(last);
        List<Project> chosen = projects.projects(tenant).stream()
                .filter(p -> filter.includes(ProjectStatus.of(p, today)))
                .sorted(Comparator.comparing(Project::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Project::id))
                .toList();
        Map<UUID, Project> byId = new HashMap<>();
        chosen.forEach(p -> byId.put(p.id(), p));
        Map<YearMonth, MonthFigures> months = new java.util.LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.put(m, new MonthFigures(m, 0, 0, 0, 0));
        }
        Map<UUID, Activity> activity = new HashMap<>();
        for (RecordActivity.ProjectMonth r : records.perMonth(tenant, first, last)) {
            if (byId.containsKey(r.projectId()) && months.containsKey(r.month())) {
                months.computeIfPresent(r.month(), (k, v) -> v.plus(r.items(), r.activities(), r.peopleTakingPart(), 0));
                activity.merge(r.projectId(), new Activity(r.items(), r.activities(), r.peopleTakingPart(), 0),
                        (a, b) -> a.plus(b.items(), b.activities(), b.people(), 0));
            }
        }
        for (FormActivity.ProjectMonth f : forms.responsesPerMonth(tenant, first, last)) {
            // The organisation's own forms (no project) count in the months when every project is shown.
            boolean shown = f.projectId() == null ? filter.status() == null : byId.containsKey(f.projectId());
            if (shown && months.containsKey(f.month())) {
                months.computeIfPresent(f.month(), (k, v) -> v.plus(0, 0, 0, f.responses()));
                if (f.projectId() != null) {
                    activity.merge(f.projectId(), new Activity(0, 0, 0, f.responses()), (a, b) -> a.plus(0, 0, 0, b.responses()));
                }
            }
        }
        return new Figures(chosen, projects.outcomeCounts(tenant), reviews.latestReviews(tenant), activity, List.copyOf(months.values()));
    }

    /** One page of the overview ({@code requestedPage} past the end shows the last). */
    // Not read-only: the coverage's sources may set up what they keep on first use (the evidence list).
    @Transactional
    public Overview overview(Tenant tenant, OverviewFilter filter, long requestedPage) {
        Figures f = figures(tenant, filter);
        int count = f.chosen().size();
        int pages = Math.max(1, (count + PER_PAGE - 1) / PER_PAGE);
        int page = (int) Math.min(Math.max(1, requestedPage), pages);
        List<Project> shown = f.chosen().subList(Math.min(count, (page - 1) * PER_PAGE), Math.min(count, page * PER_PAGE));
        Map<UUID, EvidenceCoverage> covered = coverage.coverage(tenant, shown);
        List<ProjectLine> lines = shown.stream().map(p -> line(p, covered.get(p.id()), f)).toList();
        return new Overview(filter, f.months(), lines, page, pages, count);
    }

    /** The month figures and every chosen project's line, a page's worth of projects at a time (for the downloads). */
    @Transactional
    public List<MonthFigures> eachLine(Tenant tenant, OverviewFilter filter, Consumer<ProjectLine> line) {
        Figures f = figures(tenant, filter);
        List<Project> chosen = f.chosen();
        for (int from = 0; from < chosen.size(); from += PER_PAGE) {
            List<Project> some = chosen.subList(from, Math.min(chosen.size(), from + PER_PAGE));
            Map<UUID, EvidenceCoverage> covered = coverage.coverage(tenant, some);
            some.forEach(p -> line.accept(line(p, covered.get(p.id()), f)));
        }
        return f.months();
    }

    private ProjectLine line(Project p, EvidenceCoverage c, Figures f) {
        int withEvidence = 0;
        int missing = 0;
        int withoutPlan = 0;
        LocalDate latest = null;
        for (EvidenceCoverage.OutcomeCoverage o : c.outcomes()) {
            withEvidence += o.found().isEmpty() ? 0 : 1;
            missing += o.missing().isEmpty() ? 0 : 1;
            withoutPlan += o.hasPlan() ? 0 : 1;
            latest = later(latest, o.latest());
        }
        Activity a = f.activity().getOrDefault(p.id(), new Activity(0, 0, 0, 0));
        return new ProjectLine(p.id(), p.name(), p.nameLang(), ProjectStatus.of(p, today()), p.startsOn(), p.endsOn(), f.outcomes().getOrDefault(p.id(), 0),
                f.latest().get(p.id()), withEvidence, missing, withoutPlan, latest, a.items(), a.activities(), a.people(), a.responses());
    }

    private static @Nullable LocalDate later(@Nullable LocalDate a, @Nullable LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
