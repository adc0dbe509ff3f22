package org.coproduction.impact.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.evidence.EvidenceItem;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.form.Draft;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.PublicForm;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.form.Source;
import org.coproduction.impact.media.Recording;
import org.coproduction.impact.measure.MeasureKind;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.organisation.Erasure;
import org.coproduction.impact.organisation.SubjectAccess;
import org.coproduction.impact.measure.MeasureService;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.plan.PlanEdit;
import org.coproduction.impact.plan.PlanRowDraft;
import org.coproduction.impact.plan.PlanService;
import org.coproduction.impact.shared.tenancy.NotFoundException;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestAudio;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.support.TestEvidence;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Outcome reviews end to end on the real database: rounds, the evidence summary, members' views, judgements, scoping. */
@IntegrationTest
class AssessmentIntegrationTest {

    private static final List<String> SCALE = List.of("Poor", "Fair", "Good", "Excellent");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestEvidence testEvidence;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubjectAccess subjectAccess;

    @Autowired
    Erasure erasure;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    EvidenceService evidence;

    @Autowired
    PlanService plans;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    @Autowired
    MeasureService measures;

    @Autowired
    ReviewService reviews;

    @Autowired
    EvidenceSummaries summaries;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    record Setup(TestData.Org org, Tenant facilitator, Tenant member, TestData.Person memberPerson, UUID project, UUID outcome, UUID other,
            UUID row) {

        RequestPostProcessor asFacilitator(TestData data) {
            return data.as(org.person(Role.FACILITATOR));
        }

        String base() {
            return ReviewService.base(project);
        }
    }

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Reviews");
        TestData.Person f = org.person(Role.FACILITATOR);
        TestData.Person m = org.person(Role.MEMBER);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        Tenant member = new Tenant(new UserId(m.id()), org.id(), org.name(), Role.MEMBER);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null,
                null, f.id(), true, List.of(m.id())));
        UUID welcome = outcome(facilitator, project, "People feel welcome");
        UUID other = outcome(facilitator, project, "More people come");
        UUID way = evidence.currentWayFromSeed(facilitator, "surveys").orElseThrow().id();
        UUID row = ((PlanEdit.Saved) plans.addRow(facilitator, project, welcome, new PlanRowDraft(EvidenceType.PEOPLES_RATINGS,
                "Feedback after sessions", List.of(way), "Most people say they feel welcome", "Ask after each session", "20 people",
                "10 people", null, null, null))).rowId();
        return new Setup(org, facilitator, member, m, project, welcome, other, row);
    }

    private UUID outcome(Tenant tenant, UUID project, String title) {
        EditResult r = pathways.addOutcome(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.OutcomeDraft(title, Term.SHORT, true, List.of(), null));
        return ((EditResult.Saved) r).itemId();
    }

    private UUID round(Setup s) {
        return ((ReviewResult.Saved) reviews.createRound(s.facilitator(), s.project(), "Review, March 2027", ReviewService.today(),
                List.of(s.outcome(), s.other()))).id();
    }

    /** One response: the rating (or none) and the before/after pair (either side may be missing). */
    private void answer(PublicForm pf, UUID member, String rating, String before, String after) {
        Draft draft = respondents.start(pf, Source.ONLINE, member);
        Map<String, List<String>> values = new HashMap<>();
        if (!rating.isEmpty()) {
            values.put("welcome", List.of(rating));
        }
        if (!before.isEmpty()) {
            values.put("confident.before", List.of(before));
        }
        if (!after.isEmpty()) {
            values.put("confident.after", List.of(after));
        }
        respondents.savePage(pf, draft, pf.form().questions(), values);
        respondents.submit(pf, draft.token());
    }

    @Test
    void theSummarySetsEachPlanRowBesideItsEvidenceWithHonestSmallNumbers() throws Exception {
        Setup s = setup();
        Question rating = new Question("welcome", QuestionType.RATING, "How welcome do you feel?", null, null, null, false, SCALE,
                ScaleStyle.WORDS, null, null, s.outcome(), s.row());
        Question pair = new Question("confident", QuestionType.BEFORE_AFTER, "How confident were you before?", null, null, null, false, SCALE,
                ScaleStyle.WORDS, "How confident are you now?", null, s.outcome(), s.row());
        UUID formId = forms.create(s.facilitator(), s.project(), "After the session", null, true, null, List.of(rating, pair));
        forms.setStatus(s.facilitator(), formId, FormStatus.OPEN);
        PublicForm pf = respondents.locate(forms.form(s.facilitator(), formId).token()).orElseThrow();
        // Three unnamed responses: Good with Poor -> Good; Excellent with Fair -> Fair; Excellent with "now" only.
        answer(pf, null, "3", "1", "3");
        answer(pf, null, "4", "2", "2");
        answer(pf, null, "4", "", "4");
        // The member answered "before" on one day and "now" on another: one person, paired, Poor -> Excellent.
        answer(pf, s.memberPerson().id(), "", "1", "");
        answer(pf, s.memberPerson().id(), "", "", "4");
        // A measure tagged to the row: 12 against a baseline of 10 and a target of 20.
        measures.addPoint(s.facilitator(), s.project(), new MeasureService.PointDraft("People at the club", MeasureKind.COUNT,
                new BigDecimal("12"), ReviewService.today().minusDays(10), null));
        var m = measures.measures(s.facilitator(), s.project()).getFirst();
        measures.updateMeasure(s.facilitator(), s.project(), m.id(), m.version(), m.name(), m.kind(), List.of(), List.of(s.row()));
        // Recorded items: a quote with consent for learning, a case study without it, a task done.
        testEvidence.set(s.org().id(), s.project(), List.of(
                item(EvidenceType.PEOPLES_VOICES, "I feel at home here", s.outcome(), true, Set.of(ConsentUse.INTERNAL_LEARNING)),
                item(EvidenceType.PEOPLES_VOICES, "Secret case study", s.outcome(), true, Set.of()),
                item(EvidenceType.TASKS_COMPLETED, "Welcome pack made", s.outcome(), false, Set.of())));
        UUID round = round(s);

        OutcomeSummary summary = summaries.summary(s.facilitator(), s.project(), round, s.outcome());

        OutcomeSummary.RowEvidence row = summary.rows().getFirst();
        assertThat(row.row().target()).isEqualTo("20 people");
        OutcomeSummary.QuestionEvidence welcome = row.questions().stream().filter(q -> q.asked().question().key().equals("welcome"))
                .findFirst().orElseThrow();
        assertThat(welcome.figures().answered()).isEqualTo(3);
        assertThat(welcome.figures().positive().count()).isEqualTo(3);
        assertThat(welcome.figures().positive().percent()).as("under five answers: no percentage").isNull();
        assertThat(welcome.figures().median()).isEqualTo("Excellent");
        Movement moves = row.questions().stream().filter(q -> q.movement() != null).findFirst().orElseThrow().movement();
        assertThat(moves.up()).isEqualTo(2);
        assertThat(moves.same()).isEqualTo(1);
        assertThat(moves.down()).isZero();
        assertThat(moves.unpairedAfter()).isEqualTo(1);
        assertThat(moves.unpairedBefore()).isZero();
        MeasureFigures people = row.measures().getFirst();
        assertThat(people.sinceBaseline()).isEqualByComparingTo("2");
        assertThat(people.toTarget()).isEqualByComparingTo("8");
        assertThat(summary.outcomeOnly().items()).extracting(EvidenceItem::title).containsExactlyInAnyOrder("I feel at home here",
                "Welcome pack made");
        assertThat(summary.outcomeOnly().withheld()).isEqualTo(1);
        assertThat(summary.directions().pointing(Direction.TOWARDS)).containsExactly(EvidenceType.QUANTITATIVE, EvidenceType.PEOPLES_RATINGS,
                EvidenceType.TASKS_COMPLETED);
        assertThat(summary.directions().pointing(Direction.TO_READ)).containsExactly(EvidenceType.PEOPLES_VOICES);

        Document page = page(s.base() + "/" + round + "/outcomes/" + s.outcome(), s.asFacilitator(data));
        String text = page.text();
        assertThat(text).contains("Most people say they feel welcome", "20 people", "10 people", "3 people answered",
                "A positive answer: 3 of 3", "3 people answered both before and now", "Moved up: 2 of 3", "I feel at home here",
                "1 more item is not shown");
        assertThat(text).doesNotContain("Secret case study");
        assertThat(page.select("table td").eachText()).noneMatch(t -> t.contains("%"));
        testEvidence.set(s.org().id(), s.project(), List.of());
    }

    private static EvidenceItem item(EvidenceType type, String title, UUID outcome, boolean showsAPerson, Set<ConsentUse> consent) {
        return new EvidenceItem(TestEvidence.SOURCE, UUID.randomUUID(), type, "tracker.evidence.kind.task", title, ReviewService.today(),
                Set.of(outcome), Set.of(), showsAPerson, consent, null);
    }

    @Test
    void aRoundLooksAtTheChosenOutcomesAndIsKeptWhenClosed() throws Exception {
        Setup s = setup();
        // No outcome chosen: refused beside the field, nothing made.
        mvc.perform(post(s.base() + "/new").with(s.asFacilitator(data)).with(csrf())
                        .param("title", "Review").param("reviewOnDay", "27").param("reviewOnMonth", "3").param("reviewOnYear", "2027"))
                .andExpect(status().isOk());
        assertThat(reviews.rounds(s.facilitator(), s.project())).isEmpty();

        String location = mvc.perform(post(s.base() + "/new").with(s.asFacilitator(data)).with(csrf())
                        .param("title", "Review, March 2027").param("reviewOnDay", "27").param("reviewOnMonth", "3")
                        .param("reviewOnYear", "2027").param("outcomes", s.other().toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        ReviewRound round = reviews.rounds(s.facilitator(), s.project()).getFirst();
        assertThat(location).isEqualTo(round.href());
        assertThat(round.outcomeIds()).containsExactly(s.other());
        assertThat(round.reviewOn()).isEqualTo(LocalDate.of(2027, 3, 27));
        assertThat(round.periodFrom()).isNull();

        // The new-round form offers every current outcome, all ticked.
        Document form = page(s.base() + "/new", s.asFacilitator(data));
        assertThat(form.select("input[name=outcomes][checked]")).hasSize(2);

        mvc.perform(post(round.href() + "/close").with(s.asFacilitator(data)).with(csrf()).param("version", String.valueOf(round.version())))
                .andExpect(status().is3xxRedirection());
        ReviewRound closed = reviews.round(s.facilitator(), s.project(), round.id());
        assertThat(closed.open()).isFalse();
        assertThat(page(s.base(), s.asFacilitator(data)).text()).contains("Closed reviews", "Review, March 2027");

        // A later round reads evidence from the day after this one.
        UUID next = ((ReviewResult.Saved) reviews.createRound(s.facilitator(), s.project(), "Review, September 2027",
                LocalDate.of(2027, 9, 30), List.of(s.outcome()))).id();
        assertThat(reviews.round(s.facilitator(), s.project(), next).periodFrom()).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void membersViewsAreKeptOnceEachAndBesideTheJudgement() throws Exception {
        Setup s = setup();
        UUID round = round(s);
        TestData.Person second = data.person(s.org().id(), Role.MEMBER, "second-member-" + TestData.suffix());
        Tenant secondTenant = new Tenant(new UserId(second.id()), s.org().id(), s.org().name(), Role.MEMBER);
        projects.update(s.facilitator(), s.project(), projects.project(s.facilitator(), s.project()).version(),
                new ProjectService.ProjectDetails(projects.project(s.facilitator(), s.project()).name(), null, null, null, null,
                        s.facilitator().userId().value(), true, List.of(s.memberPerson().id(), second.id())));
        String viewPath = s.base() + "/" + round + "/views/" + s.outcome();

        // The same form sent twice keeps one view; a change replaces it.
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(viewPath).with(data.as(s.memberPerson())).with(csrf()).param("view", "YES").param("sentence", "I made friends"))
                    .andExpect(status().is3xxRedirection());
        }
        reviews.giveView(secondTenant, s.project(), round, s.outcome(), OwnView.YES, null);
        assertThat(jdbc.sql("select count(*) from review_member_view where round_id = :r").param("r", round).query(Integer.class).single())
                .isEqualTo(2);
        // No face chosen: a message beside the faces, nothing changed.
        Document refused = Jsoup.parse(mvc.perform(post(viewPath).with(data.as(s.memberPerson())).with(csrf()).param("view", "MAYBE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#view-error").text()).contains("Choose a face");
        assertThat(reviews.ownViews(s.member(), s.project(), round)).singleElement().satisfies(v -> {
            assertThat(v.view()).isEqualTo(OwnView.YES);
            assertThat(v.sentence()).isEqualTo("I made friends");
        });

        // A member cannot record a judgement, through the page or the service.
        mvc.perform(post(s.base() + "/" + round + "/outcomes/" + s.outcome() + "/judgement").with(data.as(s.memberPerson())).with(csrf())
                        .param("judgement", "ACHIEVED").param("reasons", "Because"))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> reviews.recordJudgement(s.member(), s.project(), round, s.outcome(), -1, Judgement.ACHIEVED, "x", null))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from review_judgement where round_id = :r").param("r", round).query(Integer.class).single())
                .isZero();

        // The facilitator records a judgement that differs from what both members said.
        mvc.perform(post(s.base() + "/" + round + "/outcomes/" + s.outcome() + "/judgement").with(s.asFacilitator(data)).with(csrf())
                        .param("version", "-1").param("judgement", "PARTLY").param("reasons", "Only some sessions felt welcoming")
                        .param("nextSteps", "Ask newcomers what would help"))
                .andExpect(status().is3xxRedirection());
        Document page = page(s.base() + "/" + round + "/outcomes/" + s.outcome(), s.asFacilitator(data));
        assertThat(page.text()).contains("Partly achieved", "Only some sessions felt welcoming", "Ask newcomers what would help",
                "differs from what most members said (Yes, this happened)", "I made friends", "2 members gave views: yes 2, a bit 0, not yet 0");
        assertThat(reviews.views(s.facilitator(), s.project(), round)).hasSize(2);
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = :o and action in ('VIEW_GIVEN', 'JUDGED')")
                .param("o", s.org().id().value()).query(Integer.class).single()).isEqualTo(4);

        // The member's own page shows their view and never the judgement.
        String own = page(s.base() + "/" + round + "/views", data.as(s.memberPerson())).text();
        assertThat(own).contains("You said: Yes, this happened").doesNotContain("Partly achieved", "Only some sessions");
        assertThat(page(viewPath, data.as(s.memberPerson())).text()).doesNotContain("Partly achieved");

        // Closed: views and judgement are kept, nothing more can be given; progress lists the judgement.
        ReviewRound r = reviews.round(s.facilitator(), s.project(), round);
        reviews.closeRound(s.facilitator(), s.project(), round, r.version());
        assertThat(reviews.giveView(s.member(), s.project(), round, s.outcome(), OwnView.NOT_YET, null))
                .isInstanceOf(ReviewResult.Refused.class);
        assertThat(reviews.ownViews(s.member(), s.project(), round).getFirst().view()).isEqualTo(OwnView.YES);
        Document progress = page("/projects/" + s.project() + "/outcomes/" + s.outcome() + "/progress", s.asFacilitator(data));
        assertThat(progress.text()).contains("Review, March 2027", "Judgement: Partly achieved");
        assertThat(progress.select("svg[aria-hidden=true] rect")).hasSize(1);
    }

    @Test
    void aMemberMaySayTheirViewAndTheFacilitatorHearsIt() throws Exception {
        Setup s = setup();
        UUID round = round(s);
        String viewPath = s.base() + "/" + round + "/views/" + s.outcome();
        byte[] wav = TestAudio.wav();

        // The face with a recording instead of a sentence, sent from the easy-read page (no JavaScript).
        mvc.perform(multipart(viewPath).file(new MockMultipartFile("voice", "Recording 3.wav", "audio/wav", wav))
                        .param("view", "A_BIT").with(data.as(s.memberPerson())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        MemberView view = reviews.ownViews(s.member(), s.project(), round).getFirst();
        assertThat(view.view()).isEqualTo(OwnView.A_BIT);
        assertThat(view.sentence()).isNull();
        UUID file = view.voiceMediaId();
        assertThat(file).isNotNull();
        assertThat(mvc.perform(get("/media/" + file).with(data.as(s.memberPerson()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(wav);

        // The member sees and can play what they said when they come back; a change without a new recording keeps it.
        Document again = page(viewPath, data.as(s.memberPerson()));
        assertThat(again.select("audio[src=/media/" + file + "]")).hasSize(1);
        assertThat(again.text()).contains("You said this:");
        mvc.perform(multipart(viewPath).param("view", "YES").param("sentence", "Mostly").with(data.as(s.memberPerson())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(reviews.ownViews(s.member(), s.project(), round).getFirst().voiceMediaId()).isEqualTo(file);

        // The facilitator plays it beside the member's view.
        Document outcome = page(s.base() + "/" + round + "/outcomes/" + s.outcome(), s.asFacilitator(data));
        assertThat(outcome.select("#views ~ ul audio[src=/media/" + file + "]")).hasSize(1);
        assertThat(outcome.text()).contains(s.memberPerson().name() + " said it:");
        assertThat(jdbc.sql("select summary from audit_event where organisation_id = :o and action = 'VIEW_GIVEN' order by id limit 1")
                .param("o", s.org().id().value()).query(String.class).single()).contains("spoken: " + file);

        // Another member of the project hears none of it.
        TestData.Person other = data.person(s.org().id(), Role.MEMBER, "second-member-" + TestData.suffix());
        mvc.perform(get("/media/" + file).with(data.as(other))).andExpect(status().isNotFound());
    }

    @Test
    void aFileThatIsNotARecordingIsRefusedBesideTheFieldAndKeepsNothing() throws Exception {
        Setup s = setup();
        UUID round = round(s);
        String viewPath = s.base() + "/" + round + "/views/" + s.outcome();
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String response = mvc.perform(multipart(viewPath).file(new MockMultipartFile("voice", "voice.wav", "audio/wav", pdf))
                        .param("view", "YES").with(data.as(s.memberPerson())).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document form = Jsoup.parse(response);
        assertThat(form.select("#voice-error").text()).contains("The file must be a sound recording");
        assertThat(form.select(".govuk-error-summary a[href=#voice]")).hasSize(1);
        assertThat(reviews.ownViews(s.member(), s.project(), round)).isEmpty();
        assertThat(jdbc.sql("select count(*) from media_file where organisation_id = :o").param("o", s.org().id().value())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theMembersRecordingIsInTheirSubjectAccessExportAndGoesWhenTheyAreErased() throws Exception {
        Setup s = setup();
        UUID round = round(s);
        byte[] wav = TestAudio.wav();
        reviews.giveView(s.member(), s.project(), round, s.outcome(), OwnView.YES, null, new Recording("me.wav", wav));
        UUID file = reviews.ownViews(s.member(), s.project(), round).getFirst().voiceMediaId();
        TestData.Person admin = s.org().person(Role.ADMIN);
        Tenant adminTenant = new Tenant(new UserId(admin.id()), s.org().id(), s.org().name(), Role.ADMIN);
        UUID membership = s.memberPerson().membershipId();

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
        assertThat(jdbc.sql("select count(*) from review_member_view where round_id = :r").param("r", round).query(Integer.class).single())
                .isZero();
    }

    @Test
    void anotherOrganisationSeesNoneOfItAndAViewerNeither() throws Exception {
        Setup s = setup();
        UUID round = round(s);
        reviews.giveView(s.member(), s.project(), round, s.outcome(), OwnView.A_BIT, "Private words");
        TestData.Org b = data.organisationWithEveryRole("Other reviews");
        Tenant bAdmin = new Tenant(new UserId(b.admin().id()), b.id(), b.name(), Role.ADMIN);

        assertThatThrownBy(() -> reviews.rounds(bAdmin, s.project())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> summaries.summary(bAdmin, s.project(), round, s.outcome())).isInstanceOf(NotFoundException.class);
        for (String path : List.of(s.base(), s.base() + "/" + round, s.base() + "/" + round + "/outcomes/" + s.outcome(),
                "/projects/" + s.project() + "/outcomes/" + s.outcome() + "/progress")) {
            int got = mvc.perform(get(path).with(data.as(b.admin()))).andReturn().getResponse().getStatus();
            assertThat(got).as(path).isIn(403, 404);
        }
        int viewer = mvc.perform(get(s.base()).with(data.as(s.org().person(Role.VIEWER)))).andReturn().getResponse().getStatus();
        assertThat(viewer).isEqualTo(403);
        // A member sees the open round to give views, never another member's view.
        String list = page(s.base(), data.as(s.memberPerson())).text();
        assertThat(list).contains("Give your views: Review, March 2027");
        int facilitatorPage = mvc.perform(get(s.base() + "/" + round + "/outcomes/" + s.outcome()).with(data.as(s.memberPerson())))
                .andReturn().getResponse().getStatus();
        assertThat(facilitatorPage).isEqualTo(403);
    }

    @Test
    void theDemoDayCentreHasAClosedReviewWithJudgementsAndAnOpenOneWaitingForViews() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Demo reviews");
        Map<Role, UUID> people = new HashMap<>();
        org.people().forEach((role, person) -> people.put(role, person.id()));

        transactions.executeWithoutResult(t -> events.publishEvent(new DemoOrganisationCreated(org.id(), org.name(), Map.copyOf(people))));

        Tenant facilitator = new Tenant(new UserId(people.get(Role.FACILITATOR)), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.projects(facilitator).getFirst().id();
        List<ReviewRound> rounds = reviews.rounds(facilitator, project);
        assertThat(rounds).extracting(ReviewRound::title).containsExactly("Review, December 2026", "Review, April 2026");
        ReviewRound spring = rounds.getLast();
        assertThat(spring.open()).isFalse();
        assertThat(reviews.judgements(facilitator, project, spring.id())).extracting(OutcomeJudgement::judgement)
                .containsExactlyInAnyOrder(Judgement.ACHIEVED, Judgement.NOT_YET);
        assertThat(reviews.progress(facilitator, project, spring.outcomeIds().getFirst())).hasSize(1);
        ReviewRound winter = rounds.getFirst();
        assertThat(winter.open()).isTrue();
        assertThat(winter.periodFrom()).isEqualTo(LocalDate.of(2026, 5, 1));
        // Every outcome's summary of the open round reads the other demos' evidence without failing.
        for (UUID outcome : winter.outcomeIds()) {
            page(winter.href() + "/outcomes/" + outcome, data.as(org.person(Role.FACILITATOR)));
        }
    }

    private Document page(String path, RequestPostProcessor who) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
