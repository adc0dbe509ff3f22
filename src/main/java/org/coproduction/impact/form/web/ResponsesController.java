package org.coproduction.impact.form.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormResults;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormVersion;
import org.coproduction.impact.form.MappedQuestion;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.Response;
import org.coproduction.impact.form.ResponsePage;
import org.coproduction.impact.shared.web.FileNames;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Pagination;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form's responses for facilitators: the table (newest first, 50 a page, filtered by day and version), one
 * response with the questions of its version, marking one as a test or duplicate (and counting it
 * again), the export as CSV and Excel, and the analysis.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class ResponsesController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Responses on one page of the table. */
    static final int PER_PAGE = 50;

    /** Longer answers are cut to this in the table, with a link to the whole response. */
    static final int CELL = 80;

    private final FormService forms;
    private final FormResults results;
    private final RespondentService respondents;

    ResponsesController(FormService forms, FormResults results, RespondentService respondents) {
        this.forms = forms;
        this.results = results;
        this.respondents = respondents;
    }

    @GetMapping("/forms/{formId}/responses")
    String showResponses(Tenant tenant, @PathVariable UUID formId, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String fromDay, @RequestParam(required = false) @Nullable String fromMonth,
            @RequestParam(required = false) @Nullable String fromYear, @RequestParam(required = false) @Nullable String toDay,
            @RequestParam(required = false) @Nullable String toMonth, @RequestParam(required = false) @Nullable String toYear,
            @RequestParam(required = false) @Nullable String page, Model model) {
        Form form = forms.form(tenant, formId);
        List<FormVersion> versions = forms.versions(tenant, formId);
        FormErrors errors = FormErrors.none();
        DateFilter from = DateFilter.parse(fromDay, fromMonth, fromYear);
        DateFilter to = DateFilter.parse(toDay, toMonth, toYear);
        if (from.invalid()) {
            errors = errors.plus("from", Ui.t("form.responses.filter.from.invalid"));
        }
        if (to.invalid()) {
            errors = errors.plus("to", Ui.t("form.responses.filter.to.invalid"));
        }
        if (from.date() != null && to.date() != null && to.date().isBefore(from.date())) {
            errors = errors.plus("to", Ui.t("form.responses.filter.to.before-from"));
        }
        Integer number = null;
        if (version != null && !version.isBlank()) {
            number = versions.stream().map(FormVersion::number).filter(n -> String.valueOf(n).equals(version.strip())).findFirst().orElse(null);
            if (number == null) {
                errors = errors.plus("version", Ui.t("form.responses.filter.version.invalid"));
            }
        }
        ResponsePage shown = errors.any()
                ? new ResponsePage(List.of(), 0, 1, 1, PER_PAGE, false)
                : results.responses(tenant, formId, number, from.date(), to.date(), Pagination.requested(page), PER_PAGE);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("version", version == null ? "" : version.strip());
        filters.put("fromDay", from.day());
        filters.put("fromMonth", from.month());
        filters.put("fromYear", from.year());
        filters.put("toDay", to.day());
        filters.put("toMonth", to.month());
        filters.put("toYear", to.year());
        Integer columnsOf = number;
        List<MappedQuestion> columns = results.mapped(tenant, formId).stream()
                .filter(m -> columnsOf == null || m.askedOn(columnsOf))
                .toList();
        model.addAttribute("form", form);
        model.addAttribute("versions", versions);
        model.addAttribute("columns", columns);
        model.addAttribute("responses", shown);
        model.addAttribute("pagination", new Pagination(shown.page(), shown.pages(), form.path() + "/responses", filters));
        model.addAttribute("filtered", number != null || from.given() || to.given());
        model.addAttribute("version", version == null ? "" : version);
        model.addAttribute("fromDay", from.day());
        model.addAttribute("fromMonth", from.month());
        model.addAttribute("fromYear", from.year());
        model.addAttribute("toDay", to.day());
        model.addAttribute("toMonth", to.month());
        model.addAttribute("toYear", to.year());
        model.addAttribute("errors", errors);
        return "form/responses-table";
    }

    /** A day typed in GOV.UK's three boxes; all empty means no limit. */
    record DateFilter(String day, String month, String year, @Nullable LocalDate date, boolean invalid) {

        static DateFilter parse(@Nullable String day, @Nullable String month, @Nullable String year) {
            String d = day == null ? "" : day.strip();
            String m = month == null ? "" : month.strip();
            String y = year == null ? "" : year.strip();
            if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
                return new DateFilter(d, m, y, null, false);
            }
            try {
                int yy = Integer.parseInt(y);
                if (yy < 1900 || yy > 2200) {
                    return new DateFilter(d, m, y, null, true);
                }
                return new DateFilter(d, m, y, LocalDate.of(yy, Integer.parseInt(m), Integer.parseInt(d)), false);
            } catch (RuntimeException e) {
                return new DateFilter(d, m, y, null, true);
            }
        }

        boolean given() {
            return date != null;
        }
    }

    @GetMapping("/forms/{formId}/responses/{responseId}")
    String showResponse(Tenant tenant, @PathVariable UUID formId, @PathVariable UUID responseId, Model model) {
        return responsePage(tenant, formId, responseId, model, FormErrors.none());
    }

    private String responsePage(Tenant tenant, UUID formId, UUID responseId, Model model, FormErrors errors) {
        Response response = results.response(tenant, formId, responseId);
        model.addAttribute("form", forms.form(tenant, formId));
        model.addAttribute("response", response);
        model.addAttribute("questions", results.questionsOf(tenant, formId, response.versionNumber()));
        model.addAttribute("errors", errors);
        return "form/responses-response";
    }

    @PostMapping("/forms/{formId}/responses/{responseId}/exclude")
    String exclude(Tenant tenant, @PathVariable UUID formId, @PathVariable UUID responseId,
            @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        Response.Exclusion exclusion = switch (reason) {
            case "TEST" -> Response.Exclusion.TEST;
            case "DUPLICATE" -> Response.Exclusion.DUPLICATE;
            default -> null;
        };
        if (exclusion == null) {
            return responsePage(tenant, formId, responseId, model, FormErrors.single("reason", Ui.t("form.responses.exclude.reason.required")));
        }
        respondents.exclude(tenant, formId, responseId, exclusion);
        redirect.addFlashAttribute("notice", Ui.t("form.responses.excluded.notice"));
        return "redirect:/forms/" + formId + "/responses/" + responseId;
    }

    @PostMapping("/forms/{formId}/responses/{responseId}/include")
    String include(Tenant tenant, @PathVariable UUID formId, @PathVariable UUID responseId, RedirectAttributes redirect) {
        respondents.exclude(tenant, formId, responseId, null);
        redirect.addFlashAttribute("notice", Ui.t("form.responses.included.notice"));
        return "redirect:/forms/" + formId + "/responses/" + responseId;
    }

    /** Streamed to the response as the rows are read, so a form with a million responses needs no more memory than one with ten. */
    @GetMapping("/forms/{formId}/responses/export.csv")
    void exportCsv(Tenant tenant, @PathVariable UUID formId, HttpServletResponse response) throws IOException {
        Form form = forms.form(tenant, formId);
        downloading(response, new MediaType("text", "csv", StandardCharsets.UTF_8), fileName(form, "csv"));
        results.writeCsv(tenant, formId, response.getOutputStream());
    }

    @GetMapping("/forms/{formId}/responses/export.xlsx")
    void exportXlsx(Tenant tenant, @PathVariable UUID formId, HttpServletResponse response) throws IOException {
        Form form = forms.form(tenant, formId);
        downloading(response, XLSX, fileName(form, "xlsx"));
        results.writeXlsx(tenant, formId, response.getOutputStream());
    }

    @GetMapping("/forms/{formId}/analysis")
    String showAnalysis(Tenant tenant, @PathVariable UUID formId, Model model) {
        model.addAttribute("analysis", results.analysis(tenant, formId));
        return "form/responses-analysis";
    }

    /**
     * Every counted answer to one free-text or date question, newest first, 50 a page: the
     * analysis page shows only the latest few of each, so it stays the same size for any number
     * of responses.
     */
    @GetMapping("/forms/{formId}/analysis/{questionKey}/answers")
    String showTextAnswers(Tenant tenant, @PathVariable UUID formId, @PathVariable String questionKey,
            @RequestParam(required = false) @Nullable String page, Model model) {
        Form form = forms.form(tenant, formId);
        FormResults.TextPage shown = results.textAnswers(tenant, formId, questionKey, Pagination.requested(page), PER_PAGE);
        model.addAttribute("form", form);
        model.addAttribute("answers", shown);
        model.addAttribute("pagination", new Pagination(shown.page(), shown.pages(),
                form.path() + "/analysis/" + questionKey + "/answers", Map.of()));
        return "form/responses-text-answers";
    }

    static String fileName(Form form, String extension) {
        return FileNames.slug(form.title(), "form") + "-responses." + extension;
    }

    static void downloading(HttpServletResponse response, MediaType type, String name) {
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
