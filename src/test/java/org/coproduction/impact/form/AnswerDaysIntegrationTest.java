package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.OrganisationScope;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A review round's answer figures read from answers settled per day (issue 11, V0026) are exactly
 * the figures counted directly from every response of the period, as the summary counted them before:
 * before any settling, after a first settling, after the line moves forward, after a response
 * behind the line is left out and counted again, and with answers that came in after the last settling.
 * The hand-made data set spans nine days, with named members' responses paired across days.
 */
@IntegrationTest
class AnswerDaysIntegrationTest {

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
    AnswerFigures figures;

    @Autowired
    AnswerCounts answerCounts;

    @Autowired
    AnswerDays days;

    @Autowired
    FormRepository formRepository;

    @Autowired
    JdbcClient jdbc;

    TestData.Org org;

    Tenant facilitator;

    UUID formId;

    @BeforeEach
    void aFormWithNineDaysOfResponses() {
        org = data.organisationWithEveryRole("Days");
        TestData.Person person = org.person(Role.FACILITATOR);
        facilitator = new Tenant(new UserId(person.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Days " + TestData.suffix(), null, null, null, null,
                person.id(), false, List.of()));
        formId = forms.create(facilitator, project, "Days", null, false, null, List.of(
                FormResponsesIntegrationTest.question("fun", QuestionType.RATING, "Was it fun?", List.of("No", "A bit", "Yes")),
                FormResponsesIntegrationTest.question("what", QuestionType.MULTIPLE_CHOICE, "What did you do?", List.of("Art", "Cook", "Walk")),
                FormResponsesIntegrationTest.feeling("feel")));
        forms.setStatus(facilitator, formId, FormStatus.OPEN);
        // 216 responses, one every hour for nine days back; every fifth one is a named member's
        // (three members, so their before and now are paired across days); some leave a question out.
        List<UUID> members = List.of(org.person(Role.MEMBER).id(), org.person(Role.ADMIN).id(), person.id());
        jdbc.sql("""
                        insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source,
                                                   submitted_at, member_user_id)
                        select gen_random_uuid(), :org, :form, 1, 'days-' || gen_random_uuid() || '-' || g, jsonb_strip_nulls(jsonb_build_object(
                                   'fun', case when g % 7 = 0 then null else jsonb_build_array((g % 3 + 1)::text) end,
                                   'what', case when g % 4 = 0 then jsonb_build_array('1', '3') when g % 4 = 1 then jsonb_build_array('2') end,
                                   'feel.before', case when g % 6 = 0 then null else jsonb_build_array((g % 3 + 1)::text) end,
                                   'feel.after', case when g % 5 = 2 then null else jsonb_build_array(((g / 2) % 3 + 1)::text) end)),
                               'ONLINE', now() - g * interval '1 hour' + interval '30 minutes',
                               case when g % 5 = 0 then (cast(:members as uuid[]))[g % 3 + 1] end
                        from generate_series(1, 216) g
                        """)
                .param("org", org.id().value())
                .param("form", formId)
                .param("members", members.toArray(UUID[]::new))
                .update();
    }

    @Test
    void settledDaysGiveTheSameFiguresAsCountingEveryResponse() {
        sameAsDirect("nothing settled");

        // A first settling at a line five hours back, then the job moves it to an hour back, counting only the hours between.
        AnswerDays.Asked asked = AnswerDays.Asked.of(FormResults.mapped(formRepository.versionQuestions(org.id(), formId)));
        days.settle(org.id(), formId, asked, OffsetDateTime.now().minusHours(5));
        sameAsDirect("settled five hours back");
        answerCounts.current(org.id(), formId);
        assertThat(jdbc.sql("select count(*) from form_answer_day where form_id = :form").param("form", formId).query(Long.class).single())
                .as("days settled").isGreaterThan(50);
        OffsetDateTime line = jdbc.sql("select settled_before from form_answer_day_settled where form_id = :form").param("form", formId)
                .query(OffsetDateTime.class).single();
        assertThat(line).isAfter(OffsetDateTime.now().minusHours(2));
        sameAsDirect("settled an hour back");

        // Left out and counted again, a named and an unnamed response behind the line; and one after it.
        for (String which : List.of("member_user_id is not null and submitted_at < now() - interval '3 days'",
                "member_user_id is null and submitted_at < now() - interval '2 days'",
                "submitted_at > now() - interval '1 hour'")) {
            UUID id = jdbc.sql("select id from form_response where form_id = :form and " + which + " order by submitted_at desc limit 1")
                    .param("form", formId).query(UUID.class).single();
            respondents.exclude(facilitator, formId, id, Response.Exclusion.DUPLICATE);
            sameAsDirect("left out: " + which);
            respondents.exclude(facilitator, formId, id, Response.Exclusion.TEST); // still left out, for another reason
            sameAsDirect("left out again: " + which);
            respondents.exclude(facilitator, formId, id, null);
            sameAsDirect("counted again: " + which);
        }
        respondents.exclude(facilitator, formId, jdbc.sql("select id from form_response where form_id = :form order by submitted_at limit 1")
                .param("form", formId).query(UUID.class).single(), Response.Exclusion.TEST);
        sameAsDirect("the oldest left out");

        // Answers after the last settling, today, by an unnamed person and by a member.
        jdbc.sql("""
                        insert into form_response (id, organisation_id, form_id, version_number, submission_token, answers, source, submitted_at, member_user_id)
                        select gen_random_uuid(), :org, :form, 1, 'late-' || gen_random_uuid() || '-' || g,
                               jsonb_build_object('fun', jsonb_build_array('3'), 'what', jsonb_build_array('1', '2'),
                                                  'feel.before', jsonb_build_array('1'), 'feel.after', jsonb_build_array('3')),
                               'ONLINE', now() - g * interval '1 minute', case when g = 2 then :member end
                        from generate_series(1, 3) g
                        """)
                .param("org", org.id().value()).param("form", formId).param("member", facilitator.userId().value()).update();
        sameAsDirect("answers since the line");
        answerCounts.current(org.id(), formId);
        sameAsDirect("asked again, nothing to settle");
    }

