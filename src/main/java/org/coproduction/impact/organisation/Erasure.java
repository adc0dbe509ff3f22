package org.coproduction.impact.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.shared.audit.AuditLog;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure (UK GDPR article 17): everything the organisation holds about one person removed or made
 * anonymous, across every module, in one transaction.
 *
 * <p>What is about them is found as subject access finds it ({@link SubjectAccess#accountReferences()}:
 * every column of a tenant table that refers to their account), and each such column has a rule
 * here ({@link #RULES}): their own rows (membership, comments, views, personal links, half-done
 * answers, files, invitations) are deleted with what depends on them ({@link Cascade}); rows they
 * only made or changed keep their content and lose the name. Their form answers are deleted, or
 * kept as anonymous figures (free text removed) where the organisation chose that
 * ({@link DataProtectionSettings}). Records where they speak become anonymous; activities they came
 * to count them among the "others". Then every text column of the organisation's tables is
 * searched for their name and email, which are replaced by {@link #ERASED}. Audit entries about
 * them are deleted and their own keep no name; one entry says that an erasure happened, without
 * the name. Their account is made anonymous when no other organisation holds them.
 *
 * <p>A column that refers to an account and has no rule stops erasure (nothing is changed):
 * {@code ErasureIntegrationTest} fails first, when the column is added.
 */
@Service
public class Erasure {

    /** What replaces a name or email in words that are kept. */
    public static final String ERASED = "[erased]";

    /** What happens to the rows whose column refers to the person. */
    enum Action {
        /** The row stays, without the reference (what they made or changed). */
        NULLIFY,
        /** The row is about them: deleted, with what depends on it. */
        DELETE_ROW,
        /** Form answers: deleted, or kept as anonymous figures where the organisation chose that. */
        ANSWERS,
        /** Files they added: deleted, bytes included. */
        FILES,
        /** Records of their words: kept, anonymous. */
        SPEAKER,
        /** Activities they came to: counted among the others who came, without their name. */
        ATTENDANCE,
        /** An invitation they accepted: deleted, like any invitation sent to their address. */
        INVITED
    }

    /** A rule for one column, and the kind of data it counts under on the confirmation page. */
    record Rule(Action action, Kind kind) {}

    /** The kinds of data the confirmation page counts, in its order. */
    public enum Kind {
        MEMBERSHIP, ANSWERS, FILES, COMMENTS, LINKS, VOICES, ATTENDANCE, INVITATIONS, EMAILS, AUDIT, AUTHORSHIP, MENTIONS, ABOUT_YOU, RECIPROCITY, ACCESS_NEEDS;

        public String messageKey() {
            return "erasure.kind." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static Rule nullify() {
        return new Rule(Action.NULLIFY, Kind.AUTHORSHIP);
    }

    /**
     * Every column of a tenant table that refers to an account, and what erasure does with it. A new
     * one must be added here (the integration test says which).
     */
    static final Map<String, Rule> RULES = Map.ofEntries(
            // organisation
            Map.entry("membership.user_id", new Rule(Action.DELETE_ROW, Kind.MEMBERSHIP)),
            Map.entry("invitation.accepted_by", new Rule(Action.INVITED, Kind.INVITATIONS)),
            Map.entry("invitation.created_by", nullify()),
            Map.entry("audit_event.actor_user_id", new Rule(Action.NULLIFY, Kind.AUDIT)),
            Map.entry("data_protection_setting.updated_by", nullify()),
            // pathway
            Map.entry("project.facilitator_user_id", nullify()),
            Map.entry("project_member.user_id", new Rule(Action.DELETE_ROW, Kind.MEMBERSHIP)),
            Map.entry("pathway_revision.created_by", nullify()),
            Map.entry("outcome_comment.author_user_id", new Rule(Action.DELETE_ROW, Kind.COMMENTS)),
            Map.entry("outcome_comment.decided_by", nullify()),
            // evidence
            Map.entry("evidence_list.updated_by", nullify()),
            Map.entry("evidence_way.updated_by", nullify()),
            Map.entry("evidence_review.updated_by", nullify()),
            Map.entry("evidence_change.changed_by", nullify()),
            // plan
            Map.entry("plan_row.created_by", nullify()),
            Map.entry("plan_row.updated_by", nullify()),
            Map.entry("plan_row.archived_by", nullify()),
            Map.entry("plan_change.changed_by", nullify()),
            Map.entry("plan_comment.author_user_id", new Rule(Action.DELETE_ROW, Kind.COMMENTS)),
            // framework
            Map.entry("framework_version.created_by", nullify()),
            Map.entry("framework_version.published_by", nullify()),
            Map.entry("framework_section.updated_by", nullify()),
            // form
            Map.entry("form.created_by", nullify()),
            Map.entry("form.updated_by", nullify()),
            Map.entry("form_version.created_by", nullify()),
            Map.entry("form_response.member_user_id", new Rule(Action.ANSWERS, Kind.ANSWERS)),
            Map.entry("form_response.entered_by", nullify()),
            Map.entry("form_response.excluded_by", nullify()),
            Map.entry("form_draft.member_user_id", new Rule(Action.DELETE_ROW, Kind.LINKS)),
            Map.entry("form_personal_link.user_id", new Rule(Action.DELETE_ROW, Kind.LINKS)),
            // media
            Map.entry("media_file.uploaded_by", new Rule(Action.FILES, Kind.FILES)),
            Map.entry("media_file.updated_by", nullify()),
            Map.entry("media_change.changed_by", nullify()),
            // record
            Map.entry("record_project_setting.updated_by", nullify()),
            Map.entry("record_item.speaker_user_id", new Rule(Action.SPEAKER, Kind.VOICES)),
            Map.entry("record_item.published_by", nullify()),
            Map.entry("record_item.created_by", nullify()),
            Map.entry("record_item.updated_by", nullify()),
            Map.entry("record_item.archived_by", nullify()),
            Map.entry("record_attendance.user_id", new Rule(Action.ATTENDANCE, Kind.ATTENDANCE)),
            Map.entry("record_consent.recorded_by", nullify()),
            Map.entry("record_consent.withdrawn_by", nullify()),
            Map.entry("record_item_change.changed_by", nullify()),
            // measure
            Map.entry("measure.created_by", nullify()),
            Map.entry("measure.updated_by", nullify()),
            Map.entry("measure_import.created_by", nullify()),
            Map.entry("measure_import.confirmed_by", nullify()),
            Map.entry("data_point.created_by", nullify()),
            Map.entry("data_point.archived_by", nullify()),
            // tracker
            Map.entry("tracker_task.owner_user_id", nullify()),
            Map.entry("tracker_task.created_by", nullify()),
            Map.entry("tracker_task.updated_by", nullify()),
            Map.entry("tracker_task.archived_by", nullify()),
            Map.entry("tracker_task_change.changed_by", nullify()),
            Map.entry("progress_report.created_by", nullify()),
            Map.entry("progress_report.updated_by", nullify()),
            Map.entry("progress_report.archived_by", nullify()),
            // assessment
            Map.entry("review_round.created_by", nullify()),
            Map.entry("review_round.closed_by", nullify()),
            Map.entry("review_member_view.user_id", new Rule(Action.DELETE_ROW, Kind.COMMENTS)),
            Map.entry("review_judgement.recorded_by", nullify()),
            Map.entry("report_review_report.created_by", nullify()),
            Map.entry("report_review_report.updated_by", nullify()),
            Map.entry("report_publication.published_by", nullify()),
            Map.entry("about_you_answer.user_id", new Rule(Action.DELETE_ROW, Kind.ABOUT_YOU)),
            Map.entry("local_population_area.imported_by", nullify()),
            Map.entry("reciprocity_entry.user_id", new Rule(Action.DELETE_ROW, Kind.RECIPROCITY)),
            Map.entry("reciprocity_entry.recorded_by", nullify()),
            Map.entry("reciprocity_entry.removed_by", nullify()),
            Map.entry("reciprocity_entry_change.user_id", new Rule(Action.DELETE_ROW, Kind.RECIPROCITY)),
            Map.entry("reciprocity_entry_change.changed_by", nullify()),
            // Access needs are about them: deleted. Needs someone else set with them keep no name.
            Map.entry("access_needs.user_id", new Rule(Action.DELETE_ROW, Kind.ACCESS_NEEDS)),
            Map.entry("access_needs.set_by", nullify()),
            // Reflections and self-assessment answers are their own words and views: deleted. Lessons
            // and rounds they set up are the organisation's: kept, without their name.
            Map.entry("reflection.created_by", new Rule(Action.DELETE_ROW, Kind.COMMENTS)),
            Map.entry("reflection.archived_by", nullify()),
            Map.entry("reflection_consent.recorded_by", new Rule(Action.DELETE_ROW, Kind.COMMENTS)),
            Map.entry("reflection_consent.withdrawn_by", nullify()),
            Map.entry("lesson.created_by", nullify()),
            Map.entry("lesson.updated_by", nullify()),
            Map.entry("lesson.archived_by", nullify()),
            Map.entry("coproduction_statement.updated_by", nullify()),
            Map.entry("self_assessment.created_by", nullify()),
            Map.entry("self_assessment_answer.user_id", new Rule(Action.DELETE_ROW, Kind.COMMENTS)),
            Map.entry("self_assessment_ladder.user_id", new Rule(Action.DELETE_ROW, Kind.COMMENTS)),
            Map.entry("self_assessment_action.created_by", nullify()),
            // api: the token stays the organisation's (a dashboard keeps working); who made or revoked it is forgotten.
            Map.entry("api_token.created_by", nullify()),
            Map.entry("api_token.revoked_by", nullify()));

    /**
     * Columns outside any organisation that refer to an account: handled with the account, only when
     * no other organisation holds the person.
     */
    static final List<String> ACCOUNT_LEVEL = List.of("password_reset.user_id", "account_two_step.user_id", "account_recovery_code.user_id");

    /** The question types whose answers are figures (counted), not words: what "anonymous figures" keeps. */
    private static final String FIGURE_TYPES = "'RATING', 'BEFORE_AFTER', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'YES_NO', 'NUMBER', 'ABOUT_YOU'";

    /** What erasing the person will do: rows per kind, and whether their answers stay as figures. */
    public record Preview(Person person, Map<Kind, Integer> counts, boolean keepsAnswersAsFigures, boolean accountGoes) {

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** How an erasure went. */
    public enum Outcome {
        DONE,
        /** Someone else erased or removed them first (a second click, another ADMIN). */
        GONE,
        /** An ADMIN cannot erase themselves: another ADMIN must. */
        SELF,
        LAST_ADMIN
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final SubjectAccess subjectAccess;
    private final Cascade cascade;
    private final OrganisationService organisations;
    private final OrganisationRepository organisationRepository;
    private final DataProtectionSettings settings;
    private final AuditLog audit;
    private final PasswordEncoder encoder;

    Erasure(JdbcClient jdbc, NamedParameterJdbcTemplate named, SubjectAccess subjectAccess, Cascade cascade,
            OrganisationService organisations, OrganisationRepository organisationRepository, DataProtectionSettings settings,
            AuditLog audit, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.named = named;
        this.subjectAccess = subjectAccess;
        this.cascade = cascade;
        this.organisations = organisations;
        this.organisationRepository = organisationRepository;
        this.settings = settings;
        this.audit = audit;
        this.encoder = encoder;
    }

    /** What erasing the person (a membership of the ADMIN's organisation) would do, counted. */
    @Transactional(readOnly = true)
    public Preview preview(Tenant admin, UUID membershipId) {
        Person person = organisations.person(admin, membershipId);
        Map<String, Object> params = params(admin, person);
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            counts.put(kind, 0);
        }
        for (SubjectAccess.AccountReference ref : references()) {
            Rule rule = RULES.get(ref.table() + "." + ref.column());
            int n = count(ref.table(), "t.organisation_id = :org and t." + Cascade.quote(ref.column()) + " = :user", params);
            counts.merge(rule.kind(), n, Integer::sum);
        }
        counts.merge(Kind.VOICES, count("record_item",
                "t.organisation_id = :org and t.speaker = 'NAMED' and lower(t.speaker_name) = lower(:name)"
                        + " and t.speaker_user_id is distinct from :user", params), Integer::sum);
        counts.merge(Kind.INVITATIONS, count("invitation", "t.organisation_id = :org and " + invitedByAddress()
                + " and t.accepted_by is distinct from :user", params), Integer::sum);
        counts.merge(Kind.EMAILS, count("outbound_email", emails(false), params), Integer::sum);
        counts.merge(Kind.AUDIT, count("audit_event", auditAbout(), params), Integer::sum);
        counts.merge(Kind.MENTIONS, mentions(params, false), Integer::sum);
        boolean accountGoes = otherMemberships(person) == 0;
        return new Preview(person, counts, settings.of(admin.organisationId()).keepAnswersAsFigures(), accountGoes);
    }

    /** Erases the person in one transaction; the membership's row is locked first, so a second try finds nothing. */
    @Transactional
    public Outcome erase(Tenant admin, UUID membershipId) {
        Person person = jdbc.sql("select id from membership where id = :id and organisation_id = :org for update")
                .param("id", membershipId)
                .param("org", admin.organisationId().value())
                .query(UUID.class)
                .optional()
                .map(id -> organisations.person(admin, id))
                .orElse(null);
        if (person == null) {
            return Outcome.GONE;
        }
        if (person.userId().equals(admin.userId().value())) {
            return Outcome.SELF;
        }
        if (person.role() == Role.ADMIN && organisationRepository.lockAndCountAdmins(admin.organisationId()) <= 1) {
            return Outcome.LAST_ADMIN;
        }
        Preview preview = preview(admin, membershipId);
        Map<String, Object> params = params(admin, person);
        boolean keepFigures = preview.keepsAnswersAsFigures();

        List<SubjectAccess.AccountReference> references = references();
        for (SubjectAccess.AccountReference ref : references) {
            Rule rule = RULES.get(ref.table() + "." + ref.column());
            String theirs = "t.organisation_id = :org and t." + Cascade.quote(ref.column()) + " = :user";
            switch (rule.action()) {
                case FILES -> cascade.delete(ref.table(), theirs, params);
                case ANSWERS -> answers(ref, theirs, params, keepFigures);
                case SPEAKER -> named.update("""
                        update record_item t set speaker = 'ANONYMOUS', speaker_user_id = null, speaker_name = null
                        where t.organisation_id = :org
                          and (t.speaker_user_id = :user or (t.speaker = 'NAMED' and lower(t.speaker_name) = lower(:name)))
                        """, params);
                case ATTENDANCE -> {
                    named.update("""
                            update record_item i set others_count = coalesce(i.others_count, 0) + 1
                            where i.organisation_id = :org
                              and i.id in (select t.item_id from record_attendance t where %s)
                            """.formatted(theirs), params);
                    cascade.delete(ref.table(), theirs, params);
                }
                case INVITED -> cascade.delete("invitation", "t.organisation_id = :org and (t.accepted_by = :user or "
                        + invitedByAddress() + ")", params);
                case DELETE_ROW, NULLIFY -> {}
            }
        }
        for (SubjectAccess.AccountReference ref : references) {
            Rule rule = RULES.get(ref.table() + "." + ref.column());
            String theirs = "t.organisation_id = :org and t." + Cascade.quote(ref.column()) + " = :user";
            if (rule.action() == Action.DELETE_ROW) {
                cascade.delete(ref.table(), theirs, params);
            } else if (rule.action() == Action.NULLIFY) {
                named.update("update " + Cascade.quote(ref.table()) + " t set " + Cascade.quote(ref.column()) + " = null where "
                        + theirs, params);
            }
        }
        named.update("delete from outbound_email t where " + emails(false), params);
        named.update("delete from audit_event t where " + auditAbout(), params);
        mentions(params, true);
        if (otherMemberships(person) == 0) {
            anonymiseAccount(person, params);
        }
        audit.record(admin.organisationId(), admin.userId(), "PERSON_ERASED", "person", null, summary(preview));
        return Outcome.DONE;
    }

    /** A note for the log that says what went, and nothing about whom. */
    private static String summary(Preview preview) {
        StringBuilder s = new StringBuilder();
        preview.counts().forEach((kind, n) -> {
            if (n > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(n);
            }
        });
        return s.isEmpty() ? "-" : s.toString();
    }

    /** Every reference to an account, each with its rule; a reference without one stops erasure here. */
    private List<SubjectAccess.AccountReference> references() {
        List<SubjectAccess.AccountReference> references = subjectAccess.accountReferences();
        List<String> unhandled = references.stream()
                .map(r -> r.table() + "." + r.column())
                .filter(c -> !RULES.containsKey(c))
                .toList();
        if (!unhandled.isEmpty()) {
            throw new IllegalStateException("Erasure has no rule for " + unhandled + ": add one to Erasure.RULES");
        }
        return references;
    }

    private void answers(SubjectAccess.AccountReference ref, String theirs, Map<String, Object> params, boolean keepFigures) {
        List<UUID> forms = named.queryForList("select distinct t.form_id from form_response t where " + theirs, params, UUID.class);
        if (keepFigures) {
            named.update("""
                    update form_response t set member_user_id = null,
                        answers = (select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
                                   from jsonb_each(t.answers) e
                                   where exists (select 1 from form_version v, jsonb_array_elements(v.questions) q
                                                 where v.form_id = t.form_id and v.number = t.version_number
                                                   and q ->> 'type' in (%s)
                                                   and (e.key = q ->> 'key' or e.key like (q ->> 'key') || '.%%')))
                    where %s
                    """.formatted(FIGURE_TYPES, theirs), params);
        } else {
            cascade.delete(ref.table(), theirs, params);
        }
        if (!forms.isEmpty()) {
            // The forms' settled counts included these answers: they are counted again when next asked for.
            Map<String, Object> withForms = new HashMap<>(params);
            withForms.put("forms", forms);
            cascade.delete("form_answer_settled", "t.organisation_id = :org and t.form_id in (:forms)", withForms);
        }
    }

    private static String invitedByAddress() {
        return "cast(:email as text) is not null and lower(t.email) = lower(cast(:email as text))";
    }

    /** Emails of the organisation sent to them or naming them; with {@code anywhere}, also those sent to them by no organisation. */
    private static String emails(boolean anywhere) {
        String toThem = "(cast(:email as text) is not null and lower(t.recipient) = lower(cast(:email as text)))";
        String ours = "(t.organisation_id = :org or :org = any (t.organisation_ids))";
        String naming = "(t.subject ~* :pattern or t.body ~* :pattern)";
        return anywhere ? toThem : ours + " and (" + toThem + " or " + naming + ")";
    }

    private static String auditAbout() {
        return "t.organisation_id = :org and t.entity_id in (cast(:user as text), cast(:membership as text))";
    }

    /**
     * Counts, or with {@code replace} replaces, their name and email wherever the organisation's
     * tables hold them in words (text and JSON columns; never secrets). Returns the rows.
     */
    private int mentions(Map<String, Object> params, boolean replace) {
        record Column(String table, String column, boolean json) {}
        List<Column> columns = jdbc.sql("""
                        select cl.relname, a.attname, t.typname = 'jsonb'
                        from pg_class cl
                        join pg_attribute a on a.attrelid = cl.oid and a.attnum > 0 and not a.attisdropped
                        join pg_type t on t.oid = a.atttypid
                        where cl.relkind = 'r' and cl.relnamespace = 'public'::regnamespace
                          and t.typname in ('text', 'varchar', 'bpchar', 'jsonb')
                          and a.attname !~* '(password|token|secret|hash)'
                          and exists (select 1 from pg_attribute o
                                      where o.attrelid = cl.oid and o.attname = 'organisation_id' and not o.attisdropped)
                        order by cl.relname, a.attnum
                        """)
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        columns.forEach(c -> byTable.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c));
        int rows = 0;
        for (var entry : byTable.entrySet()) {
            List<String> matches = new ArrayList<>();
            List<String> sets = new ArrayList<>();
            for (Column c : entry.getValue()) {
                String col = Cascade.column("t", c.column());
                for (String p : List.of("pattern", "emailPattern")) {
                    if (params.get(p) == null) {
                        continue;
                    }
                    String jp = p.equals("pattern") ? "jsonPattern" : "jsonEmailPattern";
                    matches.add(c.json() ? "cast(" + col + " as text) ~* :" + jp : col + " ~* :" + p);
                }
                String replaced = c.json()
                        ? "cast(" + replaceAll("cast(" + col + " as text)", params, true) + " as jsonb)"
                        : replaceAll(col, params, false);
                sets.add(Cascade.quote(c.column()) + " = " + replaced);
            }
            String where = "t.organisation_id = :org and (" + String.join(" or ", matches) + ")";
            rows += replace
                    ? named.update("update " + Cascade.quote(entry.getKey()) + " t set " + String.join(", ", sets) + " where " + where,
                            params)
                    : count(entry.getKey(), where, params);
        }
        return rows;
    }

    private static String replaceAll(String expression, Map<String, Object> params, boolean json) {
        String out = "regexp_replace(" + expression + ", :" + (json ? "jsonPattern" : "pattern") + ", :erased, 'gi')";
        if (params.get("emailPattern") != null) {
            out = "regexp_replace(" + out + ", :" + (json ? "jsonEmailPattern" : "emailPattern") + ", :erased, 'gi')";
        }
        return out;
    }

    private int otherMemberships(Person person) {
        return jdbc.sql("select count(*) from membership where user_id = :user and id <> :membership")
                .param("user", person.userId())
                .param("membership", person.id())
                .query(Integer.class)
                .single();
    }

    /**
     * No organisation holds the person any more: the account keeps its id (other tables' old
     * references stay valid) and loses everything that named them, its password, sessions, reset
     * links, sign-in failures and the emails sent to them.
     */
    private void anonymiseAccount(Person person, Map<String, Object> params) {
        named.update("delete from outbound_email t where " + emails(true), params);
        named.update("delete from password_reset where user_id = :user", params);
        named.update("delete from account_recovery_code where user_id = :user", params);
        named.update("delete from account_two_step where user_id = :user", params);
        named.update("delete from spring_session where principal_name = :username", params);
        named.update("delete from form_submission where account_name = :username", params);
        named.update("delete from sign_in_failure where account_key in (lower(:username), lower(coalesce(cast(:email as text), :username)))",
                params);
        jdbc.sql("""
                        update user_account set username = :username, email = null, display_name = :erased,
                            password_hash = :hash, easy_read = false, language = null
                        where id = :user
                        """)
                .param("username", "erased-" + UUID.randomUUID())
                .param("erased", ERASED)
                .param("hash", encoder.encode(UUID.randomUUID().toString() + UUID.randomUUID()))
                .param("user", person.userId())
                .update();
    }

    private int count(String table, String condition, Map<String, Object> params) {
        Integer n = named.queryForObject("select count(*) from " + Cascade.quote(table) + " t where " + condition, params, Integer.class);
        return n == null ? 0 : n;
    }

    private static Map<String, Object> params(Tenant admin, Person person) {
        Map<String, Object> params = new HashMap<>();
        params.put("org", admin.organisationId().value());
        params.put("user", person.userId());
        params.put("membership", person.id());
        params.put("name", person.displayName());
        params.put("username", person.username());
        params.put("email", person.email());
        params.put("erased", ERASED);
        params.put("pattern", pattern(person.displayName(), false));
        params.put("jsonPattern", pattern(person.displayName(), true));
        params.put("emailPattern", person.email() == null ? null : pattern(person.email(), false));
        params.put("jsonEmailPattern", person.email() == null ? null : pattern(person.email(), true));
        return params;
    }

    /**
     * A PostgreSQL regular expression that finds {@code words} as whole words, in any case; for
     * JSON, as the words are written inside a JSON string.
     */
    static String pattern(String words, boolean json) {
        String text = json ? words.replace("\\", "\\\\").replace("\"", "\\\"") : words;
        StringBuilder p = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
                p.append('\\');
            }
            p.appendCodePoint(c);
        });
        String start = Character.isLetterOrDigit(words.codePointAt(0)) ? "\\m" : "";
        String end = Character.isLetterOrDigit(words.codePointBefore(words.length())) ? "\\M" : "";
        return "(?:" + start + p + end + ")";
    }
}
