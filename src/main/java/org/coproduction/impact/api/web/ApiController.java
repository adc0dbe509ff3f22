package org.coproduction.impact.api.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.api.ApiScopes;
import org.coproduction.impact.api.web.Paging.Page;
import org.coproduction.impact.measure.MeasureService;
import org.coproduction.impact.pathway.Pathway;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.report.ReadableReport;
import org.coproduction.impact.report.ReportService;
import org.coproduction.impact.shared.tenancy.ApiClient;
import org.coproduction.impact.shared.tenancy.ApiScope;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only API: an organisation's projects, their pathways, plans and data points, and its
 * published reports, read through the modules' own services as someone who runs projects reads
 * them (reports as a funder reads them). Every list is paged with a cursor ({@link Paging}): the
 * projects, measures and data points (and forms) are cut by the database (the keyset is in the
 * statement); a project's plan rows and the published reports, short lists whose rows are worked
 * out in Java, are cut in memory in the same order.
 * Forms and their counted answers are in {@link FormsApiController}.
 */
@RestController
class ApiController {

    static final String V1 = "/api/v1";

    private final ProjectService projects;
    private final PathwayService pathways;
    private final PlanService plans;
    private final MeasureService measures;
    private final ReportService reports;

    ApiController(ProjectService projects, PathwayService pathways, PlanService plans, MeasureService measures, ReportService reports) {
        this.projects = projects;
        this.pathways = pathways;
        this.plans = plans;
        this.measures = measures;
        this.reports = reports;
    }

    record ProjectJson(UUID id, String name, @Nullable String summary, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
            @Nullable String groupsInvolved) {

        static ProjectJson of(Project p) {
            return new ProjectJson(p.id(), p.name(), p.summary(), p.startsOn(), p.endsOn(), p.groupsInvolved());
        }
    }

    @GetMapping(V1 + "/projects")
    @ApiScope(ApiScopes.PROJECTS)
    Page<ProjectJson> listProjects(ApiClient client, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        Paging.Request page = Paging.request(cursor, limit);
        List<ProjectJson> rows = projects.projectsById(client.asReader(), page.after(), page.fetch()).stream().map(ProjectJson::of).toList();
        return Paging.page(rows, ProjectJson::id, page, V1 + "/projects");
    }

    @GetMapping(V1 + "/projects/{projectId}")
    @ApiScope(ApiScopes.PROJECTS)
    ProjectJson showProject(ApiClient client, @PathVariable UUID projectId) {
        return ProjectJson.of(projects.project(client.asReader(), projectId));
    }

    record OutcomeJson(UUID id, String title, String term, boolean leadsToImpact, List<UUID> leadsTo, @Nullable String howWeWillKnow,
            int position) {}

    record ActivityJson(UUID id, String title, String kind, @Nullable String whoIsInvolved, List<UUID> outcomeIds, int position) {}

    record PathwayJson(UUID projectId, List<OutcomeJson> outcomes, List<ActivityJson> activities) {}

    /** The pathway's current outcomes and activities, in their order (removed ones left out). */
    @GetMapping(V1 + "/projects/{projectId}/pathway")
    @ApiScope(ApiScopes.PROJECTS)
    PathwayJson showPathway(ApiClient client, @PathVariable UUID projectId) {
        Tenant reader = client.asReader();
        projects.project(reader, projectId);
        Pathway pathway = pathways.pathway(reader, projectId);
        return new PathwayJson(projectId,
                pathway.currentOutcomes().stream().map(o -> new OutcomeJson(o.id(), o.title(), o.term().name(), o.leadsToImpact(),
                        o.leadsTo(), o.howWeWillKnow(), o.position())).toList(),
                pathway.currentActivities().stream().map(a -> new ActivityJson(a.id(), a.title(), a.kind().name(), a.whoIsInvolved(),
                        a.outcomeIds(), a.position())).toList());
    }

