package org.coproduction.impact.involvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.involvement.InvolvementService.Outcome;
import org.coproduction.impact.involvement.InvolvementService.ReciprocityDraft;
import org.coproduction.impact.organisation.Erasure;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Changing and removing reciprocity entries on the real database: a change keeps the entry as it was
 * in its history with who and when, a change from an old page changes nothing, a removal takes the
 * entry out of the list and its figures while keeping it, its history and an audit entry; only
 * ADMINs and FACILITATORs of the organisation reach any of it.
 */
@IntegrationTest
class ReciprocityIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectService projects;

    @Autowired
    InvolvementService involvement;

    @Autowired
    Erasure erasure;

    TestData.Org org;
    TestData.Person facilitator;
    TestData.Person member;
    Tenant asFacilitator;
    UUID project;

    @BeforeEach
    void setUp() {
        org = data.organisationWithEveryRole("Reciprocity changes");
        facilitator = org.person(Role.FACILITATOR);
        member = org.person(Role.MEMBER);
        asFacilitator = new Tenant(new UserId(facilitator.id()), org.id(), org.name(), Role.FACILITATOR);
        project = projects.create(asFacilitator, new ProjectService.ProjectDetails("Steering group " + TestData.suffix(), null, null, null, null,
                facilitator.id(), true, List.of(member.id())));
    }

    private UUID payment(long pence) {
        involvement.record(asFacilitator, project, new ReciprocityDraft(member.id(), ReciprocityKind.PAYMENT, "Steering group", pence,
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16), true));
        return involvement.reciprocity(asFacilitator, project).entries().getFirst().id();
    }

    private String path(UUID entry, String action) {
        return "/projects/" + project + "/reciprocity/" + entry + "/" + action;
    }

    @Test
    void aChangeKeepsTheEntryAsItWasAndTheFiguresFollowIt() throws Exception {
        UUID entry = payment(2500);

        mvc.perform(post(path(entry, "change")).with(data.as(facilitator)).with(csrf()).param("version", "0")
                        .param("person", member.id().toString()).param("kind", "PAYMENT").param("description", "Steering group")
                        .param("amount", "30").param("offeredDay", "2").param("offeredMonth", "3").param("offeredYear", "2026")
                        .param("givenDay", "20").param("givenMonth", "3").param("givenYear", "2026").param("advice", "true"))
                .andExpect(status().is3xxRedirection());

        Reciprocity ledger = involvement.reciprocity(asFacilitator, project);
        assertThat(ledger.entries()).singleElement().satisfies(e -> {
            assertThat(e.amountPence()).isEqualTo(3000L);
            assertThat(e.days()).isEqualTo(18L);
            assertThat(e.version()).isEqualTo(1);
        });
        assertThat(ledger.summary().moneyGivenPence()).isEqualTo(3000L);
        List<Reciprocity.Change> history = involvement.history(asFacilitator, project, entry);
        assertThat(history).singleElement().satisfies(c -> {
            assertThat(c.removed()).isFalse();
            assertThat(c.changedByName()).isEqualTo(facilitator.name());
            assertThat(c.before().amountPence()).isEqualTo(2500L);
            assertThat(c.before().givenOn()).isEqualTo(LocalDate.of(2026, 3, 16));
        });
        Document page = page(path(entry, "change"));
        assertThat(page.select("#history-table tbody tr")).hasSize(1);
        assertThat(page.select("#history-table").text()).contains("£25.00", "16 March 2026", facilitator.name());
        assertThat(page.select("input[name=version]").val()).isEqualTo("1");
        assertThat(page.select("#amount").val()).isEqualTo("30.00");
        assertThat(audits("CHANGED")).isEqualTo(1);
    }

    @Test
    void aChangeFromAnOldPageOrWithBadInputChangesNothing() throws Exception {
        UUID entry = payment(2500);
        assertThat(involvement.change(asFacilitator, project, entry, 0, new ReciprocityDraft(member.id(), ReciprocityKind.VOUCHER, null, 1000L,
                LocalDate.of(2026, 3, 2), null, false))).isEqualTo(Outcome.DONE);

        // Someone who opened the page before that change sends theirs: refused beside the form, nothing changed.
        String response = mvc.perform(post(path(entry, "change")).with(data.as(facilitator)).with(csrf()).param("version", "0")
                        .param("person", member.id().toString()).param("kind", "PAYMENT").param("amount", "99")
                        .param("offeredDay", "2").param("offeredMonth", "3").param("offeredYear", "2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(response).select(".govuk-error-summary").text()).contains("Someone else changed this entry while you were looking");
        // A date given before it was offered: the message is beside the field.
        String refused = mvc.perform(post(path(entry, "change")).with(data.as(facilitator)).with(csrf()).param("version", "1")
                        .param("person", member.id().toString()).param("kind", "PAYMENT").param("amount", "99")
                        .param("offeredDay", "2").param("offeredMonth", "3").param("offeredYear", "2026")
                        .param("givenDay", "1").param("givenMonth", "3").param("givenYear", "2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(refused).select("#given-error").text()).contains("on or after the date it was offered");
        // Someone not taking part in the project.
        TestData.Person outsider = data.person(org.id(), Role.MEMBER, "outsider-" + TestData.suffix());
        assertThat(involvement.change(asFacilitator, project, entry, 1, new ReciprocityDraft(outsider.id(), ReciprocityKind.VOUCHER, null, 1000L,
                LocalDate.of(2026, 3, 2), null, false))).isEqualTo(Outcome.NOT_INVOLVED);

        Reciprocity.Entry now = involvement.entry(asFacilitator, project, entry);
        assertThat(now.kind()).isEqualTo(ReciprocityKind.VOUCHER);
        assertThat(now.amountPence()).isEqualTo(1000L);
        assertThat(now.version()).isEqualTo(1);
        assertThat(involvement.history(asFacilitator, project, entry)).hasSize(1);
    }

    @Test
    void aRemovedEntryLeavesTheListAndItsFiguresButItAndItsHistoryAreKept() throws Exception {
        UUID kept = payment(2500);
        involvement.record(asFacilitator, project, new ReciprocityDraft(member.id(), ReciprocityKind.CERTIFICATE, null, null,
                LocalDate.of(2026, 3, 5), null, false));
        UUID mistake = involvement.reciprocity(asFacilitator, project).entries().stream()
                .filter(e -> e.kind() == ReciprocityKind.CERTIFICATE).findFirst().orElseThrow().id();
        assertThat(involvement.reciprocity(asFacilitator, project).summary().waiting()).isEqualTo(1);

        Document confirm = page(path(mistake, "remove"));
        assertThat(confirm.select("h1").text()).isEqualTo("Remove this entry for " + member.name() + "?");
        mvc.perform(post(path(mistake, "remove")).with(data.as(facilitator)).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        // Sent twice (a double click): the second finds it gone and changes nothing more.
        int again = mvc.perform(post(path(mistake, "remove")).with(data.as(facilitator)).with(csrf()).param("version", "0"))
                .andReturn().getResponse().getStatus();
        assertThat(again).isEqualTo(404);

        Reciprocity ledger = involvement.reciprocity(asFacilitator, project);
        assertThat(ledger.entries()).extracting(Reciprocity.Entry::id).containsExactly(kept);
        assertThat(ledger.summary().waiting()).isZero();
        assertThat(ledger.summary().entries()).isEqualTo(1);
        assertThat(jdbc.sql("select removed_by from reciprocity_entry where id = :id").param("id", mistake).query(UUID.class).single())
                .isEqualTo(facilitator.id());
        assertThat(jdbc.sql("select count(*) from reciprocity_entry_change where entry_id = :id and action = 'REMOVED'").param("id", mistake)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(audits("REMOVED")).isEqualTo(1);
        assertThatThrownBy(() -> involvement.entry(asFacilitator, project, mistake)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyStaffOfTheOrganisationReachItAndErasureTakesTheHistoryToo() throws Exception {
        UUID entry = payment(2500);
        for (Role role : List.of(Role.MEMBER, Role.VIEWER)) {
            assertThat(mvc.perform(get(path(entry, "change")).with(data.as(org.person(role)))).andReturn().getResponse().getStatus())
                    .as(role.name()).isEqualTo(403);
            assertThat(mvc.perform(post(path(entry, "remove")).with(data.as(org.person(role))).with(csrf()).param("version", "0"))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
        TestData.Org other = data.organisationWithEveryRole("Reciprocity other");
        assertThat(mvc.perform(get(path(entry, "change")).with(data.as(other.admin()))).andReturn().getResponse().getStatus()).isIn(403, 404);
        assertThat(mvc.perform(post(path(entry, "remove")).with(data.as(other.admin())).with(csrf()).param("version", "0"))
                .andReturn().getResponse().getStatus()).isIn(403, 404);
        assertThat(involvement.entry(asFacilitator, project, entry).version()).isZero();

        involvement.change(asFacilitator, project, entry, 0, new ReciprocityDraft(member.id(), ReciprocityKind.PAYMENT, null, 3000L,
                LocalDate.of(2026, 3, 2), null, true));
        Tenant admin = new Tenant(new UserId(org.admin().id()), org.id(), org.name(), Role.ADMIN);
        erasure.erase(admin, member.membershipId());
        assertThat(jdbc.sql("select count(*) from reciprocity_entry_change where entry_id = :id").param("id", entry).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from reciprocity_entry where id = :id").param("id", entry).query(Integer.class).single()).isZero();
    }

    private int audits(String action) {
        return jdbc.sql("select count(*) from audit_event where organisation_id = :org and action = :action and entity_type = 'reciprocity_entry'")
                .param("org", org.id().value()).param("action", action).query(Integer.class).single();
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(data.as(facilitator))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
