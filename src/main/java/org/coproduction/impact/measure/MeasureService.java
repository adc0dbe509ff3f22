package org.coproduction.impact.measure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.plan.PlanRow;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's data points: measures, values entered by hand, and CSV imports that are previewed
 * (every rejected row with its reason) and stored only when confirmed, once.
 */
@Service
public class MeasureService {

    /** A data point as typed: the measure it is for (found by name, or new with the kind given). */
    public record PointDraft(String measureName, @Nullable MeasureKind kindIfNew, BigDecimal value, LocalDate observedOn,
            @Nullable String note) {}

    /** What reading an uploaded CSV file gave: a preview to confirm, or why the whole file was refused. */
    public sealed interface ImportResult {
        record Previewed(UUID importId) implements ImportResult {}

        record Refused(String messageKey) implements ImportResult {}
    }

    private final MeasureRepository measures;
    private final ProjectService projects;
    private final PathwayService pathways;
    private final PlanService plans;
    private final AuditLog audit;
    private final Clock clock;

    /** Previews never confirmed are cleared after this long (their staged rows are the bulk). */
    static final java.time.Duration PREVIEW_KEPT = java.time.Duration.ofDays(2);

    MeasureService(MeasureRepository measures, ProjectService projects, PathwayService pathways, PlanService plans, AuditLog audit) {
        this.measures = measures;
        this.audit = audit;
        this.projects = projects;
        this.pathways = pathways;
        this.plans = plans;
        this.clock = Clock.systemDefaultZone();
    }

    public static String base(UUID projectId) {
        return "/projects/" + projectId + "/data";
    }

    /** Today, as dates in files are checked against it. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The project, if this person may see it (its members and the organisation's facilitators and admins). */
    public Project project(Tenant tenant, UUID projectId) {
        return projects.project(tenant, projectId);
    }

    public List<Measure> measures(Tenant tenant, UUID projectId) {
        projects.project(tenant, projectId);
        return measures.measures(tenant.organisationId(), projectId);
    }

    public Measure measure(Tenant tenant, UUID projectId, UUID measureId) {
        return measures(tenant, projectId).stream().filter(m -> m.id().equals(measureId)).findFirst()
                .orElseThrow(() -> new NotFoundException("measure"));
    }

    /** The measure's current points, latest first (at most {@link MeasureLimits#POINTS_SHOWN}). */
    public List<DataPoint> points(Tenant tenant, UUID projectId, UUID measureId) {
        Measure m = measure(tenant, projectId, measureId);
        return measures.points(tenant.organisationId(), m.id(), MeasureLimits.POINTS_SHOWN);
    }

    /**
     * A page of the project's measures in the order of their id (for the API's keyset paging):
     * after {@code after} (absent: from the first), at most {@code limit}.
     */
    public List<Measure> measuresById(Tenant tenant, UUID projectId, @Nullable UUID after, int limit) {
        projects.project(tenant, projectId);
        return measures.measuresById(tenant.organisationId(), projectId, after, limit);
    }

    /**
     * A page of a measure's current points in the order of their id (for the API's keyset paging),
     * after {@code after} (absent: from the first), at most {@code limit}: every point, not only the
     * {@link MeasureLimits#POINTS_SHOWN} newest the pages show. "Not found" unless the person may see
     * the project and the measure is the project's.
     */
    public List<DataPoint> pointsById(Tenant tenant, UUID projectId, UUID measureId, @Nullable UUID after, int limit) {
        projects.project(tenant, projectId);
        if (!measures.measureExists(tenant.organisationId(), projectId, measureId)) {
            throw new NotFoundException("measure");
        }
        return measures.pointsById(tenant.organisationId(), measureId, after, limit);
    }

    public Optional<DataPoint> point(Tenant tenant, UUID projectId, UUID pointId) {
        projects.project(tenant, projectId);
        return measures.point(tenant.organisationId(), projectId, pointId);
    }

    /** The outcomes a measure can be tagged to: the project pathway's current ones. */
    public List<Outcome> outcomes(Tenant tenant, UUID projectId) {
        return pathways.pathway(tenant, projectId).currentOutcomes();
    }

    /** The plan rows a measure can be tagged to: the project plan's current ones. */
    public Plan plan(Tenant tenant, UUID projectId) {
        return plans.plan(tenant, projectId);
    }

    /** Adds one data point entered by hand, creating its measure when the name is new. */
    @Transactional
    public UUID addPoint(Tenant tenant, UUID projectId, PointDraft d) {
        requireEditor(tenant, projectId);
        UUID measureId = measures.measureNamed(tenant.organisationId(), projectId, d.measureName())
                .orElseGet(() -> measures.createMeasure(tenant.organisationId(), projectId, d.measureName(),
                        d.kindIfNew() == null ? MeasureKind.NUMBER : d.kindIfNew(), tenant.userId()));
        return measures.addPoint(tenant.organisationId(), projectId, measureId, d.value(), d.observedOn(),
                d.note() == null || d.note().isBlank() ? null : d.note().strip(), tenant.userId());
    }

