package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Form answers per month for the organisation overview (issue 11): months behind a form's settled
 * line are kept in form_response_month (V0025) and moved forward with the settled counts; the rest
 * are counted on the index. Leaving a settled response out, or counting it again, corrects its month.
 */
@IntegrationTest
class FormActivityIntegrationTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    @Autowired
    FormActivity activity;

    @Autowired
    AnswerCounts answerCounts;

    @Autowired
    JdbcClient jdbc;

    TestData.Org org;

    Tenant facilitator;

    UUID project;

    UUID formId;

    @BeforeEach
    void aFormWithAnswersOverThreeMonths() {
        org = data.organisationWithEveryRole("Months");
        TestData.Person f = org.person(Role.FACILITATOR);
        facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        project = projects.create(facilitator, new ProjectService.ProjectDetails("Monthly " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of()));
        formId = forms.create(facilitator, project, "Feedback", null, false, null,
                List.of(FormResponsesIntegrationTest.question("welcome", QuestionType.RATING, "How welcome?", List.of("No", "A bit", "Yes"))));
        forms.setStatus(facilitator, formId, FormStatus.OPEN);
    }

    /** {@code n} responses on the tenth of the month {@code monthsAgo} before this one, at noon UK time. */
    private void backDated(int n, int monthsAgo) {
        jdbc.sql("""
                        insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source, submitted_at)
                        select gen_random_uuid(), :org, :form, 1, 'month-' || :tag || '-' || g, '{"welcome": ["2"]}'::jsonb, 'ONLINE',
                               (date_trunc('month', now() at time zone 'Europe/London') - :ago * interval '1 month' + interval '9 days 12 hours')
                                   at time zone 'Europe/London'
                        from generate_series(1, :n) g
                        """)
                .param("org", org.id().value())
                .param("form", formId)
                .param("tag", UUID.randomUUID().toString())
                .param("ago", monthsAgo)
                .param("n", n)
                .update();
    }

    private void answerNow() {
        PublicForm pf = respondents.locate(forms.form(facilitator, formId).token()).orElseThrow();
        Draft draft = respondents.start(pf, Source.ONLINE, null);
        respondents.savePage(pf, draft, respondents.questions(pf, draft), Map.of("welcome", List.of("3")));
        respondents.submit(pf, draft.token());
    }

    private Map<YearMonth, Long> perMonth(Tenant tenant) {
        YearMonth now = YearMonth.now(UK);
        return activity.responsesPerMonth(tenant, now.minusMonths(3), now).stream()
                .filter(m -> project.equals(m.projectId()))
                .collect(java.util.stream.Collectors.toMap(FormActivity.ProjectMonth::month, FormActivity.ProjectMonth::responses));
    }

    private long settledMonth(YearMonth month) {
        return jdbc.sql("select coalesce(sum(responses), 0) from form_response_month where form_id = :form and month = :month")
                .param("form", formId).param("month", month.atDay(1)).query(Long.class).single();
    }

    @Test
    void answersAreCountedPerMonthFromTheSettledMonthsAndTheLastHour() {
        YearMonth now = YearMonth.now(UK);
        backDated(5, 3);
        backDated(4, 1);
        answerNow();
        answerNow();

        // Never settled: everything is counted on the index.
        assertThat(perMonth(facilitator)).containsExactlyInAnyOrderEntriesOf(Map.of(now.minusMonths(3), 5L, now.minusMonths(1), 4L, now, 2L));

        new AnswerCountsSettler(jdbc, answerCounts).settleAll();
        assertThat(settledMonth(now.minusMonths(3))).isEqualTo(5);
        assertThat(settledMonth(now.minusMonths(1))).isEqualTo(4);
        assertThat(settledMonth(now)).as("the last hour is not settled").isZero();
        assertThat(perMonth(facilitator)).as("the same figures, settled")
                .containsExactlyInAnyOrderEntriesOf(Map.of(now.minusMonths(3), 5L, now.minusMonths(1), 4L, now, 2L));

        // Leaving out a settled response corrects its month at once; counting it again restores it.
        UUID old = jdbc.sql("select id from form_response where form_id = :form order by submitted_at limit 1").param("form", formId)
                .query(UUID.class).single();
        respondents.exclude(facilitator, formId, old, Response.Exclusion.TEST);
        assertThat(settledMonth(now.minusMonths(3))).isEqualTo(4);
        assertThat(perMonth(facilitator).get(now.minusMonths(3))).isEqualTo(4);
        respondents.exclude(facilitator, formId, old, null);
        assertThat(perMonth(facilitator).get(now.minusMonths(3))).isEqualTo(5);

        // A period that leaves out the oldest month does not count it.
        assertThat(activity.responsesPerMonth(facilitator, now.minusMonths(1), now)).extracting(FormActivity.ProjectMonth::month)
                .doesNotContain(now.minusMonths(3));
    }

    @Test
    void anotherOrganisationSeesNoneAndMembersAreRefused() {
        backDated(3, 1);
        TestData.Org other = data.organisationWithEveryRole("Other months");
        TestData.Person b = other.person(Role.ADMIN);
        Tenant otherAdmin = new Tenant(new UserId(b.id()), other.id(), other.name(), Role.ADMIN);
        YearMonth now = YearMonth.now(UK);
        assertThat(activity.responsesPerMonth(otherAdmin, now.minusMonths(3), now)).isEmpty();

        TestData.Person m = org.person(Role.MEMBER);
        Tenant member = new Tenant(new UserId(m.id()), org.id(), org.name(), Role.MEMBER);
        assertThatThrownBy(() -> activity.responsesPerMonth(member, now.minusMonths(3), now)).isInstanceOf(NotFoundException.class);
    }
}
