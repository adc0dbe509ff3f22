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
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.CollectedEvidence;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.media.MediaKind;
import org.coproduction.impact.media.MediaService;
import org.coproduction.impact.media.TestMedia;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.plan.PlanEdit;
import org.coproduction.impact.plan.PlanRowDraft;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class RecordIntegrationTest {

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
    PlanService plans;

    @Autowired
    EvidenceService evidence;

    @Autowired
    RecordService records;

    @Autowired
    List<CollectedEvidence> collected;

    @Autowired
    MediaService media;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /** An organisation with a day-centre project (two outcomes, a pathway activity, a plan row), its facilitator and two members. */
    record Setup(TestData.Org org, Tenant facilitator, RequestPostProcessor asFacilitator, UUID project, UUID confidence, UUID steering,
            UUID pathwayActivity, UUID planRow, TestData.Person member, TestData.Person otherMember) {

        String base() {
            return RecordService.base(project);
        }
    }

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Record");
        TestData.Person f = org.person(Role.FACILITATOR);
        TestData.Person other = data.person(org.id(), Role.MEMBER, "other-member-" + TestData.suffix());
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id(), other.id())));
        UUID confidence = outcome(tenant, project, "Group members feel confident to speak up");
        UUID steering = outcome(tenant, project, "A steering group is formed");
        pathways.addActivity(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.ActivityDraft("Monthly steering group meetings", ActivityKind.MEETING, null, List.of(steering)));
        UUID activity = pathways.pathway(tenant, project).currentActivities().getFirst().id();
        UUID row = ((PlanEdit.Saved) plans.addRow(tenant, project, confidence, new PlanRowDraft(EvidenceType.PEOPLES_VOICES,
                "What members say about speaking up", List.of(evidence.currentWayFromSeed(tenant, "informal-comments").orElseThrow().id()),
                "Members say they feel heard", null, null, null, null, null, null))).rowId();
        return new Setup(org, tenant, data.as(f), project, confidence, steering, activity, row, org.person(Role.MEMBER), other);
    }

    private UUID outcome(Tenant tenant, UUID project, String title) {
        EditResult r = pathways.addOutcome(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.OutcomeDraft(title, Term.SHORT, true, List.of(), null));
        return ((EditResult.Saved) r).itemId();
    }

    private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<EvidenceItem> reported(Setup s) {
        return collected.stream().flatMap(c -> c.items(s.org().id(), s.project()).stream()).filter(i -> i.source().equals("record")).toList();
    }

    private EvidenceItem reported(Setup s, UUID id) {
        return reported(s).stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private UUID caseStudy(Setup s, Speaker speaker, String name) {
        return ((RecordEdit.Saved) records.add(s.facilitator(), s.project(), ItemDraft.caseStudy("Sam’s first meeting", LocalDate.now().minusDays(3),
                speaker, null, name, "Sam did not go out much.", "Sam joined the steering group.", "Sam chairs the meeting now.",
                "I feel listened to.", List.of(s.confidence()), List.of(), List.of("confidence")))).id();
    }

    private int itemCount(Setup s) {
        return jdbc.sql("select count(*) from record_item where project_id = :p").param("p", s.project()).query(Integer.class).single();
    }

    @Test
    void consentDecidesEachUseAndWithdrawalOrExpiryTakesEffectAtOnce() throws Exception {
        Setup s = setup();
        UUID story = caseStudy(s, Speaker.NAMED, "Sam Jones");

        assertThat(reported(s, story).showsAPerson()).isTrue();
        assertThat(reported(s, story).consentedUses()).isEmpty();
        assertThat(reported(s, story).type()).isEqualTo(EvidenceType.PEOPLES_VOICES);
        assertThat(reported(s, story).href()).isEqualTo(s.base() + "/items/" + story);

        // Consent for learning and the website, but not for reports to funders.
        mvc.perform(post(s.base() + "/items/" + story + "/consent").with(s.asFacilitator()).with(csrf())
                        .param("givenBy", "Sam Jones").param("how", "EASY_READ").param("uses", "INTERNAL_LEARNING").param("uses", "PUBLIC"))
                .andExpect(status().is3xxRedirection());
        EvidenceItem item = reported(s, story);
        assertThat(item.consentedUses()).containsExactlyInAnyOrder(ConsentUse.INTERNAL_LEARNING, ConsentUse.PUBLIC);
        assertThat(item.mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isFalse();
        assertThat(item.mayBeUsedFor(ConsentUse.PUBLIC)).isTrue();

        // Sharing with funders is refused without their consent.
        RecordedItem before = records.item(s.facilitator(), s.project(), story);
        mvc.perform(post(s.base() + "/items/" + story + "/publish").with(s.asFacilitator()).with(csrf())
                .param("published", "true").param("version", String.valueOf(before.version())));
        assertThat(records.item(s.facilitator(), s.project(), story).published()).isFalse();

        // A second consent, for funders, ending today: in force today.
        mvc.perform(post(s.base() + "/items/" + story + "/consent").with(s.asFacilitator()).with(csrf())
                        .param("givenBy", "Sam Jones").param("how", "WRITTEN").param("uses", "FUNDER_REPORTS")
                        .param("untilDay", String.valueOf(RecordService.today().getDayOfMonth()))
                        .param("untilMonth", String.valueOf(RecordService.today().getMonthValue()))
                        .param("untilYear", String.valueOf(RecordService.today().getYear())))
                .andExpect(status().is3xxRedirection());
        assertThat(reported(s, story).mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isTrue();

        // Time passes: the funders' consent ended yesterday.
        jdbc.sql("update record_consent set valid_until = :d where item_id = :item and funder_reports")
                .param("d", RecordService.today().minusDays(1)).param("item", story).update();
        assertThat(reported(s, story).consentedUses()).containsExactlyInAnyOrder(ConsentUse.INTERNAL_LEARNING, ConsentUse.PUBLIC);

        // Withdrawing the other consent removes its uses at once; it stays in the history.
        UUID first = records.item(s.facilitator(), s.project(), story).consents().stream().filter(c -> c.uses().contains(ConsentUse.PUBLIC))
                .findFirst().orElseThrow().id();
        mvc.perform(post(s.base() + "/items/" + story + "/consent/" + first + "/withdraw").with(s.asFacilitator()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(reported(s, story).consentedUses()).isEmpty();
        assertThat(reported(s, story).mayBeUsedFor(ConsentUse.INTERNAL_LEARNING)).isFalse();
        Document page = page(get(s.base() + "/items/" + story).with(s.asFacilitator()));
        assertThat(page.select(".app-consent").eachText()).hasSize(2);
        assertThat(page.select("#consent-" + first).text()).contains("Withdrawn", s.org().person(Role.FACILITATOR).name());
        assertThat(page.select("#consent ~ .govuk-warning-text").text()).contains("No consent in force");
    }

    @Test
    void anonymousWordsShowNoOneAndActivitiesAreCounted() {
        Setup s = setup();
        UUID comment = ((RecordEdit.Saved) records.add(s.facilitator(), s.project(), ItemDraft.voice(RecordKind.COMMENT, "", LocalDate.now(),
                "At lunch", "The bus is always late, so I miss the start.", Speaker.ANONYMOUS, null, null, List.of(), List.of(),
                List.of("transport")))).id();
        UUID quote = ((RecordEdit.Saved) records.add(s.facilitator(), s.project(), ItemDraft.voice(RecordKind.QUOTE, "Being heard",
                LocalDate.now(), null, "I said what I thought and they listened.", Speaker.MEMBER, s.member().id(), null, List.of(),
                List.of(), List.of()))).id();
        UUID meeting = ((RecordEdit.Saved) records.add(s.facilitator(), s.project(), ItemDraft.activity("Steering group", LocalDate.now(),
                ActivityKind.MEETING, "Day centre", "The facilitator", List.of(s.member().id()), 4, s.pathwayActivity(), null,
                List.of(s.steering()), List.of(), List.of()))).id();

        EvidenceItem anonymous = reported(s, comment);
        assertThat(anonymous.showsAPerson()).isFalse();
        assertThat(anonymous.mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isTrue();
        assertThat(anonymous.title()).isEqualTo("The bus is always late, so I miss the start.");
        assertThat(reported(s, quote).showsAPerson()).isTrue();
        assertThat(reported(s, quote).mayBeUsedFor(ConsentUse.INTERNAL_LEARNING)).isFalse();
        EvidenceItem activity = reported(s, meeting);
        assertThat(activity.type()).isEqualTo(EvidenceType.QUANTITATIVE);
        assertThat(activity.showsAPerson()).isFalse();
        assertThat(activity.outcomeIds()).containsExactly(s.steering());
        assertThat(records.item(s.facilitator(), s.project(), meeting).peopleTakingPart()).isEqualTo(5);
    }

    @Test
    void attendanceAddsUpToReachPerMonthAndQuarter() throws Exception {
        Setup s = setup();
        UUID a = s.member().id();
        UUID b = s.otherMember().id();
        UUID c = s.org().person(Role.FACILITATOR).id();
        int year = RecordService.today().getYear() - 1;
        logActivity(s, LocalDate.of(year, 1, 10), List.of(a, b), 3);
        logActivity(s, LocalDate.of(year, 1, 24), List.of(a), 2);
        logActivity(s, LocalDate.of(year, 2, 7), List.of(a, c), 0);
        logActivity(s, LocalDate.of(year, 4, 3), List.of(b), 1);

        assertThat(records.reach(s.facilitator(), s.project(), Reach.Period.MONTH)).containsExactly(
                new Reach.Row(LocalDate.of(year, 1, 1), false, 2, 2, 5, 2),
                new Reach.Row(LocalDate.of(year, 2, 1), false, 1, 2, 0, 1),
                new Reach.Row(LocalDate.of(year, 4, 1), false, 1, 1, 1, 0));
        assertThat(records.reach(s.facilitator(), s.project(), Reach.Period.QUARTER)).containsExactly(
                new Reach.Row(LocalDate.of(year, 1, 1), true, 3, 3, 5, 3),
                new Reach.Row(LocalDate.of(year, 4, 1), true, 1, 1, 1, 0));

        Document table = page(get(s.base() + "/reach?by=quarter").with(s.asFacilitator()));
        assertThat(table.select("#reach tbody tr").eachText()).containsExactly(
                "January to March " + year + " 3 8 3 5 3",
                "April to June " + year + " 1 2 1 1 0");
        Document months = page(get(s.base() + "/reach").with(s.asFacilitator()));
        assertThat(months.select("#reach tbody th").eachText()).containsExactly("January " + year, "February " + year, "April " + year);
    }

    private void logActivity(Setup s, LocalDate on, List<UUID> people, int others) throws Exception {
        var request = post(s.base() + "/activities/new").with(s.asFacilitator()).with(csrf())
                .param("kind", "ACTIVITY").param("title", "Group meeting").param("activityKind", "MEETING")
                .param("onDay", String.valueOf(on.getDayOfMonth())).param("onMonth", String.valueOf(on.getMonthValue()))
                .param("onYear", String.valueOf(on.getYear())).param("othersCount", String.valueOf(others))
                .param("pathwayActivity", s.pathwayActivity().toString()).param("outcomes", s.steering().toString());
        for (UUID p : people) {
            request.param("attendees", p.toString());
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    @Test
    void itemsAreTaggedToOutcomesPlanRowsAndThemesAndCanBeFilteredByThem() throws Exception {
        Setup s = setup();
        mvc.perform(post(s.base() + "/voices/new").with(s.asFacilitator()).with(csrf())
                        .param("kind", "COMMENT").param("onDay", "1").param("onMonth", "3").param("onYear", "2026")
                        .param("speaker", "ANONYMOUS").param("setting", "On the minibus")
                        .param("words", "I would come more often if the bus came on time.")
                        .param("outcomes", s.confidence().toString()).param("planRows", s.planRow().toString())
                        .param("newThemes", " Transport ,  Getting  there, transport"))
                .andExpect(status().is3xxRedirection());
        caseStudy(s, Speaker.ANONYMOUS, null);

        RecordedItem comment = records.records(s.facilitator(), s.project()).currentItems().stream()
                .filter(i -> i.kind() == RecordKind.COMMENT).findFirst().orElseThrow();
        assertThat(comment.themes()).containsExactly("getting there", "transport");
        assertThat(comment.outcomeIds()).containsExactly(s.confidence());
        assertThat(reported(s, comment.id()).planRowIds()).containsExactly(s.planRow());

        // Retag: add an existing theme ticked from the list, drop the plan row.
        mvc.perform(post(s.base() + "/items/" + comment.id() + "/tags").with(s.asFacilitator()).with(csrf())
                        .param("outcomes", s.confidence().toString()).param("themes", "transport").param("themes", "confidence")
                        .param("version", String.valueOf(comment.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(records.item(s.facilitator(), s.project(), comment.id()).themes()).containsExactly("confidence", "transport");
        assertThat(records.item(s.facilitator(), s.project(), comment.id()).planRowIds()).isEmpty();

        assertThat(records.themes(s.facilitator(), s.project())).containsExactly(new ThemeCount("confidence", 2), new ThemeCount("transport", 1));
        Document themes = page(get(s.base() + "/themes").with(s.asFacilitator()));
        assertThat(themes.select("#themes tbody tr").eachText()).containsExactly("confidence 2", "transport 1");

        Document byTheme = page(get(s.base()).param("theme", "Transport").with(s.asFacilitator()));
        assertThat(byTheme.select(".app-record-list__item h3").eachText()).containsExactly(comment.title());
        Document byKind = page(get(s.base()).param("kind", "CASE_STUDY").with(s.asFacilitator()));
        assertThat(byKind.select(".app-record-list__item h3").eachText()).containsExactly("Sam’s first meeting");
        Document byOutcome = page(get(s.base()).param("outcome", s.steering().toString()).with(s.asFacilitator()));
        assertThat(byOutcome.select(".app-record-list__item")).isEmpty();
        assertThat(page(get(s.base()).param("outcome", s.confidence().toString()).with(s.asFacilitator()))
                .select(".app-record-list__item")).hasSize(2);
    }

    @Test
    void badInputIsExplainedAndChangesNothing() throws Exception {
        Setup s = setup();
        Setup elsewhere = setup();
        int before = itemCount(s);

        Document page = page(post(s.base() + "/activities/new").with(s.asFacilitator()).with(csrf())
                .param("kind", "ACTIVITY").param("title", "").param("onDay", "31").param("onMonth", "2").param("onYear", "2026")
                .param("othersCount", "-3").param("activityKind", "PICNIC").param("attendees", "not-an-id"));
        assertThat(page.select(".govuk-error-summary li").eachText()).contains("Enter a title", "Enter a real date, for example 27 3 2026",
                "Choose what kind of activity it was", "Enter the number of other people as a whole number from 0 to 100,000",
                "Choose people from this project’s members");
        assertThat(page.select("#othersCount").val()).isEqualTo("-3");

        // Ids that are real, but from another organisation's project: refused, nothing saved.
        Document foreign = page(post(s.base() + "/activities/new").with(s.asFacilitator()).with(csrf())
                .param("kind", "ACTIVITY").param("title", "Meeting").param("onDay", "1").param("onMonth", "2").param("onYear", "2026")
                .param("activityKind", "MEETING").param("othersCount", "0").param("attendees", elsewhere.member().id().toString()));
        assertThat(foreign.select(".govuk-error-summary").text()).contains("Choose people from this project’s members");
        Document foreignOutcome = page(post(s.base() + "/voices/new").with(s.asFacilitator()).with(csrf())
                .param("kind", "QUOTE").param("onDay", "1").param("onMonth", "2").param("onYear", "2026").param("speaker", "ANONYMOUS")
                .param("words", "Hello").param("outcomes", elsewhere.confidence().toString()));
        assertThat(foreignOutcome.select(".govuk-error-summary").text()).contains("Choose outcomes from this project’s pathway");
        Document noStory = page(post(s.base() + "/case-studies/new").with(s.asFacilitator()).with(csrf())
                .param("kind", "CASE_STUDY").param("title", "A story").param("onDay", "1").param("onMonth", "2")
                .param("onYear", String.valueOf(RecordService.today().getYear() + 1)).param("speaker", "NAMED"));
        assertThat(noStory.select(".govuk-error-summary li").eachText()).contains("The date must be today or in the past",
                "Enter the person’s name", "Say what the situation was before", "Say what happened", "Say what changed");

        UUID story = caseStudy(s, Speaker.NAMED, "Sam");
        Document consent = page(post(s.base() + "/items/" + story + "/consent").with(s.asFacilitator()).with(csrf())
                .param("givenBy", "").param("how", "TELEPATHY").param("untilDay", "1").param("untilMonth", "1").param("untilYear", "2020"));
        assertThat(consent.select(".govuk-error-summary li").eachText()).containsExactly("Enter who gave consent",
                "Choose how they gave consent", "Tick at least one use they agreed to", "The end date must be today or later");
        assertThat(records.item(s.facilitator(), s.project(), story).consents()).isEmpty();
        assertThat(itemCount(s)).isEqualTo(before + 1);

        // A stale version changes nothing.
        mvc.perform(post(s.base() + "/items/" + story + "/remove").with(s.asFacilitator()).with(csrf()).param("version", "99"))
                .andExpect(status().is3xxRedirection());
        assertThat(records.item(s.facilitator(), s.project(), story).archived()).isFalse();
    }

    @Test
    void membersAddTheirOwnOnlyWhenAllowedAndSeeOnlyWhatIsSharedOrTheirs() throws Exception {
        Setup s = setup();
        RequestPostProcessor asMember = data.as(s.member());
        UUID facilitatorsNote = caseStudy(s, Speaker.ANONYMOUS, null);

        Document notYet = page(get(s.base() + "/own").with(asMember));
        assertThat(notYet.select("main").text()).contains("You cannot add your own comments to this project yet");
        assertThat(notYet.select("textarea")).isEmpty();
        mvc.perform(post(s.base() + "/own").with(asMember).with(csrf()).param("kind", "DIARY").param("words", "Today I went swimming."))
                .andExpect(status().isOk());
        assertThat(itemCount(s)).isEqualTo(1);

        mvc.perform(post(s.base() + "/members-may-add").with(s.asFacilitator()).with(csrf()).param("allowed", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(s.base() + "/own").with(asMember).with(csrf()).param("kind", "DIARY")
                        .param("words", "Today I chose the activities for next month.").param("uses", "INTERNAL_LEARNING"))
                .andExpect(status().is3xxRedirection());
        RecordedItem diary = records.records(s.facilitator(), s.project()).currentItems().stream()
                .filter(i -> i.kind() == RecordKind.DIARY).findFirst().orElseThrow();
        assertThat(diary.contributedByMember()).isTrue();
        assertThat(diary.saidBy()).isEqualTo(s.member().name());
        assertThat(diary.consents()).singleElement().satisfies(c -> {
            assertThat(c.how()).isEqualTo(ConsentHow.EASY_READ);
            assertThat(c.uses()).containsExactly(ConsentUse.INTERNAL_LEARNING);
        });
        assertThat(reported(s, diary.id()).mayBeUsedFor(ConsentUse.INTERNAL_LEARNING)).isTrue();
        assertThat(reported(s, diary.id()).mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isFalse();

        // The member sees their own entry, not the facilitator's unshared story; the other member sees neither.
        Document mine = page(get(s.base()).with(asMember));
        assertThat(mine.select(".app-record-list__item h3").eachText()).containsExactly("Today I chose the activities for next month.");
        mvc.perform(get(s.base() + "/items/" + facilitatorsNote).with(asMember)).andExpect(status().isNotFound());
        RequestPostProcessor asOther = data.as(s.otherMember());
        assertThat(page(get(s.base()).with(asOther)).select(".app-record-list__item")).isEmpty();
        mvc.perform(get(s.base() + "/items/" + diary.id()).with(asOther)).andExpect(status().isNotFound());

        // Only facilitators record for others; members cannot reach the facilitators' forms.
        mvc.perform(get(s.base() + "/activities/new").with(asMember)).andExpect(status().isForbidden());

        // Switched off again: nothing more is added.
        mvc.perform(post(s.base() + "/members-may-add").with(s.asFacilitator()).with(csrf()).param("allowed", "false"));
        mvc.perform(post(s.base() + "/own").with(asMember).with(csrf()).param("kind", "COMMENT").param("words", "One more thing"))
                .andExpect(status().isOk());
        assertThat(itemCount(s)).isEqualTo(2);
    }

    @Test
    void viewersSeeOnlyWhatIsSharedAndConsentedForFunders() throws Exception {
        Setup s = setup();
        RequestPostProcessor asViewer = data.as(s.org().person(Role.VIEWER));
        UUID story = caseStudy(s, Speaker.NAMED, "Sam Jones");
        UUID anonymous = ((RecordEdit.Saved) records.add(s.facilitator(), s.project(), ItemDraft.voice(RecordKind.COMMENT, "", LocalDate.now(),
                null, "The new timetable is much better.", Speaker.ANONYMOUS, null, null, List.of(), List.of(), List.of()))).id();

        mvc.perform(get(s.base()).with(asViewer)).andExpect(status().isForbidden());
        mvc.perform(get(s.base() + "/items/" + story).with(asViewer)).andExpect(status().isForbidden());
        assertThat(page(get("/published-evidence").with(asViewer)).select(".app-published-item")).isEmpty();

        records.addConsent(s.facilitator(), s.project(), story, new ConsentDraft("Sam Jones", ConsentHow.WRITTEN,
                EnumSet.of(ConsentUse.FUNDER_REPORTS), null));
        for (UUID id : List.of(story, anonymous)) {
            mvc.perform(post(s.base() + "/items/" + id + "/publish").with(s.asFacilitator()).with(csrf()).param("published", "true")
                    .param("version", String.valueOf(records.item(s.facilitator(), s.project(), id).version())));
        }
        Document shared = page(get("/published-evidence").with(asViewer));
        assertThat(shared.select(".app-published-item h2").eachText())
                .containsExactlyInAnyOrder("Sam’s first meeting", "The new timetable is much better.");
        assertThat(shared.text()).contains("I feel listened to.", "Sam Jones");
        // Members of the project see shared items too.
        assertThat(page(get(s.base()).with(data.as(s.otherMember()))).select(".app-record-list__item")).hasSize(2);

        // Withdrawn: gone from the viewers' page at once, and no longer shared.
        UUID consent = records.item(s.facilitator(), s.project(), story).consents().getFirst().id();
        records.withdrawConsent(s.facilitator(), s.project(), story, consent);
        assertThat(page(get("/published-evidence").with(asViewer)).select(".app-published-item h2").eachText())
                .containsExactly("The new timetable is much better.");
        assertThat(records.item(s.facilitator(), s.project(), story).published()).isFalse();

        // Removing archives: it leaves the lists and the evidence, and is still there for facilitators.
        mvc.perform(post(s.base() + "/items/" + anonymous + "/remove").with(s.asFacilitator()).with(csrf())
                .param("version", String.valueOf(records.item(s.facilitator(), s.project(), anonymous).version())));
        assertThat(page(get("/published-evidence").with(asViewer)).select(".app-published-item")).isEmpty();
        assertThat(reported(s)).extracting(EvidenceItem::id).containsExactly(story);
        assertThat(records.item(s.facilitator(), s.project(), anonymous).archived()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = :id and action = 'ARCHIVED'").param("id", anonymous.toString())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theProjectPageLinksToTheRecordedEvidence() throws Exception {
        Setup s = setup();
        Document project = page(get("/projects/" + s.project()).with(s.asFacilitator()));
        assertThat(project.select("a[href=" + s.base() + "]").text()).startsWith("Evidence we have recorded");
        Set<String> links = Set.copyOf(page(get(s.base()).with(s.asFacilitator())).select("main a").eachAttr("href"));
        assertThat(links).contains(s.base() + "/activities/new", s.base() + "/voices/new", s.base() + "/case-studies/new", s.base() + "/reach",
                s.base() + "/themes");
    }

    @Test
    void filesGoWithTheItemAndAPhotoMeansItShowsSomeone() throws Exception {
        Setup s = setup();
        mvc.perform(multipart(s.base() + "/activities/new").file(new MockMultipartFile("file", "minutes.pdf", "application/pdf", TestMedia.pdf()))
                        .with(s.asFacilitator()).with(csrf())
                        .param("kind", "ACTIVITY").param("title", "Steering group").param("activityKind", "MEETING")
                        .param("onDay", "2").param("onMonth", "3").param("onYear", "2026").param("othersCount", "2"))
                .andExpect(status().is3xxRedirection());
        RecordedItem meeting = records.records(s.facilitator(), s.project()).currentItems().getFirst();
        assertThat(media.files(s.facilitator(), meeting.mediaIds())).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("minutes.pdf");
            assertThat(f.kind()).isEqualTo(MediaKind.DOCUMENT);
        });
        assertThat(reported(s, meeting.id()).showsAPerson()).isFalse();
        Document page = page(get(s.base() + "/items/" + meeting.id()).with(s.asFacilitator()));
        assertThat(page.select("#files ~ .app-media-list a").text()).contains("Download minutes.pdf");

        // An anonymous story with a photo shows someone: it needs consent.
        UUID story = caseStudy(s, Speaker.ANONYMOUS, null);
        assertThat(reported(s, story).showsAPerson()).isFalse();
        mvc.perform(multipart(s.base() + "/items/" + story + "/files").file(new MockMultipartFile("file", "garden.png", "image/png",
                        TestMedia.png(20, 10))).with(s.asFacilitator()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(reported(s, story).showsAPerson()).isTrue();
        assertThat(reported(s, story).mayBeUsedFor(ConsentUse.INTERNAL_LEARNING)).isFalse();

        // Shared: the photo is shared with viewers too; taken back, it is not.
        records.addConsent(s.facilitator(), s.project(), story, new ConsentDraft("Sam", ConsentHow.VERBAL,
                EnumSet.of(ConsentUse.FUNDER_REPORTS), null));
        RecordedItem withPhoto = records.item(s.facilitator(), s.project(), story);
        records.publish(s.facilitator(), s.project(), story, withPhoto.version(), true);
        Tenant viewer = new Tenant(new UserId(s.org().person(Role.VIEWER).id()), s.org().id(), s.org().name(), Role.VIEWER);
        assertThat(media.files(viewer, withPhoto.mediaIds())).hasSize(1);
        assertThat(records.published(viewer)).singleElement().satisfies(p -> assertThat(p.files()).hasSize(1));
        records.withdrawConsent(s.facilitator(), s.project(), story, records.item(s.facilitator(), s.project(), story).consents().getFirst().id());
        assertThat(media.files(viewer, withPhoto.mediaIds())).isEmpty();
    }

    @Test
    void aFileThatIsNotAllowedIsExplainedAndNothingIsSaved() throws Exception {
        Setup s = setup();
        Document page = page(multipart(s.base() + "/voices/new").file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", TestMedia.exe()))
                .with(s.asFacilitator()).with(csrf())
                .param("kind", "QUOTE").param("onDay", "2").param("onMonth", "3").param("onYear", "2026").param("speaker", "ANONYMOUS")
                .param("words", "It was brilliant").param("newThemes", "fun"));
        assertThat(page.select(".govuk-error-summary").text()).contains("The file must be a photo");
        assertThat(page.select("textarea#words").text()).isEqualTo("It was brilliant");
        assertThat(itemCount(s)).isZero();
        assertThat(jdbc.sql("select count(*) from media_file where project_id = :p").param("p", s.project()).query(Integer.class).single()).isZero();
        assertThat(records.themes(s.facilitator(), s.project())).isEmpty();
    }

    @Test
    void aMemberAddsTheirOwnPhoto() throws Exception {
        Setup s = setup();
        records.setMembersMayAdd(s.facilitator(), s.project(), true);
        RequestPostProcessor asMember = data.as(s.member());
        Document noPhoto = page(multipart(s.base() + "/own").with(asMember).with(csrf()).param("kind", "PHOTO"));
        assertThat(noPhoto.select(".govuk-error-summary").text()).contains("Choose a photo first");
        mvc.perform(multipart(s.base() + "/own").file(new MockMultipartFile("photo", "our-garden.png", "image/png", TestMedia.png(10, 10)))
                        .with(asMember).with(csrf()).param("kind", "PHOTO").param("words", "The garden we planted").param("uses", "PUBLIC"))
                .andExpect(status().is3xxRedirection());
        RecordedItem photo = records.records(s.facilitator(), s.project()).currentItems().getFirst();
        assertThat(photo.kind()).isEqualTo(RecordKind.PHOTO);
        assertThat(photo.title()).isEqualTo("The garden we planted");
        assertThat(photo.mediaIds()).hasSize(1);
        assertThat(reported(s, photo.id()).consentedUses()).containsExactly(ConsentUse.PUBLIC);
    }

    @Test
    void theDemoDayCentreHasActivitiesVoicesAndACaseStudyWithConsent() {
        TestData.Org org = data.organisationWithEveryRole("Demo record");
        java.util.Map<Role, UUID> people = new java.util.EnumMap<>(Role.class);
        org.people().forEach((role, person) -> people.put(role, person.id()));

        transactions.executeWithoutResult(t -> events.publishEvent(new DemoOrganisationCreated(org.id(), org.name(), people)));

        Tenant facilitator = new Tenant(new UserId(people.get(Role.FACILITATOR)), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.projects(facilitator).getFirst().id();
        ProjectRecords demo = records.records(facilitator, project);
        assertThat(demo.currentItems()).extracting(RecordedItem::kind).containsExactlyInAnyOrder(RecordKind.ACTIVITY, RecordKind.ACTIVITY,
                RecordKind.ACTIVITY, RecordKind.COMMENT, RecordKind.QUOTE, RecordKind.CASE_STUDY, RecordKind.DIARY);
        assertThat(demo.currentItems()).allSatisfy(i -> assertThat(i.outcomeIds()).isNotEmpty());
        assertThat(demo.membersMayAdd()).isTrue();
        // The member's own diary entry, corrected once by the member: its first words are kept for the facilitator.
        RecordedItem diary = demo.currentItems().stream().filter(i -> i.kind() == RecordKind.DIARY).findFirst().orElseThrow();
        assertThat(diary.contributedByMember()).isTrue();
        assertThat(diary.body()).endsWith("it went well.");
        assertThat(records.changes(facilitator, project, diary.id())).singleElement()
                .satisfies(c -> assertThat(c.wordsBefore()).endsWith("I was nervous."));
        List<EvidenceItem> items = collected.stream().flatMap(c -> c.items(org.id(), project).stream())
                .filter(i -> i.source().equals("record")).toList();
        assertThat(items).filteredOn(EvidenceItem::showsAPerson).hasSize(3);
        assertThat(items).filteredOn(EvidenceItem::showsAPerson).filteredOn(i -> !i.id().equals(diary.id()))
                .allSatisfy(i -> assertThat(i.mayBeUsedFor(ConsentUse.FUNDER_REPORTS)).isTrue());
        assertThat(items).filteredOn(i -> i.id().equals(diary.id())).singleElement()
                .satisfies(i -> assertThat(i.consentedUses()).containsExactly(ConsentUse.INTERNAL_LEARNING));
        assertThat(records.reach(facilitator, project, Reach.Period.MONTH)).extracting(Reach.Row::newPeople).containsExactly(2, 1, 0);
    }

    @Test
    void changingAnItemKeepsWhatItSaidBeforeAndAStaleChangeSavesNothing() throws Exception {
        Setup s = setup();
        UUID quote = ((RecordEdit.Saved) records.add(s.facilitator(), s.project(), ItemDraft.voice(RecordKind.COMMENT, "", LocalDate.of(2026, 3, 2),
                null, "The bus is late.", Speaker.ANONYMOUS, null, null, List.of(), List.of(), List.of("transport")))).id();
        RecordedItem before = records.item(s.facilitator(), s.project(), quote);

        Document form = page(get(s.base() + "/items/" + quote + "/edit").with(s.asFacilitator()));
        assertThat(form.select("textarea#words").text()).isEqualTo("The bus is late.");
        assertThat(form.select("input[name=version]").val()).isEqualTo(String.valueOf(before.version()));

        mvc.perform(post(s.base() + "/items/" + quote + "/edit").with(s.asFacilitator()).with(csrf())
                        .param("kind", "QUOTE").param("onDay", "2").param("onMonth", "3").param("onYear", "2026")
                        .param("speaker", "MEMBER").param("speakerUser", s.member().id().toString())
                        .param("words", "The bus is always late, so I miss the start of the meeting.").param("themes", "transport")
                        .param("outcomes", s.confidence().toString()).param("version", String.valueOf(before.version())))
                .andExpect(status().is3xxRedirection());
        RecordedItem after = records.item(s.facilitator(), s.project(), quote);
        assertThat(after.kind()).isEqualTo(RecordKind.QUOTE);
        assertThat(after.saidBy()).isEqualTo(s.member().name());
        assertThat(after.body()).isEqualTo("The bus is always late, so I miss the start of the meeting.");
        assertThat(after.outcomeIds()).containsExactly(s.confidence());
        assertThat(reported(s, quote).showsAPerson()).isTrue();
        assertThat(records.changes(s.facilitator(), s.project(), quote)).singleElement().satisfies(c -> {
            assertThat(c.wordsBefore()).isEqualTo("The bus is late.");
            assertThat(c.changedByName()).isEqualTo(s.org().person(Role.FACILITATOR).name());
        });
        assertThat(page(get(s.base() + "/items/" + quote).with(s.asFacilitator())).select("#changes ~ ul").text())
                .contains("What it said before", "The bus is late.");

        // Saved from a page opened before that change: nothing is saved, the words typed are kept.
        Document stale = page(post(s.base() + "/items/" + quote + "/edit").with(s.asFacilitator()).with(csrf())
                .param("kind", "COMMENT").param("onDay", "2").param("onMonth", "3").param("onYear", "2026").param("speaker", "ANONYMOUS")
                .param("words", "Mine").param("version", String.valueOf(before.version())));
        assertThat(stale.select(".govuk-error-summary").text()).contains("Someone else saved a change to this item");
        assertThat(stale.select("textarea#words").text()).isEqualTo("Mine");
        assertThat(stale.select("input[name=version]").val()).isEqualTo(String.valueOf(after.version()));
        assertThat(records.item(s.facilitator(), s.project(), quote).body()).isEqualTo(after.body());
        assertThat(records.changes(s.facilitator(), s.project(), quote)).hasSize(1);

        // An activity cannot become a quote.
        UUID meeting = ((RecordEdit.Saved) records.add(s.facilitator(), s.project(), ItemDraft.activity("Meeting", LocalDate.of(2026, 3, 2),
                ActivityKind.MEETING, null, null, List.of(), 3, null, null, List.of(), List.of(), List.of()))).id();
        assertThat(records.update(s.facilitator(), s.project(), meeting, 0, ItemDraft.voice(RecordKind.QUOTE, "Hi", LocalDate.of(2026, 3, 2),
                null, "Hi", Speaker.ANONYMOUS, null, null, List.of(), List.of(), List.of()))).isInstanceOf(RecordEdit.Refused.class);
        assertThat(records.item(s.facilitator(), s.project(), meeting).kind()).isEqualTo(RecordKind.ACTIVITY);
    }
}
