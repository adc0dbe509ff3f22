package org.coproduction.impact.together;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Reflections through the pages, on the real database: the writer's consent decides which other
 * members read a reflection and which uses count it as evidence, at the moment it is shown; viewers
 * and other organisations see none of it; every change is audited.
 */
@IntegrationTest
class ReflectionIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    ReflectionService reflections;

    @Autowired
    List<CollectedEvidence> collected;

    record Setup(TestData.Org org, Tenant facilitator, UUID project, UUID outcome, UUID activity, TestData.Person member,
            TestData.Person otherMember) {

        String base() {
            return ReflectionService.base(project);
        }
    }

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Reflections");
        TestData.Person f = org.person(Role.FACILITATOR);
        TestData.Person other = data.person(org.id(), Role.MEMBER, "reflect-other-" + TestData.suffix());
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id(), other.id())));
        UUID outcome = ((EditResult.Saved) pathways.addOutcome(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.OutcomeDraft("Group members feel confident to speak up", Term.SHORT, true, List.of(), null))).itemId();
        UUID activity = ((EditResult.Saved) pathways.addActivity(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.ActivityDraft("Monthly group meeting", ActivityKind.MEETING, null, List.of(outcome)))).itemId();
        return new Setup(org, tenant, project, outcome, activity, org.person(Role.MEMBER), other);
    }

    private static Tenant tenantOf(Setup s, TestData.Person p, Role role) {
        return new Tenant(new UserId(p.id()), s.org().id(), s.org().name(), role);
    }

    /** The member reflects through the page, after the meeting, with consent for the given uses; returns its id. */
    private UUID reflect(Setup s, TestData.Person who, String wentWell, String... uses) throws Exception {
        var request = post(s.base() + "/new").with(data.as(who)).with(csrf())
                .param("activityId", s.activity().toString())
                .param("face", "MIXED")
                .param("wentWell", wentWell)
                .param("notWell", "The room was too hot.")
                .param("wouldChange", "Meet online in the summer")
                .param("outcomeIds", s.outcome().toString())
                .param("themes", "Meeting online, room ,meeting  ONLINE");
        for (String u : uses) {
            request = request.param("uses", u);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        return reflections.reflections(s.facilitator(), s.project()).reflections().stream().filter(r -> wentWell.equals(r.wentWell())).findFirst()
                .orElseThrow().id();
    }

    private Document page(String url, RequestPostProcessor who) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<EvidenceItem> evidence(Setup s) {
        return collected.stream().flatMap(c -> c.items(s.org().id(), s.project()).stream()).filter(i -> i.source().equals("together")).toList();
    }

    private int audited(UUID entity, String action) {
        return jdbc.sql("select count(*) from audit_event where entity_id = :id and action = :action").param("id", entity.toString())
                .param("action", action).query(Integer.class).single();
    }

    @Test
    void aReflectionIsSavedWithItsTagsAndCountsAsPeoplesVoicesOnlyForTheUsesItsWriterAgreed() throws Exception {
        Setup s = setup();
        UUID id = reflect(s, s.member(), "Everyone had a turn to speak.", "INTERNAL_LEARNING");

        Reflection r = reflections.own(tenantOf(s, s.member(), Role.MEMBER), s.project(), id);
        assertThat(r.face()).isEqualTo(Face.MIXED);
        assertThat(r.activityId()).isEqualTo(s.activity());
        assertThat(r.outcomeIds()).containsExactly(s.outcome());
        assertThat(r.themes()).containsExactly("meeting online", "room");
        assertThat(r.byMember()).isTrue();
        assertThat(r.uses()).containsExactly(ConsentUse.INTERNAL_LEARNING);

        EvidenceItem item = evidence(s).getFirst();
        assertThat(item.type()).isEqualTo(EvidenceType.PEOPLES_VOICES);
        assertThat(item.showsAPerson()).isTrue();
        assertThat(item.outcomeIds()).containsExactly(s.outcome());
        assertThat(item.mayBeUsedFor(ConsentUse.INTERNAL_LEARNING)).isTrue();
        assertThat(item.mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isFalse();
        assertThat(audited(id, "CREATED")).isEqualTo(1);
    }

    @Test
    void otherMembersReadAReflectionOnlyWhileItsWriterSharesItForLearningAndTheFacilitatorAlwaysReadsIt() throws Exception {
        Setup s = setup();
        UUID privateOne = reflect(s, s.member(), "Kept to myself.");
        UUID shared = reflect(s, s.member(), "Shared with the group.", "INTERNAL_LEARNING");

        Document other = page(s.base(), data.as(s.otherMember()));
        assertThat(other.select("#reflection-" + shared)).hasSize(1);
        assertThat(other.select("#reflection-" + privateOne)).isEmpty();
        assertThat(other.text()).doesNotContain("Kept to myself.").contains("1 more reflection is not shown");
        // Other members read the words, not who wrote them.
        assertThat(other.select("#reflection-" + shared).text()).doesNotContain(s.member().name());

        Document facilitator = page(s.base(), data.as(s.org().person(Role.FACILITATOR)));
        assertThat(facilitator.text()).contains("Kept to myself.", "Shared with the group.", s.member().name());
        assertThat(facilitator.select("#not-shared")).isEmpty();

        // The writer withdraws: at once the other member no longer reads it, and it counts for no use.
        Reflection r = reflections.own(tenantOf(s, s.member(), Role.MEMBER), s.project(), shared);
        mvc.perform(post(s.base() + "/" + shared + "/who-sees").with(data.as(s.member())).with(csrf()).param("version", String.valueOf(r.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(page(s.base(), data.as(s.otherMember())).text()).doesNotContain("Shared with the group.");
        assertThat(evidence(s)).allSatisfy(i -> assertThat(Set.of(ConsentUse.values())).noneMatch(i::mayBeUsedFor));
        assertThat(audited(shared, "CONSENT_WITHDRAWN")).isEqualTo(1);
        // The history keeps what was agreed and when it was taken back.
        assertThat(jdbc.sql("select count(*) from reflection_consent where reflection_id = :id and withdrawn_at is not null").param("id", shared)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheWriterChangesWhoSeesItOrTakesItAwayAndAStalePageChangesNothing() throws Exception {
        Setup s = setup();
        UUID id = reflect(s, s.member(), "Mine to change.", "INTERNAL_LEARNING");
        int version = reflections.own(tenantOf(s, s.member(), Role.MEMBER), s.project(), id).version();

        // Nobody else, not even the facilitator, reaches the writer's own pages.
        mvc.perform(get(s.base() + "/" + id + "/who-sees").with(data.as(s.otherMember()))).andExpect(status().isNotFound());
        mvc.perform(post(s.base() + "/" + id + "/take-away").with(data.as(s.org().person(Role.FACILITATOR))).with(csrf())
                .param("version", String.valueOf(version))).andExpect(status().isNotFound());

        // A stale page: nothing changes.
        mvc.perform(post(s.base() + "/" + id + "/who-sees").with(data.as(s.member())).with(csrf()).param("version", String.valueOf(version - 1))
                .param("uses", "PUBLIC")).andExpect(status().isOk());
        assertThat(reflections.own(tenantOf(s, s.member(), Role.MEMBER), s.project(), id).uses()).containsExactly(ConsentUse.INTERNAL_LEARNING);

        mvc.perform(post(s.base() + "/" + id + "/who-sees").with(data.as(s.member())).with(csrf()).param("version", String.valueOf(version))
                .param("uses", "INTERNAL_LEARNING").param("uses", "FUNDER_REPORTS")).andExpect(status().is3xxRedirection());
        Reflection changed = reflections.own(tenantOf(s, s.member(), Role.MEMBER), s.project(), id);
        assertThat(changed.uses()).isEqualTo(EnumSet.of(ConsentUse.INTERNAL_LEARNING, ConsentUse.FUNDER_REPORTS));
        assertThat(evidence(s).getFirst().mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isTrue();
        assertThat(audited(id, "CONSENT_CHANGED")).isEqualTo(1);

        mvc.perform(post(s.base() + "/" + id + "/take-away").with(data.as(s.member())).with(csrf()).param("version", String.valueOf(changed.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(reflections.reflections(s.facilitator(), s.project()).reflections()).isEmpty();
        assertThat(evidence(s)).isEmpty();
        assertThat(audited(id, "ARCHIVED")).isEqualTo(1);
    }

    @Test
    void aViewerAndAnotherOrganisationSeeNoneOfItAndAnEmptyReflectionIsExplainedNextToTheFaces() throws Exception {
        Setup s = setup();
        UUID id = reflect(s, s.member(), "Not for viewers.", "INTERNAL_LEARNING", "FUNDER_REPORTS", "PUBLIC");
        mvc.perform(get(s.base()).with(data.as(s.org().person(Role.VIEWER)))).andExpect(status().isForbidden());
        TestData.Org b = data.organisationWithEveryRole("Other reflections");
        var asB = mvc.perform(get(s.base()).with(data.as(b.admin()))).andReturn().getResponse();
        assertThat(asB.getStatus()).isEqualTo(404);
        assertThat(asB.getContentAsString()).doesNotContain("Not for viewers.");
        mvc.perform(post(s.base() + "/new").with(data.as(b.admin())).with(csrf()).param("face", "GOOD")).andExpect(status().isNotFound());
        assertThat(reflections.reflections(s.facilitator(), s.project()).reflections()).extracting(Reflection::id).containsExactly(id);

        // Neither a face nor words: the page comes back with the message next to the faces, and nothing is saved.
        var response = mvc.perform(post(s.base() + "/new").with(data.as(s.member())).with(csrf()).param("wentWell", "  "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document form = Jsoup.parse(response);
        assertThat(form.select("#face-error").text()).contains("Pick a face or write something first");
        assertThat(reflections.reflections(s.facilitator(), s.project()).reflections()).hasSize(1);
    }
}
