package org.coproduction.impact.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.shared.tenancy.OrganisationId;
import org.coproduction.impact.shared.tenancy.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Recorded items, their tags, attendance and consents. Every query names the organisation. */
@Repository
class RecordRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How many items' details one statement asks for by id. */
    static final int DETAILS_AT_ONCE = 5_000;

    private final JdbcClient jdbc;

    RecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select i.id, i.project_id, i.kind, i.title, i.happened_on, i.setting, i.body, i.activity_kind, i.facilitated_by,
                   i.others_count, i.pathway_activity_id, i.speaker, i.speaker_user_id, coalesce(su.display_name, i.speaker_name) as speaker_name,
                   i.situation, i.what_happened, i.what_changed, i.own_words, i.contributed_by_member, i.published_at, i.version,
                   i.created_at, i.created_by, cu.display_name as created_by_name, i.archived_at
            from record_item i
            left join user_account su on su.id = i.speaker_user_id
            left join user_account cu on cu.id = i.created_by
            """;

    /** Every item of the project, removed ones too, newest first. */
    List<RecordedItem> items(OrganisationId org, UUID projectId) {
        return load(org, "i.project_id = :project", Map.of("project", projectId));
    }

    /** The items of several projects, read together (each project's in the same order as {@link #items(OrganisationId, UUID)}). */
    List<RecordedItem> items(OrganisationId org, Collection<UUID> projectIds) {
        return projectIds.isEmpty() ? List.of() : load(org, "i.project_id in (:projects)", Map.of("projects", List.copyOf(projectIds)));
    }

    Optional<RecordedItem> item(OrganisationId org, UUID projectId, UUID itemId) {
        return load(org, "i.project_id = :project and i.id = :id", Map.of("project", projectId, "id", itemId)).stream().findFirst();
    }

    /** Current published items of every project in the organisation, with the project's name. */
    List<RecordedItem> published(OrganisationId org) {
        return load(org, "i.published_at is not null and i.archived_at is null", Map.of());
    }

    Map<UUID, String> projectNames(OrganisationId org) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, name from project where organisation_id = :org")
                .param("org", org.value())
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    private List<RecordedItem> load(OrganisationId org, String where, Map<String, Object> params) {
        String scope = "i.organisation_id = :org and " + where;
        var spec = jdbc.sql(SELECT + " where " + scope + " order by i.happened_on desc, i.created_at desc, i.id").param("org", org.value());
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        List<Base> bases = spec.query((rs, n) -> base(rs)).list();
        if (bases.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<UUID>> outcomes = new HashMap<>();
        Map<UUID, Set<UUID>> planRows = new HashMap<>();
        Map<UUID, List<String>> themes = new HashMap<>();
        Map<UUID, List<RecordedItem.Attendee>> attendees = new HashMap<>();
        Map<UUID, List<Consent>> consents = new HashMap<>();
        Set<UUID> withPhoto = new HashSet<>();
        Map<UUID, List<UUID>> media = new HashMap<>();
        // The items' details are read by their ids (one array parameter), a bounded number at a time.
        for (int from = 0; from < bases.size(); from += DETAILS_AT_ONCE) {
            List<UUID> ids = bases.subList(from, Math.min(bases.size(), from + DETAILS_AT_ONCE)).stream().map(Base::id).toList();
            details(org, ids, outcomes, planRows, themes, attendees, consents);
            media.putAll(media(org, ids, withPhoto));
        }
        return bases.stream()
                .map(b -> b.item(outcomes.getOrDefault(b.id(), Set.of()), planRows.getOrDefault(b.id(), Set.of()),
                        themes.getOrDefault(b.id(), List.of()), attendees.getOrDefault(b.id(), List.of()),
                        consents.getOrDefault(b.id(), List.of()), media.getOrDefault(b.id(), List.of()), withPhoto.contains(b.id())))
                .toList();
    }

    private void details(OrganisationId org, List<UUID> ids, Map<UUID, Set<UUID>> outcomes, Map<UUID, Set<UUID>> planRows,
            Map<UUID, List<String>> themes, Map<UUID, List<RecordedItem.Attendee>> attendees, Map<UUID, List<Consent>> consents) {
        outcomes.putAll(links(org, "select item_id, outcome_id from record_item_outcome", ids));
        planRows.putAll(links(org, "select item_id, plan_row_id from record_item_plan_row", ids));
        jdbc.sql("select item_id, theme from record_item_theme where organisation_id = :org and item_id = any(:ids) order by theme")
                .param("org", org.value())
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    themes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                });
        jdbc.sql("""
                        select a.item_id, a.user_id, u.display_name from record_attendance a join user_account u on u.id = a.user_id
                        where a.organisation_id = :org and a.item_id = any(:ids) order by u.display_name
                        """)
                .param("org", org.value())
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    attendees.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new RecordedItem.Attendee(rs.getObject(2, UUID.class), rs.getString(3)));
                });
        jdbc.sql("""
                        select c.item_id, c.id, c.given_by, c.given_how, c.internal_learning, c.funder_reports, c.public_use, c.valid_until,
                               c.recorded_at, r.display_name, c.withdrawn_at, w.display_name
                        from record_consent c
                        left join user_account r on r.id = c.recorded_by
                        left join user_account w on w.id = c.withdrawn_by
                        where c.organisation_id = :org and c.item_id = any(:ids)
                        order by c.recorded_at desc, c.id
                        """)
                .param("org", org.value())
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    Set<ConsentUse> uses = EnumSet.noneOf(ConsentUse.class);
                    if (rs.getBoolean(5)) {
                        uses.add(ConsentUse.INTERNAL_LEARNING);
                    }
                    if (rs.getBoolean(6)) {
                        uses.add(ConsentUse.FUNDER_REPORTS);
                    }
                    if (rs.getBoolean(7)) {
                        uses.add(ConsentUse.PUBLIC);
                    }
                    consents.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Consent(rs.getObject(2, UUID.class),
                            rs.getString(3), ConsentHow.valueOf(rs.getString(4)), uses, rs.getObject(8, LocalDate.class),
                            rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getObject(11, OffsetDateTime.class), rs.getString(12)));
                });
    }

    private Map<UUID, List<UUID>> media(OrganisationId org, List<UUID> ids, Set<UUID> withPhoto) {
        Map<UUID, List<UUID>> byItem = new HashMap<>();
        jdbc.sql("""
                        select m.item_id, m.media_file_id, f.kind = 'PHOTO' as photo
                        from record_item_media m join media_file f on f.id = m.media_file_id
                        where m.organisation_id = :org and f.organisation_id = :org and m.item_id = any(:ids)
                        order by m.item_id, m.position
                        """)
                .param("org", org.value())
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    UUID item = rs.getObject(1, UUID.class);
                    byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                    if (rs.getBoolean(3)) {
                        withPhoto.add(item);
                    }
                });
        return byItem;
    }

    void attach(OrganisationId org, UUID itemId, UUID mediaId) {
        jdbc.sql("""
                        insert into record_item_media (organisation_id, item_id, media_file_id, position)
                        values (:org, :item, :media,
                                (select coalesce(max(position), 0) + 1 from record_item_media where organisation_id = :org and item_id = :item))
                        on conflict do nothing
                        """)
                .param("org", org.value())
                .param("item", itemId)
                .param("media", mediaId)
                .update();
    }

    private Map<UUID, Set<UUID>> links(OrganisationId org, String select, List<UUID> ids) {
        Map<UUID, Set<UUID>> byItem = new HashMap<>();
        jdbc.sql(select + " where organisation_id = :org and item_id = any(:ids)")
                .param("org", org.value())
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    byItem.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getObject(2, UUID.class));
                });
        return byItem;
    }

    private record Base(UUID id, UUID projectId, RecordKind kind, String title, LocalDate happenedOn, @Nullable String setting,
            @Nullable String body, @Nullable ActivityKind activityKind, @Nullable String facilitatedBy, int othersCount,
            @Nullable UUID pathwayActivityId, @Nullable Speaker speaker, @Nullable UUID speakerUserId, @Nullable String speakerName,
            @Nullable String situation, @Nullable String whatHappened, @Nullable String whatChanged, @Nullable String ownWords,
            boolean contributedByMember, @Nullable OffsetDateTime publishedAt, int version, OffsetDateTime createdAt,
            @Nullable UUID createdBy, @Nullable String createdByName, boolean archived) {

        RecordedItem item(Set<UUID> outcomes, Set<UUID> planRows, List<String> themes, List<RecordedItem.Attendee> attendees,
                List<Consent> consents, List<UUID> media, boolean hasPhoto) {
            return new RecordedItem(id, projectId, kind, title, happenedOn, setting, body, activityKind, facilitatedBy, othersCount,
                    pathwayActivityId, speaker, speakerUserId, speakerName, situation, whatHappened, whatChanged, ownWords,
                    contributedByMember, publishedAt, version, createdAt, createdBy, createdByName, archived, outcomes, planRows, themes,
                    attendees, consents, media, hasPhoto);
        }
    }

    private static Base base(ResultSet rs) throws SQLException {
        String activityKind = rs.getString("activity_kind");
        String speaker = rs.getString("speaker");
        return new Base(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), RecordKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getObject("happened_on", LocalDate.class), rs.getString("setting"), rs.getString("body"),
                activityKind == null ? null : ActivityKind.valueOf(activityKind), rs.getString("facilitated_by"), rs.getInt("others_count"),
                rs.getObject("pathway_activity_id", UUID.class), speaker == null ? null : Speaker.valueOf(speaker),
                rs.getObject("speaker_user_id", UUID.class), rs.getString("speaker_name"), rs.getString("situation"),
                rs.getString("what_happened"), rs.getString("what_changed"), rs.getString("own_words"), rs.getBoolean("contributed_by_member"),
                rs.getObject("published_at", OffsetDateTime.class), rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("created_by", UUID.class), rs.getString("created_by_name"), rs.getObject("archived_at") != null);
    }

    UUID add(OrganisationId org, UUID projectId, ItemDraft d, boolean byMember, UserId by) {
        UUID id = UUID.randomUUID();
        bind(jdbc.sql("""
                        insert into record_item (id, organisation_id, project_id, kind, title, happened_on, setting, body, activity_kind,
                               facilitated_by, others_count, pathway_activity_id, speaker, speaker_user_id, speaker_name, situation,
                               what_happened, what_changed, own_words, contributed_by_member, created_by, updated_by)
                        values (:id, :org, :project, :kind, :title, :on, :setting, :body, :activityKind, :facilitatedBy, :others, :pathwayActivity,
                                :speaker, :speakerUser, :speakerName, :situation, :happened, :changed, :ownWords, :byMember, :by, :by)
                        """), d)
                .param("id", id)
                .param("org", org.value())
                .param("project", projectId)
                .param("byMember", byMember)
                .param("by", by.value())
                .update();
        if (d.kind() == RecordKind.ACTIVITY) {
            addAttendance(org, id, d.attendeeIds());
        }
        return id;
    }

    /** Changes what was recorded, if the item is still at {@code version}; false (nothing changed) otherwise. */
    boolean update(OrganisationId org, UUID projectId, UUID itemId, int version, ItemDraft d, UserId by) {
        boolean updated = bind(jdbc.sql("""
                        update record_item set kind = :kind, title = :title, happened_on = :on, setting = :setting, body = :body,
                               activity_kind = :activityKind, facilitated_by = :facilitatedBy, others_count = :others,
                               pathway_activity_id = :pathwayActivity, speaker = :speaker, speaker_user_id = :speakerUser,
                               speaker_name = :speakerName, situation = :situation, what_happened = :happened, what_changed = :changed,
                               own_words = :ownWords, version = version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and version = :version and archived_at is null
                        """), d)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("project", projectId)
                        .param("id", itemId)
                        .param("version", version)
                        .update()
                == 1;
        if (updated && d.kind() == RecordKind.ACTIVITY) {
            jdbc.sql("delete from record_attendance where organisation_id = :org and item_id = :item")
                    .param("org", org.value())
                    .param("item", itemId)
                    .update();
            addAttendance(org, itemId, d.attendeeIds());
        }
        return updated;
    }

    private void addAttendance(OrganisationId org, UUID itemId, Collection<UUID> people) {
        for (UUID person : people) {
            jdbc.sql("insert into record_attendance (organisation_id, item_id, user_id) values (:org, :item, :user) on conflict do nothing")
                    .param("org", org.value())
                    .param("item", itemId)
                    .param("user", person)
                    .update();
        }
    }

    /**
     * Binds what was recorded. Only the fields of the item's kind are kept: an activity has no
     * speaker, only a case study has its four parts, only an activity has attendance details.
     */
    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ItemDraft d) {
        boolean activity = d.kind() == RecordKind.ACTIVITY;
        boolean story = d.kind() == RecordKind.CASE_STUDY;
        return spec
                .param("kind", d.kind().name())
                .param("title", d.title())
                .param("on", d.happenedOn())
                .param("setting", d.setting())
                .param("body", d.body())
                .param("activityKind", activity && d.activityKind() != null ? d.activityKind().name() : null)
                .param("facilitatedBy", activity ? d.facilitatedBy() : null)
                .param("others", activity ? d.othersCount() : null)
                .param("pathwayActivity", activity ? d.pathwayActivityId() : null)
                .param("speaker", activity || d.speaker() == null ? null : d.speaker().name())
                .param("speakerUser", activity || d.speaker() != Speaker.MEMBER ? null : d.speakerUserId())
                .param("speakerName", activity || d.speaker() != Speaker.NAMED ? null : d.speakerName())
                .param("situation", story ? d.situation() : null)
                .param("happened", story ? d.whatHappened() : null)
                .param("changed", story ? d.whatChanged() : null)
                .param("ownWords", story ? d.ownWords() : null);
    }

    /** Keeps the item as it is now, before a change is saved. */
    void keepBefore(OrganisationId org, RecordedItem item, UserId by) {
        Map<String, Object> before = new java.util.LinkedHashMap<>();
        before.put("kind", item.kind().name());
        before.put("title", item.title());
        before.put("happenedOn", item.happenedOn().toString());
        before.put("setting", item.setting());
        before.put("words", item.body());
        before.put("activityKind", item.activityKind() == null ? null : item.activityKind().name());
        before.put("facilitatedBy", item.facilitatedBy());
        before.put("othersCount", item.othersCount());
        before.put("attendees", item.attendees().stream().map(a -> a.userId().toString()).toList());
        before.put("pathwayActivity", item.pathwayActivityId() == null ? null : item.pathwayActivityId().toString());
        before.put("speaker", item.speaker() == null ? null : item.speaker().name());
        before.put("speakerName", item.speakerName());
        before.put("situation", item.situation());
        before.put("whatHappened", item.whatHappened());
        before.put("whatChanged", item.whatChanged());
        before.put("ownWords", item.ownWords());
        before.put("outcomes", item.outcomeIds().stream().map(UUID::toString).sorted().toList());
        before.put("planRows", item.planRowIds().stream().map(UUID::toString).sorted().toList());
        before.put("themes", item.themes());
        jdbc.sql("""
                        insert into record_item_change (id, organisation_id, item_id, changed_by, before)
                        values (:id, :org, :item, :by, cast(:before as jsonb))
                        """)
                .param("id", UUID.randomUUID())
                .param("org", org.value())
                .param("item", item.id())
                .param("by", by.value())
                .param("before", JSON.writeValueAsString(before))
                .update();
    }

    /** The item's kept changes, newest first. */
    List<ItemChange> changes(OrganisationId org, UUID itemId) {
        return jdbc.sql("""
                        select c.changed_at, u.display_name, c.before ->> 'title', coalesce(c.before ->> 'words', c.before ->> 'whatChanged')
                        from record_item_change c left join user_account u on u.id = c.changed_by
                        where c.organisation_id = :org and c.item_id = :item
                        order by c.changed_at desc, c.id
                        """)
                .param("org", org.value())
                .param("item", itemId)
                .query((rs, n) -> new ItemChange(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Replaces the item's outcomes, plan rows and themes. */
    void setTags(OrganisationId org, UUID itemId, Collection<UUID> outcomes, Collection<UUID> planRows, Collection<String> themes) {
        for (String table : List.of("record_item_outcome", "record_item_plan_row", "record_item_theme")) {
            jdbc.sql("delete from " + table + " where organisation_id = :org and item_id = :item")
                    .param("org", org.value())
                    .param("item", itemId)
                    .update();
        }
        for (UUID o : outcomes) {
            jdbc.sql("insert into record_item_outcome (organisation_id, item_id, outcome_id) values (:org, :item, :o) on conflict do nothing")
                    .param("org", org.value()).param("item", itemId).param("o", o).update();
        }
        for (UUID r : planRows) {
            jdbc.sql("insert into record_item_plan_row (organisation_id, item_id, plan_row_id) values (:org, :item, :r) on conflict do nothing")
                    .param("org", org.value()).param("item", itemId).param("r", r).update();
        }
        for (String t : themes) {
            jdbc.sql("insert into record_item_theme (organisation_id, item_id, theme) values (:org, :item, :t) on conflict do nothing")
                    .param("org", org.value()).param("item", itemId).param("t", t).update();
        }
    }

    /** Bumps the item's version, as the lock for a change to its tags: false when someone else changed it since. */
    boolean touch(OrganisationId org, UUID projectId, UUID itemId, int version, UserId by) {
        return jdbc.sql("""
                        update record_item set version = version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and version = :version and archived_at is null
                        """)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("project", projectId)
                        .param("id", itemId)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean setPublished(OrganisationId org, UUID projectId, UUID itemId, int version, boolean published, UserId by) {
        return jdbc.sql("""
                        update record_item set published_at = case when :published then now() end,
                               published_by = case when :published then cast(:by as uuid) end,
                               version = version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and version = :version
                          and archived_at is null and (published_at is null) = :published
                        """)
                        .param("published", published)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("project", projectId)
                        .param("id", itemId)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Archives the item; it is no longer published (a removed item shows to no one outside the facilitators). */
    boolean archive(OrganisationId org, UUID projectId, UUID itemId, int version, UserId by) {
        return jdbc.sql("""
                        update record_item set archived_at = now(), archived_by = :by, published_at = null, published_by = null,
                               version = version + 1, updated_at = now(), updated_by = :by
                        where organisation_id = :org and project_id = :project and id = :id and version = :version and archived_at is null
                        """)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("project", projectId)
                        .param("id", itemId)
                        .param("version", version)
                        .update()
                == 1;
    }

    UUID addConsent(OrganisationId org, UUID itemId, ConsentDraft d, UserId by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into record_consent (id, organisation_id, item_id, given_by, given_how, internal_learning, funder_reports,
                               public_use, valid_until, recorded_by)
                        values (:id, :org, :item, :givenBy, :how, :internal, :funders, :public, :until, :by)
                        """)
                .param("id", id)
                .param("org", org.value())
                .param("item", itemId)
                .param("givenBy", d.givenBy())
                .param("how", d.how().name())
                .param("internal", d.uses().contains(ConsentUse.INTERNAL_LEARNING))
                .param("funders", d.uses().contains(ConsentUse.FUNDER_REPORTS))
                .param("public", d.uses().contains(ConsentUse.PUBLIC))
                .param("until", d.validUntil())
                .param("by", by.value())
                .update();
        return id;
    }

    /**
     * The consents on the item that are a member's own and not withdrawn: the ones they recorded
     * themselves (on the easy-read page), and any recorded for them under their name.
     */
    List<UUID> ownConsents(OrganisationId org, UUID itemId, UserId member, String name) {
        return jdbc.sql("""
                        select id from record_consent
                        where organisation_id = :org and item_id = :item and withdrawn_at is null
                          and (recorded_by = :member or lower(btrim(given_by)) = lower(btrim(:name)))
                        order by recorded_at, id
                        """)
                .param("org", org.value())
                .param("item", itemId)
                .param("member", member.value())
                .param("name", name)
                .query(UUID.class)
                .list();
    }

    boolean withdrawConsent(OrganisationId org, UUID itemId, UUID consentId, UserId by) {
        return jdbc.sql("""
                        update record_consent set withdrawn_at = clock_timestamp(), withdrawn_by = :by
                        where organisation_id = :org and item_id = :item and id = :id and withdrawn_at is null
                        """)
                        .param("by", by.value())
                        .param("org", org.value())
                        .param("item", itemId)
                        .param("id", consentId)
                        .update()
                == 1;
    }

    boolean membersMayAdd(OrganisationId org, UUID projectId) {
        return jdbc.sql("select members_may_add from record_project_setting where organisation_id = :org and project_id = :project")
                .param("org", org.value())
                .param("project", projectId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void setMembersMayAdd(OrganisationId org, UUID projectId, boolean allowed, UserId by) {
        jdbc.sql("""
                        insert into record_project_setting (organisation_id, project_id, members_may_add, updated_by)
                        values (:org, :project, :allowed, :by)
                        on conflict (organisation_id, project_id)
                        do update set members_may_add = :allowed, updated_at = now(), updated_by = :by
                        """)
                .param("org", org.value())
                .param("project", projectId)
                .param("allowed", allowed)
                .param("by", by.value())
                .update();
    }

    /** Every theme used in the organisation, so a new item can pick an existing one. */
    List<String> themesInUse(OrganisationId org) {
        return jdbc.sql("""
                        select distinct t.theme from record_item_theme t join record_item i on i.id = t.item_id
                        where t.organisation_id = :org and i.organisation_id = :org and i.archived_at is null
                        order by t.theme
                        """)
                .param("org", org.value())
                .query(String.class)
                .list();
    }
}
