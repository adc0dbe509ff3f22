package org.coproduction.impact.together;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import org.coproduction.impact.support.TestAudio;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.coproduction.impact.organisation.Erasure;
import org.coproduction.impact.organisation.SubjectAccess;
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

    @Autowired
    SubjectAccess subjectAccess;

    @Autowired
    Erasure erasure;

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
        assertThat(form.select("#face-error").text()).contains("Pick a face, write something or record your voice first");
        assertThat(reflections.reflections(s.facilitator(), s.project()).reflections()).hasSize(1);
    }

    // Spoken reflections

    static byte[] wav() {
        return TestAudio.wav();
    }

    private UUID speak(Setup s, TestData.Person who, byte[] bytes, String filename) throws Exception {
        mvc.perform(multipart(s.base() + "/new").file(new MockMultipartFile("voice", filename, "audio/wav", bytes)).with(data.as(who)).with(csrf())
                        .param("activityId", s.activity().toString()))
                .andExpect(status().is3xxRedirection());
        return reflections.reflections(s.facilitator(), s.project()).reflections().stream().filter(Reflection::spoken).findFirst().orElseThrow()
                .id();
    }

    @Test
    void aMemberSpeaksTheirReflectionInsteadOfTypingAndTheFacilitatorPlaysIt() throws Exception {
        Setup s = setup();
        byte[] wav = wav();
        UUID id = speak(s, s.member(), wav, "Recording 12.wav");

        Reflection r = reflections.own(tenantOf(s, s.member(), Role.MEMBER), s.project(), id);
        assertThat(r.face()).isNull();
        assertThat(r.wentWell()).isNull();
        UUID file = r.voiceMediaId();
        assertThat(file).isNotNull();
        // Stored through the media module: checked by content, and added by the member.
        assertThat(jdbc.sql("select content_type from media_file where id = :id").param("id", file).query(String.class).single())
                .isEqualTo("audio/wav");
        assertThat(jdbc.sql("select uploaded_by from media_file where id = :id").param("id", file).query(UUID.class).single())
                .isEqualTo(s.member().id());

        Document facilitator = page(s.base(), data.as(s.org().person(Role.FACILITATOR)));
        var audio = facilitator.select("#reflection-" + id + " audio[controls]");
        assertThat(audio).hasSize(1);
        assertThat(audio.attr("src")).isEqualTo("/media/" + file);
        byte[] played = mvc.perform(get("/media/" + file).with(data.as(s.org().person(Role.FACILITATOR)))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(played).isEqualTo(wav);
        // The writer plays their own.
        assertThat(page(s.base(), data.as(s.member())).select("#reflection-" + id + " audio[controls]")).hasSize(1);
        mvc.perform(get("/media/" + file).with(data.as(s.member()))).andExpect(status().isOk());
        // Another organisation reaches neither the page nor the file.
        TogetherTestOther other = otherOrganisation();
        mvc.perform(get("/media/" + file).with(data.as(other.admin()))).andExpect(status().isNotFound());
        mvc.perform(get(s.base()).with(data.as(other.admin()))).andExpect(status().isNotFound());
    }

    @Test
    void aSpokenReflectionWithWordsKeepsBothAndAnotherMemberNeverHearsIt() throws Exception {
        Setup s = setup();
        mvc.perform(multipart(s.base() + "/new").file(new MockMultipartFile("voice", "me.wav", "audio/wav", wav())).with(data.as(s.member()))
                        .with(csrf()).param("face", "GOOD").param("wentWell", "Said and typed.").param("uses", "INTERNAL_LEARNING"))
                .andExpect(status().is3xxRedirection());
        Reflection r = reflections.reflections(s.facilitator(), s.project()).reflections().getFirst();
        assertThat(r.wentWell()).isEqualTo("Said and typed.");
        assertThat(r.spoken()).isTrue();
        // Shared for learning, the words are read by the group; the recording stays with the writer and the facilitators.
        Document other = page(s.base(), data.as(s.otherMember()));
        assertThat(other.select("#reflection-" + r.id()).text()).contains("Said and typed.", "This reflection was spoken");
        assertThat(other.select("audio")).isEmpty();
        mvc.perform(get("/media/" + r.voiceMediaId()).with(data.as(s.otherMember()))).andExpect(status().isNotFound());
    }

    @Test
    void aFileThatIsNotASoundRecordingIsRefusedNextToTheFieldAndNothingIsSaved() throws Exception {
        Setup s = setup();
        int filesBefore = jdbc.sql("select count(*) from media_file where project_id = :p").param("p", s.project()).query(Integer.class).single();
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String response = mvc.perform(multipart(s.base() + "/new").file(new MockMultipartFile("voice", "voice.wav", "audio/wav", pdf))
                        .with(data.as(s.member())).with(csrf()).param("wentWell", "Kept while the file is fixed."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document form = Jsoup.parse(response);
        assertThat(form.select("#voice-error").text()).contains("The file must be a sound recording");
        assertThat(form.select("textarea[name=wentWell]").text()).isEqualTo("Kept while the file is fixed.");
        assertThat(reflections.reflections(s.facilitator(), s.project()).reflections()).isEmpty();
        assertThat(jdbc.sql("select count(*) from media_file where project_id = :p").param("p", s.project()).query(Integer.class).single())
                .isEqualTo(filesBefore);

        // An empty file with nothing else: the media module's words, next to the field.
        String empty = mvc.perform(multipart(s.base() + "/new").file(new MockMultipartFile("voice", "voice.wav", "audio/wav", new byte[0]))
                        .with(data.as(s.member())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(empty).select("#voice-error").text()).contains("The file is empty");
    }

    @Test
    void thePersonsOwnRecordingIsInTheirSubjectAccessExportAndGoesWhenTheyAreErased() throws Exception {
        Setup s = setup();
        byte[] wav = wav();
        UUID id = speak(s, s.member(), wav, "voice.wav");
        UUID file = reflections.own(tenantOf(s, s.member(), Role.MEMBER), s.project(), id).voiceMediaId();
        TestData.Person admin = s.org().person(Role.ADMIN);
        Tenant adminTenant = tenantOf(s, admin, Role.ADMIN);
        UUID membership = s.member().membershipId();

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        subjectAccess.write(adminTenant, membership, out);
        boolean found = false;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith("files/" + file)) {
                    assertThat(zip.readAllBytes()).isEqualTo(wav);
                    found = true;
                }
            }
        }
        assertThat(found).isTrue();

        erasure.erase(adminTenant, membership);
        assertThat(jdbc.sql("select count(*) from media_file where id = :id").param("id", file).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from reflection where id = :id").param("id", id).query(Integer.class).single()).isZero();
    }

    private record TogetherTestOther(TestData.Person admin) {}

    private TogetherTestOther otherOrganisation() {
        return new TogetherTestOther(data.organisationWithEveryRole("Elsewhere").person(Role.ADMIN));
    }
}
