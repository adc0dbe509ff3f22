package org.coproduction.impact.form.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormResults;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormTokens;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.SubmitResult;
import org.coproduction.impact.organisation.OrganisationService;
import org.coproduction.impact.organisation.Person;
import org.coproduction.impact.shared.document.AccessiblePdf;
import org.coproduction.impact.shared.tenancy.RequiresRole;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.web.FormErrors;
import org.coproduction.impact.shared.web.Option;
import org.coproduction.impact.shared.web.Ui;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Paper copies of a form: a printable PDF (standard or easy read, the form's paper code on every
 * page), and a fast page to type in what came back on paper. Each entry page carries a one-time
 * submission token, so sending it twice saves one response.
 */
@Controller
@RequiresRole({Role.ADMIN, Role.FACILITATOR})
class ResponsesPaperController {

    private final FormService forms;
    private final FormResults results;
    private final RespondentService respondents;
    private final OrganisationService organisations;
    private final AccessiblePdf pdf;
    private final SubmissionMetrics metrics;

    ResponsesPaperController(FormService forms, FormResults results, RespondentService respondents, OrganisationService organisations,
            AccessiblePdf pdf, SubmissionMetrics metrics) {
        this.metrics = metrics;
        this.forms = forms;
        this.results = results;
        this.respondents = respondents;
        this.organisations = organisations;
        this.pdf = pdf;
    }

    @GetMapping("/forms/{formId}/paper")
    String showPaper(Tenant tenant, @PathVariable UUID formId, Model model) {
        model.addAttribute("form", forms.form(tenant, formId));
        model.addAttribute("entered", results.enteredFromPaper(tenant, formId));
        return "form/responses-paper";
    }

    @GetMapping("/forms/{formId}/paper/form.pdf")
    ResponseEntity<byte[]> printStandard(Tenant tenant, @PathVariable UUID formId) {
        return print(tenant, formId, false);
    }

    @GetMapping("/forms/{formId}/paper/easy-read.pdf")
    ResponseEntity<byte[]> printEasyRead(Tenant tenant, @PathVariable UUID formId) {
        return print(tenant, formId, true);
    }

    private ResponseEntity<byte[]> print(Tenant tenant, UUID formId, boolean easyRead) {
        Form form = forms.form(tenant, formId);
        byte[] file = pdf.pdf("form/responses-paper-print.jte", Map.of("printed", form, "easyRead", easyRead, "organisation", tenant.organisationName()));
        String name = ResponsesController.fileName(form, "pdf").replace("-responses.pdf", easyRead ? "-easy-read.pdf" : "-paper.pdf");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
    }

    @GetMapping("/forms/{formId}/paper/enter")
    String showEntry(Tenant tenant, @PathVariable UUID formId, Model model) {
        return entryPage(tenant, forms.form(tenant, formId), FormTokens.secret(), Map.of(), "", model, FormErrors.none());
    }

    @PostMapping("/forms/{formId}/paper/enter")
    String enter(Tenant tenant, @PathVariable UUID formId, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        Form form = forms.form(tenant, formId);
        String token = first(params, "submission");
        String member = first(params, "member");
        Map<String, List<String>> values = values(form.questions(), params);
        UUID memberId = null;
        if (form.namedAnswers() && !member.isEmpty()) {
            memberId = members(tenant).stream()
                    .filter(p -> p.userId().toString().equals(member))
                    .map(Person::userId)
                    .findFirst()
                    .orElse(null);
            if (memberId == null) {
                return entryPage(tenant, form, token, values, "", model, FormErrors.single("member", Ui.t("form.paper.enter.member.invalid")));
            }
        }
        SubmitResult result = respondents.enterFromPaper(tenant, formId, token, values, memberId);
        switch (result) {
            case SubmitResult.Saved saved -> {
                metrics.paper(saved);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/forms/" + formId + "/paper/enter";
            }
            case SubmitResult.Invalid invalid -> {
                String empty = invalid.problems().get(RespondentService.EMPTY_PAPER);
                if (empty != null) {
                    return entryPage(tenant, form, token, values, member, model, FormErrors.single(RespondentService.EMPTY_PAPER, Ui.t(empty)));
                }
                FormErrors errors = FormErrors.none();
                // In the order of the page, each next to its question.
                for (Question q : form.questions()) {
                    for (String field : q.fields()) {
                        String problem = invalid.problems().get(field);
                        if (problem != null) {
                            errors = errors.plus(field, FormResults.fieldLabel(q, field) + ": " + Ui.t(problem));
                        }
                    }
                }
                return entryPage(tenant, form, token, values, member, model, errors);
            }
            case SubmitResult.UnknownQuestions unknown -> {
                // The form changed since the page was shown: show the new questions with a fresh token.
                return entryPage(tenant, form, FormTokens.secret(), Map.of(), member, model,
                        FormErrors.single("questions", Ui.t("form.paper.enter.changed")));
            }
            default -> {
                return entryPage(tenant, form, FormTokens.secret(), values, member, model,
                        FormErrors.single("questions", Ui.t("form.paper.enter.expired")));
            }
        }
    }

    private String entryPage(Tenant tenant, Form form, String token, Map<String, List<String>> values, String member, Model model,
            FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("token", token);
        model.addAttribute("values", values);
        model.addAttribute("member", member);
        model.addAttribute("members", form.namedAnswers() ? memberOptions(tenant) : List.of());
        model.addAttribute("entered", results.enteredFromPaper(tenant, form.id()));
        model.addAttribute("errors", errors);
        return "form/responses-paper-enter";
    }

    private List<Person> members(Tenant tenant) {
        return organisations.people(tenant);
    }

    private List<Option> memberOptions(Tenant tenant) {
        List<Option> options = new ArrayList<>();
        options.add(Option.of("", Ui.t("form.paper.enter.member.none")));
        members(tenant).forEach(p -> options.add(Option.of(p.userId().toString(), p.displayName())));
        return options;
    }

    /**
     * The answers typed in, by field: each question's fields as sent (radios, checkboxes, boxes);
     * a date from its three boxes, as the ISO date the answers keep (a part-filled date is passed
     * on as typed, so the check on answers says what is wrong).
     */
    static Map<String, List<String>> values(List<Question> questions, MultiValueMap<String, String> params) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Question q : questions) {
            if (q.type() == QuestionType.DATE) {
                String day = first(params, q.key() + "Day");
                String month = first(params, q.key() + "Month");
                String year = first(params, q.key() + "Year");
                if (!(day.isEmpty() && month.isEmpty() && year.isEmpty())) {
                    values.put(q.key(), List.of(isoDate(day, month, year)));
                }
                continue;
            }
            for (String field : q.fields()) {
                List<String> given = params.get(field);
                if (given != null) {
                    values.put(field, given.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
                }
            }
        }
        return values;
    }

    private static String isoDate(String day, String month, String year) {
        try {
            return java.time.LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString();
        } catch (RuntimeException e) {
            return day + "/" + month + "/" + year;
        }
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        @Nullable String value = params.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