    /** The kind of the existing measure of this name, if there is one. */
    public Optional<MeasureKind> kindOf(Tenant tenant, UUID projectId, String measureName) {
        return measures(tenant, projectId).stream().filter(m -> m.name().equalsIgnoreCase(measureName.strip())).findFirst()
                .map(Measure::kind);
    }

    /**
     * Changes a measure's name, kind and tags, if nobody changed it since {@code version} was read.
     * Tags that are not current outcomes or plan rows of the project are ignored.
     */
    @Transactional
    public boolean updateMeasure(Tenant tenant, UUID projectId, UUID measureId, int version, String name, MeasureKind kind,
            Collection<UUID> outcomeIds, Collection<UUID> planRowIds) {
        requireEditor(tenant, projectId);
        measure(tenant, projectId, measureId);
        Set<UUID> outcomes = outcomes(tenant, projectId).stream().map(Outcome::id).collect(Collectors.toSet());
        Set<UUID> rows = plan(tenant, projectId).currentRows().stream().map(PlanRow::id).collect(Collectors.toSet());
        Set<UUID> o = new LinkedHashSet<>(outcomeIds);
        o.retainAll(outcomes);
        Set<UUID> r = new LinkedHashSet<>(planRowIds);
        r.retainAll(rows);
        return measures.updateMeasure(tenant.organisationId(), projectId, measureId, version, name, kind, o, r, tenant.userId());
    }

    /** Whether another measure of the project already has this name. */
    public boolean nameTaken(Tenant tenant, UUID projectId, UUID measureId, String name) {
        return measures.measureNamed(tenant.organisationId(), projectId, name).filter(id -> !id.equals(measureId)).isPresent();
    }

    /** Removes a data point: it is archived (kept, no longer counted). */
    @Transactional
    public boolean removePoint(Tenant tenant, UUID projectId, UUID pointId) {
        requireEditor(tenant, projectId);
        boolean removed = measures.archivePoint(tenant.organisationId(), projectId, pointId, tenant.userId());
        if (removed) {
            audit.record(tenant.organisationId(), tenant.userId(), "ARCHIVED", "data_point", pointId, null);
        }
        return removed;
    }

    /** Reads a CSV file and keeps what it would import, for the preview. Nothing becomes a data point yet. */
    @Transactional
    public ImportResult preview(Tenant tenant, UUID projectId, String filename, byte[] content) {
        requireEditor(tenant, projectId);
        measures.clearStalePreviews(tenant.organisationId(), java.time.OffsetDateTime.now(clock).minus(PREVIEW_KEPT));
        MeasureCsv.Reading reading = MeasureCsv.read(content, today(), measures.existing(tenant.organisationId(), projectId));
        return switch (reading) {
            case MeasureCsv.Reading.Refused(String key) -> new ImportResult.Refused(key);
            case MeasureCsv.Reading.Read(List<MeasureCsv.Row> rows, List<MeasureCsv.Rejected> rejected) ->
                    new ImportResult.Previewed(measures.stageImport(tenant.organisationId(), projectId, filename(filename), rows, rejected,
                            tenant.userId()));
        };
    }

    public ImportPreview importPreview(Tenant tenant, UUID projectId, UUID importId) {
        requireEditor(tenant, projectId);
        return measures.preview(tenant.organisationId(), projectId, importId).orElseThrow(() -> new NotFoundException("import"));
    }

    /** Imports exactly what the preview showed, once. Empty when it had already been imported. */
    @Transactional
    public Optional<Integer> confirmImport(Tenant tenant, UUID projectId, UUID importId) {
        ImportPreview preview = importPreview(tenant, projectId, importId);
        Optional<Integer> imported = measures.confirm(tenant.organisationId(), projectId, importId, tenant.userId());
        imported.ifPresent(n -> audit.record(tenant.organisationId(), tenant.userId(), "IMPORTED", "measure_import", importId,
                preview.filename()));
        return imported;
    }

    private void requireEditor(Tenant tenant, UUID projectId) {
        projects.project(tenant, projectId);
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new NotFoundException("project");
        }
    }

    static String filename(String original) {
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).codePoints()
                .filter(c -> c >= 0x20 && c != 0x7F)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (name.isEmpty()) {
            name = "Data points.csv";
        }
        return name.length() > MeasureLimits.NAME ? name.substring(0, MeasureLimits.NAME) : name;
    }
}
