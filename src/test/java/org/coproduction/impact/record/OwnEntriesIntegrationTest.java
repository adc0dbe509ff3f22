package org.coproduction.impact.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.media.TestMedia;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.plan.EvidenceCoverageService;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A member changes the words of what they added themselves, changes who may see it, or takes it
 * away; nobody else's entry can be reached that way, and a stale page changes nothing.
 */
@IntegrationTest
class OwnEntriesIntegrationTest {

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
    RecordService records;

    @Autowired
    EvidenceCoverageService coverage;

    @Autowired
    List<CollectedEvidence> collected;

    /** A project with one outcome, its facilitator, a member who may add their own, and a second member. */
    record Setup(TestData.Org org, Tenant facilitator, RequestPostProcessor asFacilitator, UUID project, UUID outcome, TestData.Person member,
            RequestPostProcessor asMember, TestData.Person otherMember) {

        String own() {
            return RecordService.base(project) + "/own";
        }

        String entry(UUID item) {
            return own() + "/" + item;
        }
    }

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Own entries");
        TestData.Person f = org.person(Role.FACILITATOR);
        TestData.Person other = data.person(org.id(), Role.MEMBER, "own-other-" + TestData.suffix());
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id(), other.id())));
        UUID outcome = ((EditResult.Saved) pathways.addOutcome(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.OutcomeDraft("Group members feel confident to speak up", Term.SHORT, true, List.of(), null))).itemId();
        records.setMembersMayAdd(tenant, project, true);
        TestData.Person member = org.person(Role.MEMBER);
        return new Setup(org, tenant, data.as(f), project, outcome, member, data.as(member), other);
    }

    private Tenant tenantOf(Setup s, TestData.Person person, Role role) {
        return new Tenant(new UserId(person.id()), s.org().id(), s.org().name(), role);
    }

    /** The member adds a comment through the page, with consent for the given uses; returns its id. */
    private UUID addComment(Setup s, String words, String... uses) throws Exception {
        var request = post(s.own()).with(s.asMember()).with(csrf()).param("kind", "COMMENT").param("words", words);
        for (String u : uses) {
            request = request.param("uses", u);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
        return records.records(s.facilitator(), s.project()).currentItems().stream().filter(i -> words.equals(i.body())).findFirst()
                .orElseThrow().id();
    }

    private RecordedItem item(Setup s, UUID id) {
        return records.item(s.facilitator(), s.project(), id);
    }

    private Document page(RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<EvidenceItem> reported(Setup s) {
        return collected.stream().flatMap(c -> c.items(s.org().id(), s.project()).stream()).filter(i -> i.source().equals("record")).toList();
    }

    private int audited(UUID entity, String action) {
        return jdbc.sql("select count(*) from audit_event where entity_id = :id and action = :action").param("id", entity.toString()).param("action", action)
                .query(Integer.class).single();
    }

    /** Everything about the item that a change could touch, to prove that nothing changed. */
    private String snapshot(UUID item) {
        return jdbc.sql("""
                        select concat_ws('#',
                            (select concat_ws('|', title, body, version, published_at, archived_at) from record_item where id = :id),
                            (select string_agg(concat_ws('|', id, withdrawn_at, internal_learning, funder_reports, public_use), ',' order by id)
                             from record_consent where item_id = :id),
                            (select count(*) from record_item_change where item_id = :id))
                        """)
                .param("id", item)
                .query(String.class)
                .single();
    }

    @Test
    void aMemberChangesTheirOwnWordsTheOldOnesAreKeptAndASharedEntryIsTakenBackFromSharing() throws Exception {
        Setup s = setup();
        UUID comment = addComment(s, "The new timetable is better.", "INTERNAL_LEARNING", "FUNDER_REPORTS");
        records.retag(s.facilitator(), s.project(), comment, item(s, comment).version(), List.of(s.outcome()), List.of(), List.of("timetable"));
        assertThat(records.publish(s.facilitator(), s.project(), comment, item(s, comment).version(), true)).isInstanceOf(RecordEdit.Saved.class);
        RecordedItem before = item(s, comment);
        assertThat(before.published()).isTrue();

        // "What you added" lists it with its links; the change page warns that a shared entry stops being shared.
        Document own = page(get(s.own()).with(s.asMember()));
        assertThat(own.select("#entry-" + comment + " h3").text()).isEqualTo("The new timetable is better.");
        assertThat(own.select("#entry-" + comment + " a").eachAttr("href")).containsExactly(s.entry(comment) + "/change",
                s.entry(comment) + "/who-sees", s.entry(comment) + "/take-away");
        Document form = page(get(s.entry(comment) + "/change").with(s.asMember()));
        assertThat(form.select("textarea[name=words]").text()).isEqualTo("The new timetable is better.");
        assertThat(form.select("main").text()).contains("If you change it, it is not shared any more");

        mvc.perform(post(s.entry(comment) + "/change").with(s.asMember()).with(csrf())
                        .param("words", "The new timetable is better, but lunch is too early.").param("version", String.valueOf(before.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("notice").toString()).contains("It is not shared any more"));

        RecordedItem after = item(s, comment);
        assertThat(after.body()).isEqualTo("The new timetable is better, but lunch is too early.");
        assertThat(after.title()).isEqualTo("The new timetable is better, but lunch is too early.");
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(after.published()).isFalse();
        assertThat(after.outcomeIds()).containsExactly(s.outcome());
        assertThat(after.themes()).containsExactly("timetable");
        assertThat(after.consents()).isEqualTo(before.consents());
        // The facilitator sees what it said before, who changed it, and the audit names both changes.
        assertThat(records.changes(s.facilitator(), s.project(), comment)).singleElement().satisfies(c -> {
            assertThat(c.wordsBefore()).isEqualTo("The new timetable is better.");
            assertThat(c.changedByName()).isEqualTo(s.member().name());
        });
        assertThat(page(get(RecordService.href(s.project(), comment)).with(s.asFacilitator())).select("#changes ~ ul").text())
                .contains("The new timetable is better.");
        assertThat(audited(comment, "UPDATED")).isEqualTo(1);
        assertThat(audited(comment, "UNPUBLISHED")).isEqualTo(1);
        assertThat(page(get("/published-evidence").with(data.as(s.org().person(Role.VIEWER)))).select(".app-published-item")).isEmpty();

        // An entry that was not shared changes with the plain thank-you.
        UUID diary = addComment(s, "I went swimming.");
        mvc.perform(post(s.entry(diary) + "/change").with(s.asMember()).with(csrf()).param("words", "I went swimming with Sam.")
                        .param("version", String.valueOf(item(s, diary).version())))
                .andExpect(result -> assertThat(result.getFlashMap().get("notice").toString()).isEqualTo("Thank you. Your new words are saved."));
        assertThat(item(s, diary).body()).isEqualTo("I went swimming with Sam.");
    }

    @Test
    void aMemberChangesTheWordsOfTheirOwnPhotoAndItsFileIsNoLongerShared() throws Exception {
        Setup s = setup();
        mvc.perform(multipart(s.own()).file(new MockMultipartFile("photo", "garden.png", "image/png", TestMedia.png(10, 10)))
                        .with(s.asMember()).with(csrf()).param("kind", "PHOTO").param("words", "Our garden").param("uses", "FUNDER_REPORTS"))
                .andExpect(status().is3xxRedirection());
        RecordedItem photo = records.records(s.facilitator(), s.project()).currentItems().getFirst();
        records.publish(s.facilitator(), s.project(), photo.id(), photo.version(), true);
        UUID file = photo.mediaIds().getFirst();
        assertThat(jdbc.sql("select published from media_file where id = :id").param("id", file).query(Boolean.class).single()).isTrue();

        mvc.perform(post(s.entry(photo.id()) + "/change").with(s.asMember()).with(csrf()).param("words", "Our garden in June")
                        .param("version", String.valueOf(item(s, photo.id()).version())))
                .andExpect(status().is3xxRedirection());
        assertThat(item(s, photo.id()).body()).isEqualTo("Our garden in June");
        assertThat(item(s, photo.id()).published()).isFalse();
        assertThat(jdbc.sql("select published from media_file where id = :id").param("id", file).query(Boolean.class).single()).isFalse();
    }

    @Test
    void emptyOrTooLongWordsAreExplainedNextToTheFieldAndChangeNothing() throws Exception {
        Setup s = setup();
        UUID comment = addComment(s, "Lunch was good.", "INTERNAL_LEARNING");
        String before = snapshot(comment);
        int version = item(s, comment).version();

        Document empty = page(post(s.entry(comment) + "/change").with(s.asMember()).with(csrf()).param("words", "   ")
                .param("version", String.valueOf(version)));
        assertThat(empty.select(".govuk-error-summary a").attr("href")).isEqualTo("#words");
        assertThat(empty.select("#words-error").text()).contains("Write something first");
        assertThat(empty.title()).startsWith("Error");

        Document tooLong = page(post(s.entry(comment) + "/change").with(s.asMember()).with(csrf())
                .param("words", "a".repeat(RecordLimits.BODY + 1)).param("version", String.valueOf(version)));
        assertThat(tooLong.select("#words-error").text()).contains("This must be 10,000 characters or fewer");
        assertThat(tooLong.select("textarea[name=words]").text()).hasSize(RecordLimits.BODY + 1);

        Document unknownUse = page(post(s.entry(comment) + "/who-sees").with(s.asMember()).with(csrf()).param("uses", "EVERYWHERE")
                .param("version", String.valueOf(version)));
        assertThat(unknownUse.select("#uses-error").text()).contains("Choose uses from the list");
        assertThat(snapshot(comment)).isEqualTo(before);
    }

    @Test
    void aMemberTakesTheirOwnEntryAwayItLeavesEveryListAndCoverageButFacilitatorsStillSeeIt() throws Exception {
        Setup s = setup();
        UUID comment = addComment(s, "I feel listened to now.", "INTERNAL_LEARNING", "FUNDER_REPORTS");
        records.retag(s.facilitator(), s.project(), comment, item(s, comment).version(), List.of(s.outcome()), List.of(), List.of());
        records.publish(s.facilitator(), s.project(), comment, item(s, comment).version(), true);
        assertThat(reported(s)).extracting(EvidenceItem::id).containsExactly(comment);
        assertThat(coverage.coverage(s.facilitator(), s.project()).outcomes().getFirst().count(EvidenceType.PEOPLES_VOICES)).isEqualTo(1);

        Document confirm = page(get(s.entry(comment) + "/take-away").with(s.asMember()));
        assertThat(confirm.select("h1").text()).isEqualTo("Are you sure?");
        assertThat(confirm.select("main").text()).contains("This takes it away. The group will not see it any more.");
        int version = item(s, comment).version();
        mvc.perform(post(s.entry(comment) + "/take-away").with(s.asMember()).with(csrf()).param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());

        RecordedItem gone = item(s, comment);
        assertThat(gone.archived()).isTrue();
        assertThat(gone.published()).isFalse();
        assertThat(reported(s)).isEmpty();
        assertThat(coverage.coverage(s.facilitator(), s.project()).outcomes().getFirst().count(EvidenceType.PEOPLES_VOICES)).isZero();
        assertThat(records.records(s.facilitator(), s.project()).currentItems()).isEmpty();
        assertThat(audited(comment, "ARCHIVED")).isEqualTo(1);
        // Gone from the member's lists, and from viewers'; the facilitator still reads it, with its consent history.
        assertThat(page(get(s.own()).with(s.asMember())).select(".app-own-entry")).isEmpty();
        assertThat(page(get(RecordService.base(s.project())).with(s.asMember())).select(".app-record-list__item")).isEmpty();
        mvc.perform(get(RecordService.href(s.project(), comment)).with(s.asMember())).andExpect(status().isNotFound());
        assertThat(page(get("/published-evidence").with(data.as(s.org().person(Role.VIEWER)))).select(".app-published-item")).isEmpty();
        Document facilitatorsView = page(get(RecordService.href(s.project(), comment)).with(s.asFacilitator()));
        assertThat(facilitatorsView.select(".govuk-warning-text").text()).contains("This item was removed.");
        assertThat(facilitatorsView.select(".app-consent")).hasSize(1);
        // Taking it away again (or changing it) finds nothing.
        mvc.perform(post(s.entry(comment) + "/take-away").with(s.asMember()).with(csrf()).param("version", String.valueOf(gone.version())))
                .andExpect(status().isNotFound());
        mvc.perform(get(s.entry(comment) + "/change").with(s.asMember())).andExpect(status().isNotFound());
    }

    @Test
    void aMemberChangesWhoMaySeeItTheOldConsentIsWithdrawnAndTheNewOneIsInForce() throws Exception {
        Setup s = setup();
        UUID comment = addComment(s, "The bus was late again.", "INTERNAL_LEARNING", "FUNDER_REPORTS");
        records.publish(s.facilitator(), s.project(), comment, item(s, comment).version(), true);
        Consent first = item(s, comment).consents().getFirst();

        Document form = page(get(s.entry(comment) + "/who-sees").with(s.asMember()));
        assertThat(form.select("input[name=uses][checked]").eachAttr("value")).containsExactlyInAnyOrder("INTERNAL_LEARNING", "FUNDER_REPORTS");

        int version = item(s, comment).version();
        mvc.perform(post(s.entry(comment) + "/who-sees").with(s.asMember()).with(csrf()).param("uses", "INTERNAL_LEARNING")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("notice").toString()).contains("It is not shared any more"));
        RecordedItem after = item(s, comment);
        assertThat(after.version()).isGreaterThan(version);
        assertThat(after.consents()).hasSize(2);
        assertThat(after.consents()).filteredOn(c -> c.id().equals(first.id())).singleElement().satisfies(c -> {
            assertThat(c.withdrawn()).isTrue();
            assertThat(c.withdrawnByName()).isEqualTo(s.member().name());
        });
        assertThat(after.consents()).filteredOn(c -> !c.withdrawn()).singleElement().satisfies(c -> {
            assertThat(c.how()).isEqualTo(ConsentHow.EASY_READ);
            assertThat(c.givenBy()).isEqualTo(s.member().name());
            assertThat(c.uses()).containsExactly(ConsentUse.INTERNAL_LEARNING);
        });
        assertThat(after.consentedUses(RecordService.today())).containsExactly(ConsentUse.INTERNAL_LEARNING);
        assertThat(reported(s).getFirst().mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isFalse();
        // Shared only with consent for funders: no longer, so it is taken back from sharing.
        assertThat(after.published()).isFalse();
        assertThat(audited(first.id(), "CONSENT_WITHDRAWN")).isEqualTo(1);
        assertThat(page(get(s.own()).with(s.asMember())).select("#entry-" + comment).text())
                .contains("Who can see it: The group and staff, to learn from it");

        // Ticking none only withdraws: no use at all, only the facilitator sees it.
        mvc.perform(post(s.entry(comment) + "/who-sees").with(s.asMember()).with(csrf()).param("version", String.valueOf(after.version())))
                .andExpect(status().is3xxRedirection());
        RecordedItem none = item(s, comment);
        assertThat(none.consents()).hasSize(2).allMatch(Consent::withdrawn);
        assertThat(none.consentedUses(RecordService.today())).isEmpty();
        assertThat(reported(s).getFirst().consentedUses()).isEmpty();
        assertThat(page(get(s.own()).with(s.asMember())).select("#entry-" + comment).text()).contains("Who can see it: only the facilitator");

        // A consent someone else gave for the same entry (another person in it) is not the member's to withdraw.
        records.addConsent(s.facilitator(), s.project(), comment, new ConsentDraft("Sam Jones", ConsentHow.WRITTEN,
                EnumSet.of(ConsentUse.INTERNAL_LEARNING), null));
        mvc.perform(post(s.entry(comment) + "/who-sees").with(s.asMember()).with(csrf()).param("uses", "PUBLIC")
                        .param("version", String.valueOf(item(s, comment).version())))
                .andExpect(status().is3xxRedirection());
        assertThat(item(s, comment).consents()).filteredOn(c -> c.givenBy().equals("Sam Jones")).singleElement()
                .satisfies(c -> assertThat(c.withdrawn()).isFalse());
    }

    @Test
    void aStalePageShowsAnErrorAndChangesNothing() throws Exception {
        Setup s = setup();
        UUID comment = addComment(s, "We should meet on Tuesdays.", "INTERNAL_LEARNING");
        int seen = item(s, comment).version();
        // The facilitator tags it meanwhile, which moves its version on.
        records.retag(s.facilitator(), s.project(), comment, seen, List.of(s.outcome()), List.of(), List.of());
        String before = snapshot(comment);

        Document words = page(post(s.entry(comment) + "/change").with(s.asMember()).with(csrf()).param("words", "Tuesdays or Thursdays.")
                .param("version", String.valueOf(seen)));
        assertThat(words.select(".govuk-error-summary a").attr("href")).isEqualTo("#words");
        assertThat(words.select("#words-error").text()).contains("Your new words are not saved yet");
        assertThat(words.select("textarea[name=words]").text()).isEqualTo("Tuesdays or Thursdays.");
        assertThat(words.select("input[name=version]").val()).isEqualTo(String.valueOf(item(s, comment).version()));

        Document uses = page(post(s.entry(comment) + "/who-sees").with(s.asMember()).with(csrf()).param("uses", "PUBLIC")
                .param("version", String.valueOf(seen)));
        assertThat(uses.select("#uses-error").text()).contains("Your choice is not saved yet");

        Document away = page(post(s.entry(comment) + "/take-away").with(s.asMember()).with(csrf()).param("version", String.valueOf(seen)));
        assertThat(away.select(".govuk-error-summary a").attr("href")).isEqualTo("#take-away");
        assertThat(away.select(".govuk-error-summary").text()).contains("Nothing was taken away");

        // No version at all is stale too.
        page(post(s.entry(comment) + "/change").with(s.asMember()).with(csrf()).param("words", "No version"));
        assertThat(snapshot(comment)).isEqualTo(before);
        assertThat(item(s, comment).archived()).isFalse();
    }

    @Test
    void nothingButAMembersOwnCurrentEntryCanBeReachedAndNothingElseChanges() throws Exception {
        Setup s = setup();
        UUID mine = addComment(s, "Mine: the garden needs water.", "INTERNAL_LEARNING");
        // Another member's own entry, in the same project.
        UUID theirs = ((RecordEdit.Saved) records.addOwn(tenantOf(s, s.otherMember(), Role.MEMBER), s.project(), RecordKind.DIARY,
                "Theirs: I planted tomatoes.", EnumSet.of(ConsentUse.INTERNAL_LEARNING))).id();
        // A facilitator's item quoting the member, in their name.
        UUID facilitators = ((RecordEdit.Saved) records.add(s.facilitator(), s.project(), ItemDraft.voice(RecordKind.COMMENT, "", LocalDate.now(),
                null, "Facilitator's note of what the member said.", Speaker.MEMBER, s.member().id(), null, List.of(), List.of(),
                List.of()))).id();
        // The member's own entry that was taken away already.
        UUID archived = addComment(s, "Archived: never mind.");
        records.takeAwayOwn(tenantOf(s, s.member(), Role.MEMBER), s.project(), archived, item(s, archived).version());
        // Another project of the same organisation, where the member also added their own.
        UUID otherProject = projects.create(s.facilitator(), new ProjectService.ProjectDetails("Other " + TestData.suffix(), null, null, null,
                null, s.org().person(Role.FACILITATOR).id(), true, List.of(s.member().id())));
        records.setMembersMayAdd(s.facilitator(), otherProject, true);
        UUID elsewhere = ((RecordEdit.Saved) records.addOwn(tenantOf(s, s.member(), Role.MEMBER), otherProject, RecordKind.COMMENT,
                "Elsewhere: other project.", EnumSet.noneOf(ConsentUse.class))).id();
        // Another organisation with a member's own entry of its own.
        Setup b = setup();
        UUID foreign = addComment(b, "Foreign: organisation B.", "INTERNAL_LEARNING");

        List<UUID> all = List.of(mine, theirs, facilitators, archived, elsewhere);
        List<String> before = all.stream().map(this::snapshot).toList();
        String foreignBefore = snapshot(foreign);

        // In this project's addresses: the other member's, the facilitator's, the archived one, the other project's, B's.
        for (UUID notTheirs : List.of(theirs, facilitators, archived, elsewhere, foreign)) {
            String at = s.own() + "/" + notTheirs;
            for (String page : List.of("/change", "/who-sees", "/take-away")) {
                mvc.perform(get(at + page).with(s.asMember())).andExpect(status().isNotFound());
            }
            mvc.perform(post(at + "/change").with(s.asMember()).with(csrf()).param("words", "Changed by someone else").param("version", "0"))
                    .andExpect(status().isNotFound());
            for (int v = 0; v < 4; v++) {
                mvc.perform(post(at + "/who-sees").with(s.asMember()).with(csrf()).param("version", String.valueOf(v)))
                        .andExpect(status().isNotFound());
                mvc.perform(post(at + "/take-away").with(s.asMember()).with(csrf()).param("version", String.valueOf(v)))
                        .andExpect(status().isNotFound());
            }
        }
        // B's own entry by B's own project address, as A's member; and A's member's entry under B's project.
        mvc.perform(post(b.entry(foreign) + "/take-away").with(s.asMember()).with(csrf()).param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(post(b.own() + "/" + mine + "/take-away").with(s.asMember()).with(csrf()).param("version", "0"))
                .andExpect(status().isNotFound());
        // The member's own entry by the other member, and by the facilitator (whose place is the facilitators' pages).
        mvc.perform(post(s.entry(mine) + "/take-away").with(data.as(s.otherMember())).with(csrf())
                .param("version", String.valueOf(item(s, mine).version()))).andExpect(status().isNotFound());
        mvc.perform(post(s.entry(mine) + "/change").with(s.asFacilitator()).with(csrf()).param("words", "Facilitator rewrites it")
                .param("version", String.valueOf(item(s, mine).version()))).andExpect(status().isForbidden());

        assertThat(all.stream().map(this::snapshot).toList()).isEqualTo(before);
        assertThat(snapshot(foreign)).isEqualTo(foreignBefore);
        // "What you added" lists only the member's own current entry of this project.
        assertThat(page(get(s.own()).with(s.asMember())).select(".app-own-entry h3").eachText()).containsExactly("Mine: the garden needs water.");
        // And the service says the same, whoever calls it.
        assertThat(records.ownEntries(tenantOf(s, s.member(), Role.MEMBER), s.project())).extracting(RecordedItem::id).containsExactly(mine);
        assertThat(records.ownEntries(s.facilitator(), s.project())).isEmpty();
    }
}
