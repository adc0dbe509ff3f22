package org.coproduction.impact.overview.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.coproduction.impact.assessment.Judgement;
import org.coproduction.impact.overview.OverviewFilter;
import org.coproduction.impact.overview.OverviewService;
import org.coproduction.impact.overview.ProjectLine;
import org.coproduction.impact.overview.ProjectStatus;
import org.coproduction.impact.shared.document.CsvStream;
import org.coproduction.impact.shared.document.XlsxStream;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Pagination;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation overview (issue 11) and its downloads. Filters are a GET form, so the page, its
 * page links and its downloads are plain addresses that work without JavaScript and can be shared.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class OverviewController {

    static final String PATH = "/overview";

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final OverviewService overview;

    OverviewController(OverviewService overview) {
        this.overview = overview;
    }

    @GetMapping(PATH)
    String showOverview(Tenant tenant, @RequestParam(required = false) @Nullable String months,
            @RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String page, Model model) {
        OverviewFilter filter = OverviewFilter.of(months, status);
        OverviewService.Overview o = overview.overview(tenant, filter, Pagination.requested(page));
        model.addAttribute("overview", o);
        model.addAttribute("pagination", new Pagination(o.page(), o.pages(), PATH, filter.query()));
        model.addAttribute("periods", OverviewFilter.PERIODS.stream()
                .map(p -> Option.of(String.valueOf(p), Ui.t("overview.filter.months.option", p))).toList());
        List<Option> statuses = new ArrayList<>();
        statuses.add(Option.of("all", Ui.t("overview.status.all")));
        for (ProjectStatus s : ProjectStatus.values()) {
            statuses.add(Option.of(s.name().toLowerCase(java.util.Locale.ROOT), Ui.t(s.messageKey())));
        }
        model.addAttribute("statuses", statuses);
        return "overview/overview";
    }

    @GetMapping(PATH + "/export.csv")
    void exportCsv(Tenant tenant, @RequestParam(required = false) @Nullable String months,
            @RequestParam(required = false) @Nullable String status, HttpServletResponse response) throws IOException {
        OverviewFilter filter = OverviewFilter.of(months, status);
        downloading(response, new MediaType("text", "csv", StandardCharsets.UTF_8), "overview.csv");
        OutputStream out = response.getOutputStream();
        try (CsvStream csv = new CsvStream(out, header())) {
            overview.eachLine(tenant, filter, line -> csv.row(cells(line).stream().map(OverviewController::text).toList()));
        }
    }

    @GetMapping(PATH + "/export.xlsx")
    void exportXlsx(Tenant tenant, @RequestParam(required = false) @Nullable String months,
            @RequestParam(required = false) @Nullable String status, HttpServletResponse response) throws IOException {
        OverviewFilter filter = OverviewFilter.of(months, status);
        downloading(response, XLSX, "overview.xlsx");
        try (XlsxStream xlsx = new XlsxStream(Ui.t("overview.export.sheet"), header())) {
            overview.eachLine(tenant, filter, line -> xlsx.row(cells(line)));
            xlsx.writeTo(response.getOutputStream());
        }
    }

    static List<String> header() {
        return List.of(Ui.t("overview.export.project"), Ui.t("overview.export.status"), Ui.t("overview.export.starts"),
                Ui.t("overview.export.ends"), Ui.t("overview.export.outcomes"), Ui.t("overview.export.review"),
                Ui.t("overview.export.review-on"), Ui.t("overview.export.achieved"), Ui.t("overview.export.partly"),
                Ui.t("overview.export.not-yet"), Ui.t("overview.export.not-achieved"), Ui.t("overview.export.with-evidence"),
                Ui.t("overview.export.missing"), Ui.t("overview.export.without-plan"), Ui.t("overview.export.latest-evidence"),
                Ui.t("overview.export.items"), Ui.t("overview.export.activities"), Ui.t("overview.export.people"),
                Ui.t("overview.export.responses"));
    }

    /** One project's cells: numbers as numbers and days as dates (typed cells in Excel). */
    static List<@Nullable Object> cells(ProjectLine l) {
        List<@Nullable Object> cells = new ArrayList<>();
        cells.add(l.name());
        cells.add(Ui.t(l.status().messageKey()));
        cells.add(l.startsOn());
        cells.add(l.endsOn());
        cells.add(l.outcomes());
        cells.add(l.review() == null ? null : l.review().title());
        cells.add(l.review() == null ? null : l.review().reviewOn());
        cells.add(l.judged(Judgement.ACHIEVED));
        cells.add(l.judged(Judgement.PARTLY));
        cells.add(l.judged(Judgement.NOT_YET));
        cells.add(l.judged(Judgement.NOT_ACHIEVED));
        cells.add(l.withEvidence());
        cells.add(l.missingPlanned());
        cells.add(l.withoutPlan());
        cells.add(l.latestEvidence());
        cells.add(l.items());
        cells.add(l.activities());
        cells.add(l.peopleTakingPart());
        cells.add(l.responses());
        return cells;
    }

    private static String text(@Nullable Object cell) {
        return cell == null ? "" : cell.toString();
    }

    static void downloading(HttpServletResponse response, MediaType type, String name) {
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
