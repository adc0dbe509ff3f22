package org.coproduction.impact.api.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.api.ApiScopes;
import org.coproduction.impact.api.web.Paging.Page;
import org.coproduction.impact.form.Analysis;
import org.coproduction.impact.form.Form;
import org.coproduction.impact.form.FormResults;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.shared.tenancy.ApiClient;
import org.coproduction.impact.shared.tenancy.ApiScope;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's forms, and what their answers add up to: the same counts as the form's analysis page
 * ({@link FormResults#analysis}), per question and per choice, never one person's answers. Left out
 * on purpose: free-text and date answers (each is one person's words), the smallest and largest
 * number given (each is one person's answer), each member's earlier and later answer, and the
 * "about you" questions (shown only with small numbers hidden, on the who-took-part pages).
 */
@RestController
class FormsApiController {

    private final FormService forms;
    private final FormResults results;

    FormsApiController(FormService forms, FormResults results) {
        this.forms = forms;
        this.results = results;
    }

    record QuestionJson(String key, String type, String text, @Nullable UUID outcomeId, @Nullable UUID planRowId) {}

    record FormJson(UUID id, @Nullable UUID projectId, String title, String status, @Nullable LocalDate closesOn, int currentVersion,
            OffsetDateTime updatedAt, List<QuestionJson> questions) {}

    @GetMapping(ApiController.V1 + "/projects/{projectId}/forms")
    @ApiScope(ApiScopes.FORMS)
    Page<FormJson> listForms(ApiClient client, @PathVariable UUID projectId, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        Paging.Request page = Paging.request(cursor, limit);
        List<FormJson> rows = forms.currentFormsById(client.asReader(), projectId, page.after(), page.fetch()).stream()
                .map(FormsApiController::form)
                .toList();
        return Paging.page(rows, FormJson::id, page, ApiController.V1 + "/projects/" + projectId + "/forms");
    }

    private static FormJson form(Form f) {
        return new FormJson(f.id(), f.projectId(), f.title(), f.status().name(), f.closesOn(), f.currentVersion(), f.updatedAt(),
                f.questions().stream().map(q -> new QuestionJson(q.key(), q.type().name(), q.text(), q.outcomeId(), q.planRowId())).toList());
    }

    record CountJson(String label, int count, int percent) {}

    record TallyJson(String field, String caption, int answered, List<CountJson> counts) {}

    record NumbersJson(int count, String mean, String median) {}

    record MovementJson(int up, int same, int down) {}

    record QuestionResultJson(String key, String type, String text, int answered, List<TallyJson> tallies, @Nullable NumbersJson numbers,
            @Nullable MovementJson movement) {}

    record ResultsJson(UUID formId, String title, int counted, int excluded, List<QuestionResultJson> questions) {}

    @GetMapping(ApiController.V1 + "/forms/{formId}/results")
    @ApiScope(ApiScopes.RESULTS)
    ResultsJson showResults(ApiClient client, @PathVariable UUID formId) {
        Analysis analysis = results.analysis(client.asReader(), formId);
        List<QuestionResultJson> questions = analysis.questions().stream()
                .filter(r -> counted(r.question()))
                .map(FormsApiController::result)
                .toList();
        return new ResultsJson(analysis.form().id(), analysis.form().title(), analysis.counted(), analysis.excluded(), questions);
    }

    private static boolean counted(Question q) {
        return switch (q.type()) {
            case SHORT_TEXT, LONG_TEXT, DATE, ABOUT_YOU -> false;
            default -> true;
        };
    }

    private static QuestionResultJson result(Analysis.QuestionResult r) {
        Question q = r.question();
        var numbers = r.numbers() == null ? null : new NumbersJson(r.numbers().count(), r.numbers().mean(), r.numbers().median());
        var movement = r.movement() == null ? null : new MovementJson(r.movement().up(), r.movement().same(), r.movement().down());
        return new QuestionResultJson(q.key(), q.type().name(), q.text(), r.answered(),
                r.tallies().stream().map(t -> new TallyJson(t.field(), t.caption(),  t.answered(),
                        t.counts().stream().map(c -> new CountJson(c.label(), c.count(), c.percent())).toList())).toList(),
                numbers, movement);
    }

}
