package org.coproduction.impact.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class FormBuildIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

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
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.coproduction.impact.shared.web.BaseUrl baseUrl;

    /** A project with two outcomes, a plan row for one of them, and its facilitator. */
    record Setup(TestData.Org org, Tenant facilitator, RequestPostProcessor as, UUID project, UUID activities, UUID confidence, UUID row) {}

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Forms");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id())));
        UUID activities = outcome(tenant, project, "The activities are the ones people asked for");
        UUID confidence = outcome(tenant, project, "Members feel confident to speak up");
        UUID way = evidence.currentWayFromSeed(tenant, "feedback-forms").orElseThrow().id();
        UUID row = ((PlanEdit.Saved) plans.addRow(tenant, project, activities, new PlanRowDraft(EvidenceType.PEOPLES_RATINGS,
                "People rate each activity", List.of(way), "People enjoy the activities", null, null, null, null, null, null))).rowId();
        return new Setup(org, tenant, data.as(f), project, activities, confidence, row);
    }

    private UUID outcome(Tenant tenant, UUID project, String title) {
        EditResult r = pathways.addOutcome(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.OutcomeDraft(title, Term.SHORT, true, List.of(), null));
        return ((EditResult.Saved) r).itemId();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** The response, with the flash attributes a redirect carries. */
    record Sent(MockHttpServletResponse response, Map<String, Object> flash) {

        int getStatus() {
            return response.getStatus();
        }

        String getRedirectedUrl() {
            return response.getRedirectedUrl();
        }

        String getContentAsString() throws Exception {
            return response.getContentAsString();
        }

        Map<String, Object> getFlashMap() {
            return flash;
        }
    }

    private Sent send(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request.with(csrf())).andReturn();
        return new Sent(r.getResponse(), r.getFlashMap());
    }

    private UUID fromTemplate(Setup s, String template) throws Exception {
        Sent r = send(post("/projects/" + s.project() + "/forms/new").with(s.as()).param("start", template).param("title", ""));
        assertThat(r.getStatus()).isEqualTo(302);
        return UUID.fromString(r.getRedirectedUrl().substring("/forms/".length()));
    }

    /** The question page's fields as they are, to post back with some changed. */
    private Map<String, String> fields(Setup s, UUID formId, String key) throws Exception {
        Document d = page(get("/forms/" + formId + "/edit/questions/" + key).with(s.as()));
        Map<String, String> values = new HashMap<>();
        d.select("main form[method=post] input[type=hidden], main form input[type=text], main textarea, main select").forEach(e -> {
            if (e.tagName().equals("select")) {
                var selected = e.selectFirst("option[selected]");
                values.put(e.attr("name"), selected == null ? "" : selected.attr("value"));
            } else {
                values.put(e.attr("name"), e.tagName().equals("textarea") ? e.text() : e.attr("value"));
            }
        });
        d.select("main input[type=radio][checked]").forEach(e -> values.put(e.attr("name"), e.attr("value")));
        values.remove("_csrf");
        return values;
    }

    private Sent saveQuestion(Setup s, UUID formId, String key, Map<String, String> values) throws Exception {
        MockHttpServletRequestBuilder request = post("/forms/" + formId + "/edit/" + (key.equals("new") ? "new" : "questions/" + key)).with(s.as());
        values.forEach(request::param);
        return send(request);
    }

    @Test
    void facesChosenWithAPresetScaleStayFacesOnRatingsAndBeforeAfterQuestions() throws Exception {
        Setup s = setup();
        Sent made = send(post("/organisation/forms/new").with(s.as()).param("start", "blank").param("title", "Café faces"));
        UUID id = UUID.fromString(made.getRedirectedUrl().substring("/forms/".length()));
        Map<String, String> rating = new HashMap<>(Map.of("version", String.valueOf(forms.form(s.facilitator(), id).version()), "type", "RATING",
                "text", "How was the café?", "required", "no", "preset", "POOR_TO_EXCELLENT", "scale", "FACES"));
        assertThat(saveQuestion(s, id, "new", rating).getFlashMap().get("notice")).isEqualTo("Question added.");
        Map<String, String> pair = new HashMap<>(Map.of("version", String.valueOf(forms.form(s.facilitator(), id).version()), "type",
                "BEFORE_AFTER", "text", "How did you feel before?", "afterText", "How do you feel now?", "required", "no",
                "preset", "NOT_AT_ALL_TO_COMPLETELY", "scale", "FACES"));
        assertThat(saveQuestion(s, id, "new", pair).getFlashMap().get("notice")).isEqualTo("Question added.");

        List<Question> saved = forms.form(s.facilitator(), id).questions();
        assertThat(saved).extracting(Question::scale).containsExactly(ScaleStyle.FACES, ScaleStyle.FACES);
        assertThat(saved.getFirst().options()).isEqualTo(ScalePreset.POOR_TO_EXCELLENT.labels());
        // Changing it again shows the preset it came from and the faces.
        Map<String, String> again = fields(s, id, saved.getFirst().key());
        Document edit = page(get("/forms/" + id + "/edit/questions/" + saved.getFirst().key()).with(s.as()));
        assertThat(edit.select("input[name=preset][checked]").val()).isEqualTo("POOR_TO_EXCELLENT");
        assertThat(edit.select("input[name=scale][checked]").val()).isEqualTo("FACES");
        assertThat(again).isNotEmpty();
    }

    @Test
    void aFacilitatorMakesAFormFromTheActivityFeedbackTemplateAndSeesItsLinkAndQrCode() throws Exception {
        Setup s = setup();
        Document list = page(get("/projects/" + s.project() + "/forms").with(s.as()));
        assertThat(list.select("#no-forms")).hasSize(1);
        assertThat(page(get("/projects/" + s.project()).with(s.as())).select("a[href=/projects/" + s.project() + "/forms]")).hasSize(1);

        UUID id = fromTemplate(s, FormTemplates.ACTIVITY_FEEDBACK);
        Form form = forms.form(s.facilitator(), id);
        assertThat(form.title()).isEqualTo("Activity feedback");
        assertThat(form.templateKey()).isEqualTo(FormTemplates.ACTIVITY_FEEDBACK);
        assertThat(form.projectId()).isEqualTo(s.project());
        assertThat(form.status()).isEqualTo(FormStatus.DRAFT);
        assertThat(form.questions()).isEqualTo(FormTemplates.find(FormTemplates.ACTIVITY_FEEDBACK).orElseThrow().questions());

        Document overview = page(get("/forms/" + id).with(s.as()));
        assertThat(overview.select("h1").text()).isEqualTo("Activity feedback");
        assertThat(overview.select("#public-link a").attr("href")).isEqualTo(baseUrl.value() + "/r/" + form.token());
        assertThat(overview.select("#qr-code svg[role=img] title").text()).isEqualTo("QR code for the form “Activity feedback”");
        assertThat(overview.select("#qr-code svg path").attr("d")).isNotEmpty();
        assertThat(overview.select(".app-form-preview > li")).hasSize(7);
        assertThat(overview.select("#warnings").text()).contains("Nothing to look at");
        assertThat(overview.select("a[href=/forms/" + id + "/responses]")).hasSize(1);
        assertThat(overview.select("a[href=/forms/" + id + "/paper]")).hasSize(1);
        assertThat(overview.select("a[href=/forms/" + id + "/kiosk]")).hasSize(1);

        Document poster = page(get("/forms/" + id + "/poster").with(s.as()));
        assertThat(poster.select("#poster-link").text()).isEqualTo(baseUrl.value().replaceFirst("^https?://", "") + "/r/" + form.token());
        assertThat(poster.select(".app-poster__qr svg[role=img]")).hasSize(1);

        // Open, then close.
        send(post("/forms/" + id + "/status").with(s.as()).param("status", "OPEN"));
        assertThat(forms.form(s.facilitator(), id).status()).isEqualTo(FormStatus.OPEN);
        send(post("/forms/" + id + "/status").with(s.as()).param("status", "CLOSED"));
        assertThat(forms.form(s.facilitator(), id).status()).isEqualTo(FormStatus.CLOSED);
        assertThat(page(get("/projects/" + s.project() + "/forms").with(s.as())).select("a[href=/forms/" + id + "]").text())
                .isEqualTo("Activity feedback");
    }

    @Test
    void linkingAQuestionToAPlanRowShowsTheFormOnThePlan() throws Exception {
        Setup s = setup();
        UUID id = fromTemplate(s, FormTemplates.ACTIVITY_FEEDBACK);
        Map<String, String> fun = fields(s, id, "fun");
        assertThat(fun).containsEntry("text", "Was the activity fun?").containsEntry("preset", "POOR_TO_EXCELLENT").containsEntry("picture", "star");
        Document editor = page(get("/forms/" + id + "/edit/questions/fun").with(s.as()));
        assertThat(editor.select("select[name=outcomeId] option").eachText()).contains("The activities are the ones people asked for",
                "Members feel confident to speak up");
        assertThat(editor.select("input[name=picture]")).hasSize(Pictures.ALL.size() + 1);

        // Only the plan row: the outcome follows from it.
        fun.put("planRowId", s.row().toString());
        Sent r = saveQuestion(s, id, "fun", fun);
        assertThat(r.getRedirectedUrl()).isEqualTo("/forms/" + id + "/edit");
        assertThat(r.getFlashMap().get("notice")).isEqualTo("Question saved.");
        Question saved = forms.form(s.facilitator(), id).questions().get(3);
        assertThat(saved.key()).isEqualTo("fun");
        assertThat(saved.planRowId()).isEqualTo(s.row());
        assertThat(saved.outcomeId()).isEqualTo(s.activities());

        // A row of another outcome than the one chosen is refused, and nothing changes.
        Map<String, String> place = fields(s, id, "place");
        place.put("outcomeId", s.confidence().toString());
        place.put("planRowId", s.row().toString());
        Document refused = Jsoup.parse(saveQuestion(s, id, "place", place).getContentAsString());
        assertThat(refused.select("#planRowId-error").text()).contains("for a different outcome");
        assertThat(forms.form(s.facilitator(), id).questions().getFirst().outcomeId()).isNull();

        Document plan = page(get("/projects/" + s.project() + "/plan").with(s.as()));
        assertThat(plan.select(".app-collected-by").text()).isEqualTo("Collected by: Activity feedback");
        assertThat(plan.select(".app-collected-by a").attr("href")).isEqualTo("/forms/" + id);
        // A member sees which form collects the row, without a link to the facilitators' page.
        Document asMember = page(get("/projects/" + s.project() + "/plan").with(data.as(s.org().person(Role.MEMBER))));
        assertThat(asMember.select(".app-collected-by").text()).isEqualTo("Collected by: Activity feedback");
        assertThat(asMember.select(".app-collected-by a")).isEmpty();

        // An archived form collects nothing.
        send(post("/forms/" + id + "/archive").with(s.as()).param("archived", "true"));
        assertThat(page(get("/projects/" + s.project() + "/plan").with(s.as())).select(".app-collected-by")).isEmpty();
    }

    @Test
    void warningsShowOnTheQuestionAndTheOverviewAndGoWhenFixedWithoutBlockingASave() throws Exception {
        Setup s = setup();
        Sent made = send(post("/organisation/forms/new").with(s.as()).param("start", "blank").param("title", "Yearly survey"));
        UUID id = UUID.fromString(made.getRedirectedUrl().substring("/forms/".length()));
        assertThat(forms.form(s.facilitator(), id).projectId()).isNull();

        // Choosing the kind first.
        Document chooser = page(get("/forms/" + id + "/edit/new").with(s.as()).param("chosen", "yes"));
        assertThat(chooser.select("#type-error").text()).contains("Choose what kind of question it is");
        Document newPage = page(get("/forms/" + id + "/edit/new").with(s.as()).param("type", "SINGLE_CHOICE"));
        assertThat(newPage.select("textarea[name=options]")).hasSize(1);
        assertThat(newPage.select("select[name=outcomeId]")).isEmpty();

        Map<String, String> q = new HashMap<>(Map.of("version", String.valueOf(forms.form(s.facilitator(), id).version()), "type", "SINGLE_CHOICE",
                "text", "Which stakeholder engagement activities had the most impact on you?", "required", "no", "options", ""));
        Sent r = saveQuestion(s, id, "new", q);
        assertThat(r.getFlashMap().get("notice")).isEqualTo("Question added.");
        Question added = forms.form(s.facilitator(), id).questions().getFirst();
        assertThat(added.options()).isEmpty();

        Document overview = page(get("/forms/" + id).with(s.as()));
        String warnings = overview.select("#warnings").text();
        assertThat(warnings).contains("Question 1: Which stakeholder", "“stakeholder” is a word many people don’t use",
                "“engagement”", "“impact”", "no answers to choose from", "no easy-read words");
        Document questionPage = page(get("/forms/" + id + "/edit/questions/" + added.key()).with(s.as()));
        assertThat(questionPage.select("#warnings li")).hasSize(5);

        Map<String, String> fixed = fields(s, id, added.key());
        fixed.put("text", "Which activities helped you most?");
        fixed.put("options", "Cooking\nGardening\nArt");
        fixed.put("easyReadText", "What helped you?");
        fixed.put("picture", "thumbs-up");
        saveQuestion(s, id, added.key(), fixed);
        Question now = forms.form(s.facilitator(), id).questions().getFirst();
        assertThat(now.options()).containsExactly("Cooking", "Gardening", "Art");
        assertThat(now.picture()).isEqualTo("thumbs-up");
        assertThat(page(get("/forms/" + id).with(s.as())).select("#warnings").text()).contains("Nothing to look at");
    }

    @Test
    void badInputIsExplainedBesideTheFieldAndChangesNothing() throws Exception {
        Setup s = setup();
        UUID id = fromTemplate(s, FormTemplates.CHECK_IN);
        Form before = forms.form(s.facilitator(), id);
        Map<String, String> q = fields(s, id, "feeling-today");
        q.put("text", " ");
        q.put("picture", "not-a-picture");
        q.put("outcomeId", UUID.randomUUID().toString());
        Document d = Jsoup.parse(saveQuestion(s, id, "feeling-today", q).getContentAsString());
        assertThat(d.select(".govuk-error-summary a").eachText()).containsExactly("Enter the question", "Choose one of the pictures shown",
                "Choose one of the project’s outcomes");
        assertThat(d.select("#text-error").text()).contains("Enter the question");
        Map<String, String> pair = new HashMap<>(Map.of("version", String.valueOf(before.version()), "type", "BEFORE_AFTER",
                "text", "How did you feel before?", "preset", "THREE_FACES"));
        assertThat(Jsoup.parse(saveQuestion(s, id, "new", pair).getContentAsString()).select("#afterText-error").text())
                .contains("Enter the ‘now’ question");
        Map<String, String> settings = Map.of("version", String.valueOf(before.version()), "title", "Check-in", "named", "no",
                "closesDay", "31", "closesMonth", "2", "closesYear", "2030");
        MockHttpServletRequestBuilder request = post("/forms/" + id + "/edit/settings").with(s.as());
        settings.forEach(request::param);
        assertThat(Jsoup.parse(send(request).getContentAsString()).select("#closes-error").text()).contains("Enter a real date");
        assertThat(forms.form(s.facilitator(), id)).isEqualTo(before);
    }

    @Test
    void aStaleSaveShowsAPlainMessageAndChangesNothing() throws Exception {
        Setup s = setup();
        UUID id = fromTemplate(s, FormTemplates.ACTIVITY_FEEDBACK);
        Map<String, String> mine = fields(s, id, "fun");
        Map<String, String> theirs = fields(s, id, "place");
        theirs.put("hint", "Getting there and the room");
        saveQuestion(s, id, "place", theirs);
        Form afterTheirs = forms.form(s.facilitator(), id);

        mine.put("text", "Did you enjoy the activity?");
        Sent r = saveQuestion(s, id, "fun", mine);
        assertThat(r.getStatus()).isEqualTo(200);
        Document d = Jsoup.parse(r.getContentAsString());
        assertThat(d.select(".govuk-error-summary").text()).contains("Someone else changed this form while you were working on it");
        assertThat(d.select("textarea[name=text]").text()).isEqualTo("Did you enjoy the activity?");
        assertThat(d.select("input[name=version]").attr("value")).isEqualTo(String.valueOf(afterTheirs.version()));
        assertThat(forms.form(s.facilitator(), id)).isEqualTo(afterTheirs);

        // Moving with an old version changes nothing either.
        Sent move = send(post("/forms/" + id + "/edit/questions/fun/move").with(s.as())
                .param("direction", "up").param("version", mine.get("version")));
        assertThat(move.getFlashMap().get("problem")).asString().contains("Someone else changed this form just before you");
        assertThat(forms.form(s.facilitator(), id)).isEqualTo(afterTheirs);
    }

    @Test
    void questionsMoveAndAreRemovedAfterConfirming() throws Exception {
        Setup s = setup();
        UUID id = fromTemplate(s, FormTemplates.CHECK_IN);
        Form form = forms.form(s.facilitator(), id);
        send(post("/forms/" + id + "/edit/questions/hoping-for/move").with(s.as()).param("direction", "up")
                .param("version", String.valueOf(form.version())));
        form = forms.form(s.facilitator(), id);
        assertThat(form.questions()).extracting(Question::key)
                .containsExactly("feeling-today", "have-what-you-need", "hoping-for", "help-to-take-part");
        Document confirm = page(get("/forms/" + id + "/edit/questions/hoping-for/remove").with(s.as()));
        assertThat(confirm.select("h1").text()).isEqualTo("Remove this question?");
        assertThat(forms.form(s.facilitator(), id).questions()).hasSize(4);
        Sent r = send(post("/forms/" + id + "/edit/questions/hoping-for/remove").with(s.as())
                .param("version", String.valueOf(form.version())));
        assertThat(r.getFlashMap().get("notice")).isEqualTo("Question removed.");
        assertThat(forms.form(s.facilitator(), id).questions()).extracting(Question::key)
                .containsExactly("feeling-today", "have-what-you-need", "help-to-take-part");
        assertThat(mvc.perform(get("/forms/" + id + "/edit/questions/hoping-for").with(s.as())).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void changingAnAnsweredFormMakesANewVersionAndSaysSoAndTheVersionsPageShowsWhatReadsTogether() throws Exception {
        Setup s = setup();
        UUID id = fromTemplate(s, FormTemplates.ACTIVITY_FEEDBACK);
        send(post("/forms/" + id + "/status").with(s.as()).param("status", "OPEN"));
        PublicForm pf = respondents.locate(forms.form(s.facilitator(), id).token()).orElseThrow();
        Draft draft = respondents.start(pf, Source.ONLINE, null);
        assertThat(respondents.submit(pf, draft.token())).isInstanceOf(SubmitResult.Saved.class);

        Map<String, String> fun = fields(s, id, "fun");
        fun.put("text", "Did you enjoy the activity?");
        Sent r = saveQuestion(s, id, "fun", fun);
        assertThat(r.getFlashMap().get("notice")).isEqualTo("People have already answered this form, so your change is in a new version "
                + "(version 2). Their answers keep the questions they were given.");
        Form form = forms.form(s.facilitator(), id);
        assertThat(form.currentVersion()).isEqualTo(2);
        String newKey = form.questions().get(3).key();
        assertThat(newKey).isNotEqualTo("fun");

        Document versions = page(get("/forms/" + id + "/versions").with(s.as()));
        assertThat(versions.select("#versions tbody tr")).hasSize(2);
        assertThat(versions.select("#versions tbody tr").get(1).select("td").last().text()).isEqualTo("1");
        assertThat(versions.select("#versions tbody tr").get(0).text()).contains("Version 2", "Given now", s.org().person(Role.FACILITATOR).name());

        Document two = page(get("/forms/" + id + "/versions/2").with(s.as()));
        assertThat(two.select(".app-form-preview > li")).hasSize(7);
        assertThat(two.select(".app-form-preview > li").get(0).text()).contains("The same in version 1");
        assertThat(two.select(".app-form-preview > li").get(3).text()).contains("Did you enjoy the activity?", "Only in this version");
        Document one = page(get("/forms/" + id + "/versions/1").with(s.as()));
        assertThat(one.select(".app-form-preview > li").get(3).text()).contains("Was the activity fun?", "Only in this version");
        assertThat(mvc.perform(get("/forms/" + id + "/versions/3").with(s.as())).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void namedAnswersGiveProjectMembersTheirOwnLinksAndOnlyThem() throws Exception {
        Setup s = setup();
        UUID id = fromTemplate(s, FormTemplates.TRAINING);
        Form form = forms.form(s.facilitator(), id);
        MockHttpServletRequestBuilder settings = post("/forms/" + id + "/edit/settings").with(s.as()).param("version", String.valueOf(form.version()))
                .param("title", "Training feedback").param("intro", "").param("named", "yes")
                .param("closesDay", "1").param("closesMonth", "6").param("closesYear", String.valueOf(java.time.LocalDate.now().getYear() + 1));
        assertThat(send(settings).getFlashMap().get("notice")).isEqualTo("Settings saved.");
        form = forms.form(s.facilitator(), id);
        assertThat(form.title()).isEqualTo("Training feedback");
        assertThat(form.namedAnswers()).isTrue();
        assertThat(form.closesOn()).isEqualTo(java.time.LocalDate.of(java.time.LocalDate.now().getYear() + 1, 6, 1));

        TestData.Person member = s.org().person(Role.MEMBER);
        Document overview = page(get("/forms/" + id).with(s.as()));
        assertThat(overview.select("#members ~ ul li").text()).contains(member.name(), "Make a link");
        send(post("/forms/" + id + "/personal-links").with(s.as()).param("userId", member.id().toString()));
        List<PersonalLink> links = forms.personalLinks(s.facilitator(), id);
        assertThat(links).extracting(PersonalLink::userId).containsExactly(member.id());
        assertThat(page(get("/forms/" + id).with(s.as())).select(".app-member-links").text())
                .contains(baseUrl.value() + "/r/" + form.token() + "/p/" + links.getFirst().token());

        // Someone not in the project gets no link.
        TestData.Person viewer = s.org().person(Role.VIEWER);
        assertThat(send(post("/forms/" + id + "/personal-links").with(s.as()).param("userId", viewer.id().toString())).getStatus()).isEqualTo(404);
        assertThat(forms.personalLinks(s.facilitator(), id)).hasSize(1);
    }

    @Test
    void theDemoDayCentreHasAnOpenActivityFeedbackFormLinkedToItsOutcomesAndPlan() {
        TestData.Org org = data.organisationWithEveryRole("Demo forms");
        Map<Role, UUID> people = new HashMap<>();
        org.people().forEach((role, p) -> people.put(role, p.id()));
        transactions.executeWithoutResult(t -> events.publishEvent(new DemoOrganisationCreated(org.id(), org.name(), people)));

        Tenant facilitator = new Tenant(new UserId(people.get(Role.FACILITATOR)), org.id(), org.name(), Role.FACILITATOR);
        Project project = projects.projects(facilitator).getFirst();
        // The demo also has the responses demo's after-meeting form; this one is made from the template.
        Form form = forms.forms(facilitator, project.id()).stream()
                .filter(f -> FormTemplates.ACTIVITY_FEEDBACK.equals(f.templateKey()))
                .findFirst()
                .orElseThrow();
        assertThat(form.status()).isEqualTo(FormStatus.OPEN);
        assertThat(form.questions().stream().filter(q -> q.outcomeId() != null)).hasSize(5);
        assertThat(form.questions().stream().filter(q -> q.planRowId() != null)).hasSize(5);
    }

    @Test
    void theBuilderTakesWelshWordsBesideTheEnglishWithOneWelshChoiceForEachEnglishOne() throws Exception {
        Setup s = setup();
        Sent made = send(post("/organisation/forms/new").with(s.as()).param("start", "blank").param("title", "Bilingual survey"));
        UUID id = UUID.fromString(made.getRedirectedUrl().substring("/forms/".length()));
        Document newPage = page(get("/forms/" + id + "/edit/new").with(s.as()).param("type", "SINGLE_CHOICE"));
        assertThat(newPage.select("textarea[name=textCy], input[name=hintCy], textarea[name=optionsCy], input[name=easyReadTextCy]")).hasSize(4);

        Map<String, String> q = new HashMap<>(Map.of("version", String.valueOf(forms.form(s.facilitator(), id).version()), "type",
                "SINGLE_CHOICE", "text", "Did you enjoy it?", "required", "no", "options", "Yes\nNo", "textCy", "Wnaethoch chi ei fwynhau?",
                "optionsCy", "Do"));
        q.put("easyReadTextCy", "Hwyl? ".repeat(60));
        Sent wrong = saveQuestion(s, id, "new", q);
        Document refused = Jsoup.parse(wrong.getContentAsString());
        assertThat(refused.select("#optionsCy-error").text()).contains("Give 2 Welsh choices");
        assertThat(refused.select("#easyReadTextCy-error").text()).isNotBlank();
        assertThat(forms.form(s.facilitator(), id).questions()).isEmpty();

        q.put("optionsCy", "Do\nNaddo");
        q.put("hintCy", "Dewiswch un");
        q.put("easyReadText", "Was it fun?");
        q.put("easyReadTextCy", "Oedd e’n hwyl?");
        saveQuestion(s, id, "new", q);
        Question saved = forms.form(s.facilitator(), id).questions().getFirst();
        assertThat(saved.textCy()).isEqualTo("Wnaethoch chi ei fwynhau?");
        assertThat(saved.hintCy()).isEqualTo("Dewiswch un");
        assertThat(saved.easyReadText()).isEqualTo("Was it fun?");
        assertThat(saved.easyReadTextCy()).isEqualTo("Oedd e’n hwyl?");
        assertThat(saved.optionsCy()).containsExactly("Do", "Naddo");
        assertThat(saved.options()).containsExactly("Yes", "No");

        Form form = forms.form(s.facilitator(), id);
        send(post("/forms/" + id + "/edit/settings").with(s.as()).param("version", String.valueOf(form.version())).param("title", form.title())
                .param("named", "no").param("titleCy", "Arolwg dwyieithog").param("introCy", ""));
        assertThat(forms.form(s.facilitator(), id).titleCy()).isEqualTo("Arolwg dwyieithog");
        assertThat(forms.form(s.facilitator(), id).introCy()).isNull();
        assertThat(forms.form(s.facilitator(), id).hasWelsh()).isTrue();
    }
}
