package org.coproduction.impact.measure.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.measure.DataPoint;
import org.coproduction.impact.measure.ImportPreview;
import org.coproduction.impact.measure.Measure;
import org.coproduction.impact.measure.MeasureKind;
import org.coproduction.impact.measure.MeasureLimits;
import org.coproduction.impact.measure.MeasureService;
import org.coproduction.impact.measure.Values;
import org.coproduction.impact.pathway.Project;
import org.coproduction.impact.plan.Plan;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.coproduction.impact.shared.web.Uploaded;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's data: its measures with their latest values, each measure's points over time, typing
 * a point in, removing one, and importing a CSV file through a preview.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class MeasureController {

    private final MeasureService measures;

    MeasureController(MeasureService measures) {
        this.measures = measures;
    }

    @GetMapping("/projects/{projectId}/data")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showData(Tenant tenant, @PathVariable UUID projectId, Model model) {
        model.addAttribute("project", measures.project(tenant, projectId));
        model.addAttribute("measures", measures.measures(tenant, projectId));
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        return "measure/data";
    }

    @GetMapping("/projects/{projectId}/data/measures/{measureId}")
    @RequiresRole({Role.ADMIN, Role.FACILITATOR, Role.MEMBER})
    String showMeasure(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID measureId, Model model) {
        Measure measure = measures.measure(tenant, projectId, measureId);
        Plan plan = measures.plan(tenant, projectId);
        model.addAttribute("project", plan.project());
        model.addAttribute("measure", measure);
        model.addAttribute("points", measures.points(tenant, projectId, measureId));
        model.addAttribute("outcomes", plan.pathway().currentOutcomes().stream().filter(o -> measure.outcomeIds().contains(o.id()))
                .map(o -> o.title()).toList());
        model.addAttribute("planRows", plan.currentRows().stream().filter(r -> measure.planRowIds().contains(r.id()))
                .map(r -> plan.outcomeTitle(r.outcomeId()) + ": " + r.formOfEvidence()).toList());
        model.addAttribute("canEdit", tenant.is(Role.ADMIN, Role.FACILITATOR));
        return "measure/measure";
    }

    // ---------------------------------------------------------------------------------------
    // Changing a measure: name, kind and the outcomes and plan rows it is evidence for

    @GetMapping("/projects/{projectId}/data/measures/{measureId}/edit")
    String showEditMeasure(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID measureId, Model model) {
        Measure m = measures.measure(tenant, projectId, measureId);
        return measureForm(tenant, projectId, m, m.name(), m.kind().name(), m.outcomeIds().stream().map(UUID::toString).toList(),
                m.planRowIds().stream().map(UUID::toString).toList(), m.version(), FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/data/measures/{measureId}/edit")
    String editMeasure(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID measureId,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable List<String> outcomes, @RequestParam(required = false) @Nullable List<String> planRows,
            @RequestParam(defaultValue = "-1") int version, Model model, RedirectAttributes redirect) {
        Measure m = measures.measure(tenant, projectId, measureId);
        List<String> o = outcomes == null ? List.of() : outcomes;
        List<String> r = planRows == null ? List.of() : planRows;
        FormErrors errors = FormErrors.none();
        String n = name.strip();
        if (n.isEmpty()) {
            errors = errors.plus("name", Ui.t("measure.name.required"));
        } else if (n.length() > MeasureLimits.NAME) {
            errors = errors.plus("name", Ui.t("measure.text.too-long", MeasureLimits.NAME));
        } else if (measures.nameTaken(tenant, projectId, measureId, n)) {
            errors = errors.plus("name", Ui.t("measure.name.taken"));
        }
        MeasureKind k = kind(kind);
        if (k == null) {
            errors = errors.plus("kind", Ui.t("measure.kind.required"));
        }
        if (!errors.any() && !measures.updateMeasure(tenant, projectId, measureId, version, n, k, ids(o), ids(r))) {
            errors = errors.plus("name", Ui.t("measure.stale"));
            m = measures.measure(tenant, projectId, measureId);
        }
        if (errors.any()) {
            return measureForm(tenant, projectId, m, name, kind, o, r, m.version(), errors, model);
        }
        redirect.addFlashAttribute("notice", Ui.t("measure.saved"));
        return "redirect:" + m.href();
    }

    private String measureForm(Tenant tenant, UUID projectId, Measure m, String name, String kind, List<String> outcomes,
            List<String> planRows, int version, FormErrors errors, Model model) {
        Plan plan = measures.plan(tenant, projectId);
        model.addAttribute("project", plan.project());
        model.addAttribute("measure", m);
        model.addAttribute("name", name);
        model.addAttribute("kind", kind);
        model.addAttribute("kindOptions", kindOptions());
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("outcomeOptions", plan.pathway().currentOutcomes().stream().map(o -> Option.of(o.id().toString(), o.title())).toList());
        model.addAttribute("planRows", planRows);
        model.addAttribute("planRowOptions", plan.currentRows().stream()
                .map(r -> new Option(r.id().toString(), r.formOfEvidence(), plan.outcomeTitle(r.outcomeId()))).toList());
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        return "measure/measure-form";
    }

    // ---------------------------------------------------------------------------------------
    // Typing a data point in

    @GetMapping("/projects/{projectId}/data/new")
    String showAddPoint(Tenant tenant, @PathVariable UUID projectId, @RequestParam(defaultValue = "") String measure, Model model) {
        return pointForm(tenant, projectId, new MeasureForms.PointForm(measure, "", "", "", "", "", ""), FormErrors.none(), model);
    }

    @PostMapping("/projects/{projectId}/data/new")
    String addPoint(Tenant tenant, @PathVariable UUID projectId, MeasureForms.PointForm form, Model model, RedirectAttributes redirect) {
        measures.project(tenant, projectId);
        Optional<MeasureKind> existing = form.measure().isBlank() ? Optional.empty() : measures.kindOf(tenant, projectId, form.measure());
        FormErrors errors = FormErrors.none();
        String name = form.measure().strip();
        if (name.isEmpty()) {
            errors = errors.plus("measure", Ui.t("measure.point.measure.required"));
        } else if (name.length() > MeasureLimits.NAME) {
            errors = errors.plus("measure", Ui.t("measure.text.too-long", MeasureLimits.NAME));
        }
        MeasureKind kind = existing.orElse(kind(form.kind()));
        if (kind == null) {
            errors = errors.plus("kind", Ui.t("measure.kind.required-new"));
        }
        BigDecimal value = null;
        if (form.value().isBlank()) {
            errors = errors.plus("value", Ui.t("measure.point.value.required"));
        } else {
            value = Values.number(form.value());
            if (value == null) {
                errors = errors.plus("value", Ui.t("measure.point.value.not-number"));
            } else if (!Values.inRange(value)) {
                errors = errors.plus("value", Ui.t("measure.point.value.too-big"));
            } else if (kind == MeasureKind.PERCENTAGE && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
                errors = errors.plus("value", Ui.t("measure.point.value.percentage"));
            } else if (kind == MeasureKind.COUNT && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
                errors = errors.plus("value", Ui.t("measure.point.value.count"));
            }
        }
        LocalDate on = null;
        if (form.observedOnDay().isBlank() && form.observedOnMonth().isBlank() && form.observedOnYear().isBlank()) {
            errors = errors.plus("observedOn", Ui.t("measure.point.date.required"));
        } else {
            on = form.date();
            if (on == null) {
                errors = errors.plus("observedOn", Ui.t("measure.point.date.real"));
            } else if (on.isAfter(measures.today())) {
                errors = errors.plus("observedOn", Ui.t("measure.point.date.future"));
            }
        }
        if (form.note().strip().length() > MeasureLimits.NOTE) {
            errors = errors.plus("note", Ui.t("measure.text.too-long", MeasureLimits.NOTE));
        }
        if (errors.any() || value == null || on == null || kind == null) {
            return pointForm(tenant, projectId, form, errors, model);
        }
        measures.addPoint(tenant, projectId, new MeasureService.PointDraft(name, kind, value, on, form.note()));
        redirect.addFlashAttribute("notice", Ui.t("measure.point.added", name));
        return "redirect:" + MeasureService.base(projectId);
    }

    private String pointForm(Tenant tenant, UUID projectId, MeasureForms.PointForm form, FormErrors errors, Model model) {
        model.addAttribute("project", measures.project(tenant, projectId));
        model.addAttribute("measures", measures.measures(tenant, projectId));
        model.addAttribute("form", form);
        model.addAttribute("kindOptions", kindOptions());
        model.addAttribute("errors", errors);
        return "measure/point-form";
    }

    // ---------------------------------------------------------------------------------------
    // Removing a data point (it is archived)

    @GetMapping("/projects/{projectId}/data/points/{pointId}/remove")
    String showRemovePoint(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID pointId, Model model) {
        DataPoint point = measures.point(tenant, projectId, pointId).orElseThrow(() -> new NotFoundException("point"));
        model.addAttribute("project", measures.project(tenant, projectId));
        model.addAttribute("measure", measures.measure(tenant, projectId, point.measureId()));
        model.addAttribute("point", point);
        return "measure/confirm-remove-point";
    }

    @PostMapping("/projects/{projectId}/data/points/{pointId}/remove")
    String removePoint(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID pointId, RedirectAttributes redirect) {
        DataPoint point = measures.point(tenant, projectId, pointId).orElseThrow(() -> new NotFoundException("point"));
        Measure measure = measures.measure(tenant, projectId, point.measureId());
        measures.removePoint(tenant, projectId, pointId);
        redirect.addFlashAttribute("notice", Ui.t("measure.point.removed"));
        return "redirect:" + measure.href();
    }

    // ---------------------------------------------------------------------------------------
    // Importing a CSV file: upload, preview, confirm

    @GetMapping("/projects/{projectId}/data/import")
    String showImport(Tenant tenant, @PathVariable UUID projectId, Model model) {
        return importPage(tenant, projectId, FormErrors.none(), model);
    }

    @GetMapping("/projects/{projectId}/data/example.csv")
    ResponseEntity<byte[]> exampleFile(Tenant tenant, @PathVariable UUID projectId) throws IOException {
        measures.project(tenant, projectId);
        byte[] csv = new ClassPathResource("measure/example-data-points.csv").getContentAsByteArray();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("Example data points.csv", StandardCharsets.UTF_8).build().toString())
                .body(csv);
    }

    @PostMapping("/projects/{projectId}/data/import")
    String importFile(Tenant tenant, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        measures.project(tenant, projectId);
        return switch (Uploaded.check(file, MeasureLimits.MAX_FILE_BYTES, "measure.import.error.no-file", "measure.import.error.too-big")) {
            case Uploaded.Problem(FormErrors errors) -> importPage(tenant, projectId, errors, model);
            case Uploaded.Chosen(String filename, byte[] bytes) -> switch (measures.preview(tenant, projectId, filename, bytes)) {
                case MeasureService.ImportResult.Refused(String key) -> importPage(tenant, projectId, FormErrors.single("file", Ui.t(key)), model);
                case MeasureService.ImportResult.Previewed(UUID importId) -> "redirect:" + MeasureService.base(projectId) + "/imports/" + importId;
            };
        };
    }

    @GetMapping("/projects/{projectId}/data/imports/{importId}")
    String showPreview(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID importId, Model model) {
        ImportPreview preview = measures.importPreview(tenant, projectId, importId);
        model.addAttribute("project", measures.project(tenant, projectId));
        model.addAttribute("preview", preview);
        return "measure/preview";
    }

    @PostMapping("/projects/{projectId}/data/imports/{importId}/confirm")
    String confirmImport(Tenant tenant, @PathVariable UUID projectId, @PathVariable UUID importId, RedirectAttributes redirect) {
        Optional<Integer> imported = measures.confirmImport(tenant, projectId, importId);
        redirect.addFlashAttribute("notice", imported.isPresent()
                ? Ui.t("measure.import.done", imported.get())
                : Ui.t("measure.import.already"));
        return "redirect:" + MeasureService.base(projectId);
    }

    private String importPage(Tenant tenant, UUID projectId, FormErrors errors, Model model) {
        Project project = measures.project(tenant, projectId);
        model.addAttribute("project", project);
        model.addAttribute("errors", errors);
        return "measure/import";
    }

    // ---------------------------------------------------------------------------------------

    private static List<Option> kindOptions() {
        List<Option> options = new ArrayList<>();
        for (MeasureKind k : MeasureKind.values()) {
            options.add(new Option(k.name(), Ui.t(k.messageKey()), Ui.t(k.hintKey())));
        }
        return options;
    }

    private static @Nullable MeasureKind kind(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : MeasureKind.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<UUID> ids(List<String> values) {
        List<UUID> ids = new ArrayList<>();
        for (String v : values) {
            try {
                ids.add(UUID.fromString(v.strip()));
            } catch (IllegalArgumentException e) {
                // Not one of ours: left out (only the project's own outcomes and rows are kept anyway).
            }
        }
        return ids;
    }
}
