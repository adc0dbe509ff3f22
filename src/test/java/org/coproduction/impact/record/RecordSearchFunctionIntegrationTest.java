package org.coproduction.impact.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
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

/**
 * The recorded-items search function of V0081 ({@code record_item_search}), called directly: it runs as
 * its owner so the GIN indexes of V0061 can be used despite row-level security, so it must keep the
 * second wall itself. It sees only the organisation of the connection's setting, whatever words it is
 * given, nothing at all without one, never more than 51 rows, and only the application may call it.
 * Its plan, called as the application's role, uses the GIN indexes.
 */
@IntegrationTest
class RecordSearchFunctionIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    RecordService records;

    /** A made-up word of letters only, found in this test's data and nowhere else. */
    static String word(String start) {
        StringBuilder w = new StringBuilder(start);
        for (char c : TestData.suffix().toCharArray()) {
            w.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return w.toString();
    }

    record Setup(TestData.Org org, UUID project, UUID item) {}

    Setup organisationWithItem(String label, String word) {
        TestData.Org org = data.organisationWithEveryRole(label);
        Tenant admin = new Tenant(new UserId(org.admin().id()), org.id(), org.name(), Role.ADMIN);
        UUID project = projects.create(admin, new ProjectService.ProjectDetails(label + " walking group", null,
                null, null, null, org.admin().id(), false, List.of()));
        UUID item = ((RecordEdit.Saved) records.add(admin, project, ItemDraft.voice(RecordKind.COMMENT, label + " notes", LocalDate.now(), null,
                "We talked about the " + word + " by the river", Speaker.ANONYMOUS, null, null, List.of(), List.of(), List.of()))).id();
        return new Setup(org, project, item);
    }

    List<String> titles(String q, int limit) {
        return jdbc.sql("select title from record_item_search(:q, :limit)").param("q", q).param("limit", limit)
                .query(String.class).list();
    }

    /** Copies the item {@code count} times (as the superuser, outside any organisation), each with a title of its own. */
    void copies(UUID item, int count) {
        jdbc.sql("""
                insert into record_item (id, organisation_id, project_id, kind, title, happened_on, body, speaker, created_by)
                select gen_random_uuid(), organisation_id, project_id, kind, title || ' copy ' || n, happened_on, body, speaker, created_by
                from record_item, generate_series(1, :count) n where id = :item
                """).param("item", item).param("count", count).update();
    }

    @Test
    void seesOnlyTheOrganisationOfTheConnectionWhateverTheWordsAndNothingWithoutOne() {
        String wordA = word("zqa");
        String wordB = word("zqb");
        Setup a = organisationWithItem("Search wall A", wordA);
        Setup b = organisationWithItem("Search wall B", wordB);

        // Within A: its own words find its item; B's words, even asked for directly, find nothing.
        OrganisationScope.within(a.org().id(), () -> {
            assertThat(titles(wordA, 51)).containsExactly("Search wall A notes");
            assertThat(titles(wordB, 51)).isEmpty();
            assertThat(titles(wordA + " or " + wordB, 51)).containsExactly("Search wall A notes");
            // The whole output, not only what the service's query keeps: every row is A's.
            assertThat(jdbc.sql("select distinct organisation_id from record_item_search('river', 51)").query(UUID.class).list())
                    .containsExactly(a.org().id().value());
            return null;
        });
        OrganisationScope.within(b.org().id(), () -> {
            assertThat(titles(wordA, 51)).isEmpty();
            assertThat(titles(wordB, 51)).containsExactly("Search wall B notes");
            return null;
        });
        // No organisation set (the superuser's own connection, which row-level security would let see
        // everything): the function returns nothing at all.
        assertThat(OrganisationScope.current()).isEmpty();
        assertThat(titles(wordA, 51)).isEmpty();
        assertThat(titles(wordB, 51)).isEmpty();
        assertThat(titles("river", 51)).isEmpty();
        // An organisation that does not exist (what public pages of an unknown link are scoped to): nothing.
        assertThat(OrganisationScope.within(OrganisationScope.NONE, () -> titles(wordA, 51))).isEmpty();
    }

    @Test
    void leavesOutRemovedItemsAndNeverReturnsMoreThanFiftyOneRows() {
        String w = word("zqc");
        Setup a = organisationWithItem("Search limit", w);
        copies(a.item(), 60);
        OrganisationScope.within(a.org().id(), () -> {
            assertThat(titles(w, 1000)).hasSize(51);
            assertThat(titles(w, 10)).hasSize(10);
            assertThat(titles(w, -1)).isEmpty();
            jdbc.sql("update record_item set archived_at = now() where id = :id").param("id", a.item()).update();
            assertThat(titles(w, 1000)).hasSize(51).doesNotContain("Search limit notes");
            return null;
        });
    }

    /**
     * Only the newest 1,000 matches are ranked (V0082), so a common word costs the same however large
     * the organisation: an older item that would rank first is shown once fewer than 1,000 newer ones match.
     */
    @Test
    void ranksTheNewestThousandMatchesOnly() {
        String w = word("zqd");
        Setup a = organisationWithItem("Search newest", w);
        copies(a.item(), 1000);
        jdbc.sql("""
                insert into record_item (id, organisation_id, project_id, kind, title, happened_on, body, speaker, created_by)
                select gen_random_uuid(), organisation_id, project_id, kind, 'Old favourite', happened_on - 365,
                       body || ' ' || :w || ' and ' || :w || ' again', speaker, created_by
                from record_item where id = :item
                """).param("w", w).param("item", a.item()).update();
        OrganisationScope.within(a.org().id(), () -> {
            assertThat(titles(w, 51)).hasSize(51).doesNotContain("Old favourite");
            jdbc.sql("update record_item set archived_at = now() where organisation_id = :org and title like 'Search newest notes copy 1_'")
                    .param("org", a.org().id().value()).update();
            // 1,001 newer matches less ten archived: the old item is among the newest 1,000, and its words rank it first.
            assertThat(titles(w, 51)).hasSize(51).first().isEqualTo("Old favourite");
            return null;
        });
    }

    @Test
    void isASecurityDefinerWithAFixedSearchPathThatOnlyTheApplicationMayCall() {
        String signature = "record_item_search(text, integer)";
        assertThat(jdbc.sql("select prosecdef from pg_proc where oid = cast(:f as regprocedure)").param("f", signature)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select array_to_string(proconfig, ',') from pg_proc where oid = cast(:f as regprocedure)").param("f", signature)
                .query(String.class).single()).startsWith("search_path=pg_catalog, ").endsWith(", pg_temp");
        // Not granted to PUBLIC (grantee 0), granted to the application's plain role.
        assertThat(jdbc.sql("select count(*) from pg_proc, aclexplode(proacl) a where oid = cast(:f as regprocedure) and a.grantee = 0")
                .param("f", signature).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select has_function_privilege('coproduction_app', cast(:f as regprocedure), 'execute')").param("f", signature)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void calledAsTheApplicationsRoleItsPlanUsesTheGinIndexes() throws SQLException {
        String w = word("zqd");
        Setup a = organisationWithItem("Search plan", w);
        copies(a.item(), 3000);
        jdbc.sql("update record_item set body = 'Plain words ' || title where organisation_id = :org and id <> :id")
                .param("org", a.org().id().value()).param("id", a.item()).update();
        jdbc.sql("analyze record_item").update();

        // A connection of the service outside any organisation is the superuser's; it is switched to the
        // application's role and told the organisation exactly as ScopedDataSource does for a page, with
        // auto_explain (loaded first: only a superuser may) reporting the plan of the statement inside.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try {
                s.execute("load 'auto_explain'");
                s.execute("set auto_explain.log_min_duration = 0");
                s.execute("set auto_explain.log_nested_statements = on");
                s.execute("set auto_explain.log_level = notice");
                s.execute("set client_min_messages = notice");
                // The shared test database holds every test's rows, so its statistics are not one real
                // organisation's and may make a nested loop through the item's project look cheapest;
                // with nested loops off, what is checked is only whether the text match can be an index
                // condition at all, which the policy forbids and the function allows.
                s.execute("set enable_nestloop = off");
                s.execute("set role coproduction_app; select set_config('app.organisation_id', '" + a.org().id().value() + "', false)");
                try (var r = s.executeQuery("select current_user")) {
                    r.next();
                    assertThat(r.getString(1)).isEqualTo("coproduction_app");
                }

                s.clearWarnings();
                s.executeQuery("select title from record_item_search('" + w + "', 51)").close();
                String plan = warnings(s);
                assertThat(plan).contains("record_item_search_english").contains("record_item_search_simple");

                // Why the function exists: the same match written as a plain query under the policy does
                // not use them (the text match is not leakproof).
                s.clearWarnings();
                s.executeQuery("select title from record_item where organisation_id = '" + a.org().id().value() + "' and to_tsvector('english', "
                        + "title || ' ' || coalesce(body, '') || ' ' || coalesce(situation, '') || ' ' || coalesce(what_happened, '') || ' '"
                        + " || coalesce(what_changed, '') || ' ' || coalesce(own_words, '')) @@ websearch_to_tsquery('english', '" + w + "')").close();
                assertThat(warnings(s)).contains("record_item").doesNotContain("record_item_search_english");
            } finally {
                s.execute("reset role; select set_config('app.organisation_id', '', false)");
                s.execute("reset auto_explain.log_min_duration; reset auto_explain.log_nested_statements; reset auto_explain.log_level;"
                        + " reset client_min_messages; reset enable_nestloop");
            }
        }
    }

    private static String warnings(Statement s) throws SQLException {
        StringBuilder all = new StringBuilder();
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
            all.append(w.getMessage()).append('\n');
        }
        return all.toString();
    }
}