    @Test
    void theBackgroundJobSettlesTheDaysOfAFormWhoseOtherCountsWereSettledBeforeTheDaysExisted() {
        answerCounts.current(org.id(), formId);
        // As a form settled before V0026 and quiet since: counts settled up to the last step, no days.
        jdbc.sql("delete from form_answer_day where form_id = :form").param("form", formId).update();
        jdbc.sql("delete from form_answer_day_settled where form_id = :form").param("form", formId).update();
        String days = "select count(*) from form_answer_day_settled where form_id = :form";
        assertThat(jdbc.sql(days).param("form", formId).query(Long.class).single()).isZero();

        // Strictly: the job names each form's organisation, or says why it reads across them (ScheduledJobsScopeIntegrationTest).
        assertThat(OrganisationScope.strictly(new AnswerCountsSettler(jdbc, answerCounts)::settleAll)).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql(days).param("form", formId).query(Long.class).single()).isEqualTo(1);
        sameAsDirect("days settled by the job");
    }

    private void sameAsDirect(String when) {
        LocalDate today = LocalDate.now(UK);
        List<LocalDate[]> periods = new ArrayList<>();
        periods.add(new LocalDate[] {null, today});
        for (int from = 0; from <= 10; from += 2) {
            for (int length = 0; length <= 4; length += 2) {
                periods.add(new LocalDate[] {today.minusDays(from + length), today.minusDays(from)});
            }
        }
        for (LocalDate[] p : periods) {
            for (String field : List.of("fun", "what", "feel", "feel.before", "feel.after")) {
                AnswerFigures.Counts settled = figures.counts(facilitator, formId, field, p[0], p[1]);
                assertThat(settled).as("%s: %s from %s to %s", when, field, p[0], p[1]).isEqualTo(directCounts(field, p[0], p[1]));
            }
            assertThat(figures.pairs(facilitator, formId, "feel", p[0], p[1])).as("%s: pairs from %s to %s", when, p[0], p[1])
                    .containsExactlyInAnyOrderElementsOf(directPairs("feel", p[0], p[1]));
        }
    }

    private static OffsetDateTime start(@Nullable LocalDate day) {
        return day == null ? OffsetDateTime.parse("2000-01-01T00:00:00Z") : day.atStartOfDay(UK).toOffsetDateTime();
    }

    /** The summary's counts as they were counted before V0026: every response of the period grouped. */
    private AnswerFigures.Counts directCounts(String field, @Nullable LocalDate from, LocalDate to) {
        Map<String, Integer> byValue = new LinkedHashMap<>();
        jdbc.sql("""
                        select v.value, count(*) as n
                        from form_response r cross join lateral jsonb_array_elements_text(r.answers -> :field) as v(value)
                        where r.organisation_id = :org and r.form_id = :form and r.excluded is null
                          and r.submitted_at >= :from and r.submitted_at < :to and jsonb_exists(r.answers, :field)
                        group by v.value
                        """)
                .param("org", org.id().value()).param("form", formId).param("field", field)
                .param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, i) -> byValue.put(rs.getString("value"), rs.getInt("n"))).list();
        int responses = jdbc.sql("""
                        select count(*) from form_response r
                        where r.organisation_id = :org and r.form_id = :form and r.excluded is null
                          and r.submitted_at >= :from and r.submitted_at < :to and jsonb_exists(r.answers, :field)
                        """)
                .param("org", org.id().value()).param("form", formId).param("field", field)
                .param("from", start(from)).param("to", start(to.plusDays(1)))
                .query(Integer.class).single();
        return new AnswerFigures.Counts(responses, byValue);
    }

    private List<AnswerFigures.PairCount> directPairs(String key, @Nullable LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        with r as (
                            select r.member_user_id as member, r.submitted_at,
                                   r.answers -> :before ->> 0 as b, r.answers -> :after ->> 0 as a
                            from form_response r
                            where r.organisation_id = :org and r.form_id = :form and r.excluded is null
                              and r.submitted_at >= :from and r.submitted_at < :to
                              and (jsonb_exists(r.answers, :before) or jsonb_exists(r.answers, :after))
                        ), named as (
                            select (array_agg(b order by submitted_at) filter (where b is not null))[1] as b,
                                   (array_agg(a order by submitted_at desc) filter (where a is not null))[1] as a
                            from r where member is not null group by member
                        ), everyone as (
                            select b, a from named
                            union all
                            select b, a from r where member is null
                        )
                        select b, a, count(*) as people from everyone group by b, a
                        """)
                .param("org", org.id().value()).param("form", formId)
                .param("before", key + ".before").param("after", key + ".after")
                .param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, i) -> new AnswerFigures.PairCount(rs.getString("b"), rs.getString("a"), rs.getInt("people")))
                .list();
    }
}
