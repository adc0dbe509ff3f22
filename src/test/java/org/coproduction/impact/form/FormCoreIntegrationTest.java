package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Versions, one-time submission tokens and checks on answers, through the services. */
@IntegrationTest
class FormCoreIntegrationTest {

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    @Autowired
    JdbcClient jdbc;

    static Question rating(String key, String text) {
        return new Question(key, QuestionType.RATING, text, null, null, null, true, List.of("Poor", "Fair", "Good", "Excellent"),
                ScaleStyle.WORDS, null, null, null, null);
    }

    static Question feeling(String key) {
        return new Question(key, QuestionType.BEFORE_AFTER, "How did you feel before the activity?", null, null, "face-happy", true,
                List.of("Sad", "OK", "Happy"), ScaleStyle.FACES, "How do you feel now?", null, null, null);
    }

    static Question text(String key, String text) {
        return new Question(key, QuestionType.LONG_TEXT, text, null, null, null, false, List.of(), ScaleStyle.WORDS, null, null, null,
                null);
    }

    private Tenant facilitator() {
        TestData.Org org = data.organisationWithEveryRole("Forms");
        TestData.Person f = org.person(Role.FACILITATOR);
        return new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
    }

    private UUID openForm(Tenant t, List<Question> questions) {
        UUID project = projects.create(t, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                t.userId().value(), false, List.of()));
        UUID id = forms.create(t, project, "After the session", null, false, null, questions);
        forms.setStatus(t, id, FormStatus.OPEN);
        return id;
    }

    private PublicForm publicForm(Tenant t, UUID formId) {
        return respondents.locate(forms.form(t, formId).token()).orElseThrow();
    }

    private String answered(PublicForm form, Map<String, List<String>> values) {
        Draft draft = respondents.start(form, Source.ONLINE, null);
        assertThat(respondents.savePage(form, draft, respondents.questions(form, draft), values)).isEmpty();
        return draft.token();
    }

    @Test
    void changingAFormWithAnswersMakesANewVersionAndTheAnswersKeepTheirs() {
        Tenant t = facilitator();
        UUID formId = openForm(t, List.of(rating("fun", "Was it fun?"), text("change", "What would you change?")));
        Form before = forms.form(t, formId);

        // No answers yet: a change is made in place.
        FormEdit first = forms.saveQuestions(t, formId, before.version(), List.of(rating("fun", "Was the session fun?"),
                text("change", "What would you change?")));
        assertThat(first).isEqualTo(new FormEdit.Saved(1, false));

        PublicForm pf = publicForm(t, formId);
        assertThat(respondents.submit(pf, answered(pf, Map.of("fun", List.of("3"), "change", List.of("More tea"))))).isInstanceOf(
                SubmitResult.Saved.class);

        // Now answered: the wording of one question changes, the other stays the same.
        Form answered = forms.form(t, formId);
        FormEdit second = forms.saveQuestions(t, formId, answered.version(), List.of(rating("fun", "Did you enjoy the session?"),
                text("change", "What would you change?")));
        assertThat(second).isEqualTo(new FormEdit.Saved(2, true));

        List<FormVersion> versions = forms.versions(t, formId);
        assertThat(versions).extracting(FormVersion::number).containsExactly(2, 1);
        assertThat(versions.get(1).questions().getFirst().text()).isEqualTo("Was the session fun?");
        assertThat(versions.get(1).responses()).isEqualTo(1);
        // The unchanged question keeps its key, so answers from both versions are read together; the changed one does not.
        List<Question> now = versions.get(0).questions();
        assertThat(now.get(1).key()).isEqualTo("change");
        assertThat(now.get(0).key()).isNotEqualTo("fun");

        Response kept = respondents.responses(t, formId, null, null, null).getFirst();
        assertThat(kept.versionNumber()).isEqualTo(1);
        assertThat(kept.answers().first("fun")).isEqualTo("3");

        // A stale save changes nothing.
        assertThat(forms.saveQuestions(t, formId, answered.version(), List.of())).isInstanceOf(FormEdit.Stale.class);
        assertThat(forms.form(t, formId).questions()).hasSize(2);
    }

    @Test
    void theSameSubmissionPostedTwiceAtOnceSavesOneResponse() throws Exception {
        Tenant t = facilitator();
        UUID formId = openForm(t, List.of(feeling("feel")));
        PublicForm pf = publicForm(t, formId);
        String token = answered(pf, Map.of("feel.before", List.of("1"), "feel.after", List.of("3")));

        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SubmitResult>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Callable<SubmitResult> submit = () -> {
                go.await();
                // As the answering page does: within the organisation its link belongs to.
                return OrganisationScope.within(t.organisationId(), () -> respondents.submit(pf, token));
            };
            results.add(pool.submit(submit));
        }
        go.countDown();
        List<SubmitResult> outcomes = new ArrayList<>();
        for (Future<SubmitResult> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).allSatisfy(r -> assertThat(r).isInstanceOf(SubmitResult.Saved.class));
        assertThat(outcomes.stream().map(r -> ((SubmitResult.Saved) r).responseId()).distinct()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from form_response where form_id = :f").param("f", formId).query(Integer.class).single())
                .isEqualTo(1);
        // And again later, as after the back button: still one.
        assertThat(respondents.submit(pf, token)).isInstanceOf(SubmitResult.Saved.class);
        assertThat(respondents.responses(t, formId, null, null, null)).hasSize(1);
    }

    @Test
    void badAnswersUnknownQuestionsAndClosedFormsStoreNothing() {
        Tenant t = facilitator();
        UUID formId = openForm(t, List.of(feeling("feel"), rating("fun", "Was it fun?")));
        PublicForm pf = publicForm(t, formId);
        Draft draft = respondents.start(pf, Source.ONLINE, null);

        assertThat(respondents.savePage(pf, draft, pf.form().questions(), Map.of("feel.before", List.of("9"), "fun", List.of("2"))))
                .containsEntry("feel.before", "form.answer.choose-from-list")
                .containsEntry("feel.after", "form.answer.required.after");
        assertThat(respondents.savePage(pf, draft, pf.form().questions(), Map.of("sneaky", List.of("1"))))
                .containsKey("form");
        assertThat(respondents.draft(pf, draft.token()).orElseThrow().answers().values()).isEmpty();

        // Submitting a draft with missing answers saves nothing.
        assertThat(respondents.submit(pf, draft.token())).isInstanceOf(SubmitResult.Invalid.class);
        // ...and keeps the half-done form, so the person can put it right.
        assertThat(respondents.draft(pf, draft.token())).isPresent();

        String good = answered(pf, Map.of("feel.before", List.of("1"), "feel.after", List.of("2"), "fun", List.of("4")));
        forms.setStatus(t, formId, FormStatus.CLOSED);
        // Each request locates the form afresh, and so sees it closed.
        assertThat(respondents.submit(publicForm(t, formId), good)).isInstanceOf(SubmitResult.Closed.class);
        assertThat(respondents.submit(pf, "not-a-token")).isInstanceOf(SubmitResult.NoDraft.class);
        assertThat(respondents.responses(t, formId, null, null, null)).isEmpty();
        assertThat(respondents.locate("abcdefghjkmnpqrs")).isEmpty();
    }
}
