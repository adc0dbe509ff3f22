package org.coproduction.impact.form;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Forms and their versions. Every query names the organisation, except finding a form by its public token. */
@Repository
class FormRepository {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    FormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select f.id, f.organisation_id, f.project_id, f.title, f.intro, f.token, f.paper_code, f.status, f.closes_on, f.named_answers,
                   f.kiosk_pin_hash is not null as kiosk_pin_set, f.current_version, v.questions::text as questions, f.version,
                   f.template_key, f.updated_at, f.archived_at is not null as archived, f.answers_use, f.title_cy, f.intro_cy
            from form f
            join form_version v on v.form_id = f.id and v.number = f.current_version
            """;

    private record Row(UUID id, UUID organisationId, @Nullable UUID projectId, String title, @Nullable String intro, String token,
            String paperCode, FormStatus status, @Nullable LocalDate closesOn, boolean namedAnswers, boolean kioskPinSet,
            int currentVersion, String questions, int version, @Nullable String templateKey, OffsetDateTime updatedAt,
            boolean archived, ConsentUse answersUse, @Nullable String titleCy, @Nullable String introCy) {

        Form form() {
            return new Form(id, projectId, title, intro, token, paperCode, status, closesOn, namedAnswers, kioskPinSet, currentVersion,
                    FormRepository.questions(questions), version, templateKey, updatedAt, archived, answersUse, titleCy, introCy);
        }
    }

    /**
     * Questions read from their JSON. Every answering request reads its form's questions, so the
     * parsed lists are kept by their exact JSON text (no stale entry is possible: changed questions
     * are different text). Questions are immutable records. The cache is emptied when it grows past
     * {@link #PARSED_KEPT} different texts, which only a very busy service with many forms reaches.
     */
    static List<Question> questions(String json) {
        List<Question> parsed = PARSED.get(json);
        if (parsed == null) {
            parsed = List.copyOf(JSON.readValue(json, QUESTIONS));
            if (PARSED.size() >= PARSED_KEPT) {
                PARSED.clear();
            }
            PARSED.put(json, parsed);
        }
        return parsed;
    }

    private static final int PARSED_KEPT = 1_000;
    private static final java.util.concurrent.ConcurrentMap<String, List<Question>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    static String json(List<Question> questions) {
        return JSON.writeValueAsString(questions);
    }

    /** A form with the organisation it belongs to, found by its public token. */
    record Located(OrganisationId organisation, Form form) {}

    Optional<Located> byToken(String token) {
        return jdbc.sql(SELECT + " where f.token = :token")
                .param("token", token)
                .query(Row.class)
                .optional()
                .map(r -> new Located(new OrganisationId(r.organisationId()), r.form()));
    }

    /**
     * {@link #byToken} with the stamp of the two rows it was read from (their {@code xmin}, which
     * every change to a row replaces), so a send can check in its own statement that the form is still
     * exactly as read ({@link ResponseRepository#sendDraft}).
     */
    Optional<Stamped> byTokenStamped(String token) {
        return jdbc.sql(SELECT.replace("select f.id,", "select f.xmin::text || '/' || v.xmin::text as stamp, f.id,") + " where f.token = :token")
                .param("token", token)
                .query((rs, n) -> new Stamped(new PublicForm(new OrganisationId(rs.getObject("organisation_id", UUID.class)), ROW.mapRow(rs, n).form()),
                        rs.getString("stamp")))
                .optional();
    }

    /** A form found by its link, with the stamp of the rows it was read from. */
    record Stamped(PublicForm form, String stamp) {}

    private static final org.springframework.jdbc.core.DataClassRowMapper<Row> ROW = new org.springframework.jdbc.core.DataClassRowMapper<>(Row.class);

    /** The organisation a public token's form belongs to, archived or not. */
    Optional<OrganisationId> organisationOfToken(String token) {
        return jdbc.sql("select organisation_id from form where token = :token")
                .param("token", token)
                .query(UUID.class)
                .optional()
                .map(OrganisationId::new);
    }

    Optional<Form> find(OrganisationId org, UUID formId) {
        return jdbc.sql(SELECT + " where f.organisation_id = :org and f.id = :id")
                .param("org", org.value())
                .param("id", formId)
                .query(Row.class)
                .optional()
                .map(Row::form);
    }

    /** Forms of a project (or, with null, of the whole organisation), newest first. */
    List<Form> list(OrganisationId org, @Nullable UUID projectId) {
        return jdbc.sql(SELECT + """
                         where f.organisation_id = :org
                           and (f.project_id = :project or (cast(:project as uuid) is null and f.project_id is null))
                         order by f.archived_at nulls first, f.created_at desc, f.id
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .query(Row.class)
                .list()
                .stream()
                .map(Row::form)
                .toList();
    }

    /**
     * A project's forms that are not archived, in the order of their id, after {@code after}
     * (absent: from the first), at most {@code limit} (the API's keyset paging, in the statement).
     */
    List<Form> currentById(OrganisationId org, UUID projectId, @Nullable UUID after, int limit) {
        var spec = jdbc.sql(SELECT + """
                         where f.organisation_id = :org and f.project_id = :project and f.archived_at is null
                        """ + (after == null ? "" : " and f.id > :after") + " order by f.id limit :limit")
                .param("org", org.value())
                .param("project", projectId)
                .param("limit", limit);
        if (after != null) {
            spec = spec.param("after", after);
        }
        return spec.query(Row.class).list().stream().map(Row::form).toList();
    }

    /** Every current form of the organisation's projects (for the plan's "collected by" column). */
    List<Form> forProject(OrganisationId org, UUID projectId) {
        return list(org, projectId).stream().filter(f -> !f.archived()).toList();
    }

    /** The current forms of several projects, read together. */
    List<Form> forProjects(OrganisationId org, Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                         where f.organisation_id = :org and f.project_id in (:projects) and f.archived_at is null
                         order by f.created_at desc, f.id
                        """)
                .param("org", org.value())
                .param("projects", List.copyOf(projectIds))
                .query(Row.class)
                .list()
                .stream()
                .map(Row::form)
                .toList();
    }

    UUID create(OrganisationId org, @Nullable UUID projectId, String title, @Nullable String intro, boolean namedAnswers,
            @Nullable String templateKey, List<Question> questions, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into form (id, organisation_id, project_id, title, intro, token, paper_code, named_answers, template_key,
                                          created_by, updated_by)
                        values (:id, :org, :project, :title, :intro, :token, :code, :named, :template, :by, :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("title", title)
                .param("intro", intro)
                .param("token", FormTokens.linkToken())
                .param("code", FormTokens.paperCode())
                .param("named", namedAnswers)
                .param("template", templateKey)
                .param("by", by.value())
                .update();
        insertVersion(org, id, 1, questions, by);
        return id;
    }

    void insertVersion(OrganisationId org, UUID formId, int number, List<Question> questions, UserId by) {
        jdbc.sql("""
                        insert into form_version (organisation_id, form_id, number, questions, created_by)
                        values (:org, :form, :number, cast(:questions as jsonb), :by)
                        """)
                .param("org", org.value())
                .param("form", formId)
                .param("number", number)
                .param("questions", json(questions))
                .param("by", by.value())
                .update();
    }

    /** Claims the next version of the form; false if someone saved first. Locks the form's row. */
    boolean claim(OrganisationId org, UUID formId, int seenVersion, UserId by) {
        return jdbc.sql("""
                        update form set version = version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and id = :id and version = :version and archived_at is null
                        """)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("id", formId)
                        .param("version", seenVersion)
                        .update()
                == 1;
    }

    int responsesOn(OrganisationId org, UUID formId, int versionNumber) {
        return jdbc.sql("select count(*) from form_response where organisation_id = :org and form_id = :form and version_number = :number")
                .param("org", org.value())
                .param("form", formId)
                .param("number", versionNumber)
                .query(Integer.class)
                .single();
    }

    void replaceQuestions(OrganisationId org, UUID formId, int number, List<Question> questions) {
        jdbc.sql("""
                        update form_version set questions = cast(:questions as jsonb)
                        where organisation_id = :org and form_id = :form and number = :number
                        """)
                .param("questions", json(questions))
                .param("org", org.value())
                .param("form", formId)
                .param("number", number)
                .update();
    }

    void setCurrentVersion(OrganisationId org, UUID formId, int number) {
        jdbc.sql("update form set current_version = :number where organisation_id = :org and id = :id")
                .param("number", number)
                .param("org", org.value())
                .param("id", formId)
                .update();
    }

    void updateSettings(OrganisationId org, UUID formId, String title, @Nullable String intro, boolean namedAnswers,
            @Nullable LocalDate closesOn, ConsentUse answersUse) {
        jdbc.sql("""
                        update form set title = :title, intro = :intro, named_answers = :named, closes_on = :closes, answers_use = :use
                        where organisation_id = :org and id = :id
                        """)
                .param("use", answersUse.name())
                .param("title", title)
                .param("intro", intro)
                .param("named", namedAnswers)
                .param("closes", closesOn)
                .param("org", org.value())
                .param("id", formId)
                .update();
    }

    void updateWelsh(OrganisationId org, UUID formId, @Nullable String titleCy, @Nullable String introCy) {
        jdbc.sql("update form set title_cy = :title, intro_cy = :intro where organisation_id = :org and id = :id")
                .param("title", titleCy)
                .param("intro", introCy)
                .param("org", org.value())
                .param("id", formId)
                .update();
    }

    void setStatus(OrganisationId org, UUID formId, FormStatus status) {
        jdbc.sql("update form set status = :status where organisation_id = :org and id = :id")
                .param("status", status.name())
                .param("org", org.value())
                .param("id", formId)
                .update();
    }

    void setKioskPin(OrganisationId org, UUID formId, @Nullable String pinHash) {
        jdbc.sql("update form set kiosk_pin_hash = :hash where organisation_id = :org and id = :id")
                .param("hash", pinHash)
                .param("org", org.value())
                .param("id", formId)
                .update();
    }

    Optional<String> kioskPinHash(OrganisationId org, UUID formId) {
        return jdbc.sql("select kiosk_pin_hash from form where organisation_id = :org and id = :id and kiosk_pin_hash is not null")
                .param("org", org.value())
                .param("id", formId)
                .query(String.class)
                .optional();
    }

    void setArchived(OrganisationId org, UUID formId, boolean archived, UserId by) {
        jdbc.sql("""
                        update form set archived_at = case when :archived then now() end, version = version + 1, updated_at = now(),
                               updated_by = :by
                        where organisation_id = :org and id = :id
                        """)
                .param("archived", archived)
                .param("by", by.value())
                .param("org", org.value())
                .param("id", formId)
                .update();
    }

    /** The questions of one version of the form. */
    Optional<List<Question>> questionsOf(OrganisationId org, UUID formId, int number) {
        return jdbc.sql("select questions::text from form_version where organisation_id = :org and form_id = :form and number = :number")
                .param("org", org.value())
                .param("form", formId)
                .param("number", number)
                .query(String.class)
                .optional()
                .map(FormRepository::questions);
    }

    private record QuestionsRow(int number, String questions, OffsetDateTime createdAt, @Nullable String createdByName) {}

    /**
     * Every version of the form, newest first, without counting the responses on each (their
     * {@code responses} is 0): for reading questions across versions, which must not cost a count
     * of a form's every response on each request.
     */
    List<FormVersion> versionQuestions(OrganisationId org, UUID formId) {
        return jdbc.sql("""
                        select v.number, v.questions::text as questions, v.created_at, u.display_name as created_by_name
                        from form_version v
                        left join user_account u on u.id = v.created_by
                        where v.organisation_id = :org and v.form_id = :form
                        order by v.number desc
                        """)
                .param("org", org.value())
                .param("form", formId)
                .query(QuestionsRow.class)
                .list()
                .stream()
                .map(r -> new FormVersion(r.number(), questions(r.questions()), r.createdAt(), r.createdByName(), 0))
                .toList();
    }

    private record FormQuestionsRow(UUID formId, int number, String questions, OffsetDateTime createdAt, @Nullable String createdByName) {}

    /** {@link #versionQuestions} of several forms in one statement, by form (a form with no versions is left out). */
    Map<UUID, List<FormVersion>> versionQuestions(OrganisationId org, Collection<UUID> formIds) {
        if (formIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<FormVersion>> byForm = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select v.form_id, v.number, v.questions::text as questions, v.created_at, u.display_name as created_by_name
                        from form_version v
                        left join user_account u on u.id = v.created_by
                        where v.organisation_id = :org and v.form_id in (:forms)
                        order by v.form_id, v.number desc
                        """)
                .param("org", org.value())
                .param("forms", List.copyOf(formIds))
                .query(FormQuestionsRow.class)
                .list()
                .forEach(r -> byForm.computeIfAbsent(r.formId(), k -> new java.util.ArrayList<>())
                        .add(new FormVersion(r.number(), questions(r.questions()), r.createdAt(), r.createdByName(), 0)));
        return byForm;
    }

    private record VersionRow(int number, String questions, OffsetDateTime createdAt, @Nullable String createdByName, int responses) {}

    /**
     * Every version of the form, newest first, with the number of responses (test ones left out) on
     * each, counted no further than {@link ResponsePage#LISTED} and one: past that the pages say "more
     * than 10,000" (counting every response of a form took a second a page at a million).
     */
    List<FormVersion> versions(OrganisationId org, UUID formId) {
        return jdbc.sql("""
                        select v.number, v.questions::text as questions, v.created_at, u.display_name as created_by_name,
                               (select count(*) from (select 1 from form_response r
                                where r.organisation_id = :org and r.form_id = v.form_id and r.version_number = v.number
                                  and r.excluded is null limit :atMost) as some_responses) as responses
                        from form_version v
                        left join user_account u on u.id = v.created_by
                        where v.organisation_id = :org and v.form_id = :form
                        order by v.number desc
                        """)
                .param("org", org.value())
                .param("form", formId)
                .param("atMost", ResponsePage.LISTED + 1)
                .query(VersionRow.class)
                .list()
                .stream()
                .map(r -> new FormVersion(r.number(), questions(r.questions()), r.createdAt(), r.createdByName(), r.responses()))
                .toList();
    }
}