    record PlanRowJson(UUID id, UUID outcomeId, String evidenceType, String formOfEvidence, String successLooksLike,
            @Nullable String howWeWillKnow, @Nullable String target, @Nullable String baseline, @Nullable String whenCollected,
            @Nullable String whoCollects, List<String> waysOfCollecting) {}

    @GetMapping(V1 + "/projects/{projectId}/plan-rows")
    @ApiScope(ApiScopes.PROJECTS)
    Page<PlanRowJson> listPlanRows(ApiClient client, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        var plan = plans.plan(client.asReader(), projectId);
        List<PlanRowJson> all = plan.currentRows().stream().map(r -> new PlanRowJson(r.id(), r.outcomeId(), r.type().name(),
                r.formOfEvidence(), r.successLooksLike(), r.howWeWillKnow(), r.target(), r.baseline(), r.whenCollected(), r.whoCollects(),
                plan.wayNames(r))).toList();
        return Paging.page(all, PlanRowJson::id, cursor, limit, V1 + "/projects/" + projectId + "/plan-rows");
    }

    record MeasureJson(UUID id, String name, String kind, long pointCount, @Nullable BigDecimal latestValue, @Nullable LocalDate latestOn,
            List<UUID> outcomeIds, List<UUID> planRowIds) {}

    @GetMapping(V1 + "/projects/{projectId}/measures")
    @ApiScope(ApiScopes.MEASURES)
    Page<MeasureJson> listMeasures(ApiClient client, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        Paging.Request page = Paging.request(cursor, limit);
        List<MeasureJson> rows = measures.measuresById(client.asReader(), projectId, page.after(), page.fetch()).stream()
                .map(m -> new MeasureJson(m.id(), m.name(), m.kind().name(), m.pointCount(), m.latestValue(), m.latestOn(),
                        m.outcomeIds().stream().sorted().toList(), m.planRowIds().stream().sorted().toList()))
                .toList();
        return Paging.page(rows, MeasureJson::id, page, V1 + "/projects/" + projectId + "/measures");
    }

    record DataPointJson(UUID id, BigDecimal value, LocalDate observedOn, @Nullable String note) {}

    @GetMapping(V1 + "/projects/{projectId}/measures/{measureId}/data-points")
    @ApiScope(ApiScopes.MEASURES)
    Page<DataPointJson> listDataPoints(ApiClient client, @PathVariable UUID projectId, @PathVariable UUID measureId,
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Integer limit) {
        Paging.Request page = Paging.request(cursor, limit);
        List<DataPointJson> rows = measures.pointsById(client.asReader(), projectId, measureId, page.after(), page.fetch()).stream()
                .map(p -> new DataPointJson(p.id(), p.value(), p.observedOn(), p.note()))
                .toList();
        return Paging.page(rows, DataPointJson::id, page, V1 + "/projects/" + projectId + "/measures/" + measureId + "/data-points");
    }

    record ReportLinks(String page, String pdf, String word, String easyReadPdf) {}

    record ReportJson(UUID id, UUID projectId, String project, String title, String kind, String audience, int version,
            OffsetDateTime publishedAt, ReportLinks links) {}

    /**
     * Published reports as a funder may read them: their details and where to read them (the
     * addresses are the service's own pages, for someone signed in: the API does not hand out the
     * reports' contents).
     */
    @GetMapping(V1 + "/reports")
    @ApiScope(ApiScopes.REPORTS)
    Page<ReportJson> listReports(ApiClient client, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        List<ReportJson> all = reports.readable(client.asReportReader()).stream().map(ApiController::report).toList();
        return Paging.page(all, ReportJson::id, cursor, limit, V1 + "/reports");
    }

    private static ReportJson report(ReadableReport r) {
        var latest = r.latest();
        var snapshot = latest.snapshot();
        String page = r.href();
        return new ReportJson(r.reportId(), r.projectId(), snapshot.project(), snapshot.title(), snapshot.kind().name(),
                snapshot.audience().name(), latest.number(), latest.publishedAt(),
                new ReportLinks(page, page + "/report.pdf", page + "/report.docx", page + "/easy-read.pdf"));
    }
}
