package org.coproduction.impact.form;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "about you" answers, kept apart from other answers because they are special-category
 * personal data (UK GDPR article 9): the one way in and out of {@code about_you_answer}. Every read
 * is written to the audit log in the same transaction, with who read, for which project, and how
 * many people's answers were counted. Nothing here returns one person's answers to anyone but that
 * person: the figures for a project or the organisation are counts, and the pages that show them
 * hide small numbers ({@code involvement.Suppression}).
 */
@Service
public class AboutYouAnswers {

    /** The audit log's action for every read of these answers. */
    public static final String READ = "ABOUT_YOU_READ";
    /** The audit log's action for a member changing their own profile answers. */
    public static final String SAVED = "ABOUT_YOU_SAVED";
    static final String ENTITY = "about_you_answer";

    /**
     * Counts of who took part: how many people told us at least one thing about themselves, and for
     * each part, how many gave each choice ("prefer not to say" included). A person is counted once:
     * a member's own profile and their named answers count as one person, their latest answer
     * standing; each anonymous response is one person.
     */
    public record WhoTookPart(int people, Map<AboutYou, Map<String, Integer>> counts) {

        public int count(AboutYou part, String choice) {
            return counts.getOrDefault(part, Map.of()).getOrDefault(choice, 0);
        }

        /** People who took part but did not give this part: skipped it or preferred not to say. */
        public int didNotSay(AboutYou part) {
            int said = part.groups().stream().mapToInt(c -> count(part, c)).sum();
            return people - said;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    AboutYouAnswers(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Moves the "about you" answers of a response just saved out of its answers and into their own
     * table, in the caller's transaction. Only called for versions that ask them.
     */
    void keepApart(OrganisationId org, UUID responseId, @Nullable UUID memberId, List<Question> questions, Answers answers) {
        List<String> moved = new ArrayList<>();
        for (Question q : questions) {
            if (q.type() != QuestionType.ABOUT_YOU) {
                continue;
            }
            for (AboutYou part : AboutYou.values()) {
                String field = q.key() + "." + part.slug();
                String value = answers.first(field);
                if (value.isEmpty()) {
                    continue;
                }
                jdbc.sql("""
                                insert into about_you_answer (organisation_id, form_response_id, user_id, part, value)
                                values (:org, :response, :member, :part, :value)
                                on conflict (form_response_id, part) do nothing
                                """)
                        .param("org", org.value())
                        .param("response", responseId)
                        .param("member", memberId)
                        .param("part", part.slug())
                        .param("value", value)
                        .update();
                moved.add(field);
            }
        }
        if (!moved.isEmpty()) {
            jdbc.sql("update form_response set answers = answers - cast(:fields as text[]) where organisation_id = :org and id = :id")
                    .param("fields", moved.toArray(String[]::new))
                    .param("org", org.value())
                    .param("id", responseId)
                    .update();
        }
    }

    /** The signed-in person's own profile answers, by part. The read is audited like any other. */
    @Transactional
    public Map<AboutYou, String> profile(Tenant tenant) {
        Map<AboutYou, String> answers = new EnumMap<>(AboutYou.class);
        jdbc.sql("""
                        select part, value from about_you_answer
                        where organisation_id = :org and user_id = :user and form_response_id is null
                        """)
                .param("org", tenant.organisationId().value())
                .param("user", tenant.userId().value())
                .query((rs, n) -> Map.entry(rs.getString("part"), rs.getString("value")))
                .list()
                .forEach(e -> AboutYou.fromSlug(e.getKey()).ifPresent(part -> answers.put(part, e.getValue())));
        audit.record(tenant.organisationId(), tenant.userId(), READ, ENTITY, tenant.userId().value(), "own profile");
        return answers;
    }

    /**
     * Replaces the signed-in person's profile answers with these: a part not given is removed (the
     * person took it back). Choices not offered are ignored.
     */
    @Transactional
    public void saveProfile(Tenant tenant, Map<AboutYou, String> answers) {
        jdbc.sql("delete from about_you_answer where organisation_id = :org and user_id = :user and form_response_id is null")
                .param("org", tenant.organisationId().value())
                .param("user", tenant.userId().value())
                .update();
        answers.forEach((part, value) -> {
            if (part.choices().contains(value)) {
                jdbc.sql("insert into about_you_answer (organisation_id, user_id, part, value) values (:org, :user, :part, :value)")
                        .param("org", tenant.organisationId().value())
                        .param("user", tenant.userId().value())
                        .param("part", part.slug())
                        .param("value", value)
                        .update();
            }
        });
        audit.record(tenant.organisationId(), tenant.userId(), SAVED, ENTITY, tenant.userId().value(), null);
    }

    /**
     * Who took part in a project (its forms' answers and its members' profiles), or across the
     * organisation when {@code projectId} is null. For ADMINs and FACILITATORs only; audited.
     * The caller has checked that the project is the tenant's.
     */
    @Transactional
    public WhoTookPart whoTookPart(Tenant tenant, @Nullable UUID projectId) {
        if (!tenant.is(Role.ADMIN, Role.FACILITATOR)) {
            throw new AccessDeniedException("who took part is for ADMINs and FACILITATORs");
        }
        String given = """
                with given as (
                    select coalesce(a.user_id::text, a.form_response_id::text) as person, a.part, a.value, a.given_at
                    from about_you_answer a
                    left join form_response r on r.id = a.form_response_id and r.organisation_id = a.organisation_id
                    left join form f on f.id = r.form_id and f.organisation_id = a.organisation_id
                    where a.organisation_id = :org
                      and (a.form_response_id is null or (r.id is not null and r.excluded is null and f.archived_at is null))
                      and (cast(:project as uuid) is null
                           or f.project_id = cast(:project as uuid)
                           or (a.form_response_id is null and exists (
                                   select 1 from project_member m
                                   where m.organisation_id = :org and m.project_id = cast(:project as uuid) and m.user_id = a.user_id)))
                )
                """;
        int people = jdbc.sql(given + "select count(distinct person) from given")
                .param("org", tenant.organisationId().value())
                .param("project", projectId)
                .query(Integer.class)
                .single();
        Map<AboutYou, Map<String, Integer>> counts = new EnumMap<>(AboutYou.class);
        jdbc.sql(given + """
                        , latest as (
                            select distinct on (person, part) person, part, value
                            from given
                            order by person, part, given_at desc
                        )
                        select part, value, count(*) as people from latest group by part, value
                        """)
                .param("org", tenant.organisationId().value())
                .param("project", projectId)
                .query((rs, n) -> new Object[] {rs.getString("part"), rs.getString("value"), rs.getInt("people")})
                .list()
                .forEach(row -> AboutYou.fromSlug((String) row[0])
                        .filter(part -> part.choices().contains((String) row[1]))
                        .ifPresent(part -> counts.computeIfAbsent(part, p -> new LinkedHashMap<>()).put((String) row[1], (Integer) row[2])));
        audit.record(tenant.organisationId(), tenant.userId(), READ, ENTITY, projectId,
                (projectId == null ? "who took part, whole organisation: " : "who took part, one project: ") + people + " people counted");
        return new WhoTookPart(people, counts);
    }
}
