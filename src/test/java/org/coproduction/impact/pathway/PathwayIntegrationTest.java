package org.coproduction.impact.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.PathwayService.ActivityDraft;
import org.coproduction.impact.pathway.PathwayService.OutcomeDraft;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.IntegrationTest;
import org.coproduction.impact.support.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PathwayIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    record Setup(TestData.Org org, Tenant facilitator, UUID project) {}

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Pathway");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), false, List.of(org.person(Role.MEMBER).id())));
        return new Setup(org, tenant, project);
    }

    private Pathway pathway(Setup s) {
        return pathways.pathway(s.facilitator(), s.project());
    }

    private UUID addOutcome(Setup s, String title, Term term, boolean impact, UUID... leadsTo) {
        EditResult r = pathways.addOutcome(s.facilitator(), s.project(), pathway(s).version(),
                new OutcomeDraft(title, term, impact, List.of(leadsTo), null));
        return ((EditResult.Saved) r).itemId();
    }

    @Test
    void everySavedChangeIsKeptAndTwoVersionsCanBeCompared() {
        Setup s = setup();
        UUID longTerm = addOutcome(s, "More people use the centre", Term.LONG, true);
        addOutcome(s, "A steering group is formed", Term.SHORT, false, longTerm);
        Pathway p = pathway(s);
        pathways.updateOutcome(s.facilitator(), s.project(), longTerm, p.version(),
                new OutcomeDraft("More people use the centre and like it", Term.LONG, true, List.of(), "Visitor numbers"));

        List<Revision> revisions = pathways.revisions(s.facilitator(), s.project());
        assertThat(revisions).extracting(Revision::number).containsExactly(3, 2, 1);
        assertThat(revisions.get(0).summary()).contains("More people use the centre and like it");
        assertThat(revisions.get(0).authorName()).isEqualTo(s.org().person(Role.FACILITATOR).name());
        assertThat(pathways.revisionDocument(s.facilitator(), s.project(), 1).outcomes()).extracting(PathwayDocument.OutcomeEntry::title)
                .containsExactly("More people use the centre");

        List<Change> changes = pathways.compare(s.facilitator(), s.project(), 1, 3);
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.ADDED);
            assertThat(c.title()).isEqualTo("A steering group is formed");
        });
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.CHANGED);
            assertThat(c.fields()).anySatisfy(f -> {
                assertThat(f.before()).isEqualTo("More people use the centre");
                assertThat(f.after()).isEqualTo("More people use the centre and like it");
            });
        });
    }

    @Test
    void aStaleEditChangesNothingAndReturnsTheCurrentPathway() {
        Setup s = setup();
        UUID outcome = addOutcome(s, "Original", Term.LONG, true);
        int seen = pathway(s).version();
        pathways.updateOutcome(s.facilitator(), s.project(), outcome, seen, new OutcomeDraft("Theirs", Term.LONG, true, List.of(), null));

        EditResult mine = pathways.updateOutcome(s.facilitator(), s.project(), outcome, seen,
                new OutcomeDraft("Mine", Term.LONG, true, List.of(), null));

        assertThat(mine).isInstanceOf(EditResult.Stale.class);
        assertThat(((EditResult.Stale) mine).current().outcomeTitle(outcome)).isEqualTo("Theirs");
        assertThat(pathway(s).outcomeTitle(outcome)).isEqualTo("Theirs");
        assertThat(pathways.revisions(s.facilitator(), s.project())).hasSize(2);
    }

    @Test
    void aLinkThatWouldMakeALoopIsRefused() {
        Setup s = setup();
        UUID later = addOutcome(s, "Later", Term.LONG, true);
        UUID earlier = addOutcome(s, "Earlier", Term.SHORT, false, later);

        EditResult loop = pathways.updateOutcome(s.facilitator(), s.project(), later, pathway(s).version(),
                new OutcomeDraft("Later", Term.LONG, true, List.of(earlier), null));

        assertThat(loop).isInstanceOfSatisfying(EditResult.Refused.class, r -> {
            assertThat(r.field()).isEqualTo("leadsTo");
            assertThat(r.messageKey()).isEqualTo("pathway.outcome.leads-to.cycle");
        });
        assertThat(pathway(s).outcome(later).orElseThrow().leadsTo()).isEmpty();
    }

    @Test
    void removingAnOutcomeArchivesItAndKeepsItsLinks() {
        Setup s = setup();
        UUID outcome = addOutcome(s, "To be removed", Term.LONG, true);
        pathways.addActivity(s.facilitator(), s.project(), pathway(s).version(),
                new ActivityDraft("Meeting", ActivityKind.MEETING, null, List.of(outcome)));

        pathways.removeOutcome(s.facilitator(), s.project(), outcome, pathway(s).version());

        Pathway p = pathway(s);
        assertThat(p.currentOutcomes()).isEmpty();
        assertThat(p.outcome(outcome)).hasValueSatisfying(o -> assertThat(o.archived()).isTrue());
        assertThat(p.currentActivities().get(0).outcomeIds()).containsExactly(outcome);
        // Changing the activity keeps its link to the removed outcome.
        Activity meeting = p.currentActivities().get(0);
        pathways.updateActivity(s.facilitator(), s.project(), meeting.id(), p.version(),
                new ActivityDraft("Monthly meeting", ActivityKind.MEETING, null, List.of()));
        assertThat(pathway(s).activity(meeting.id()).orElseThrow().outcomeIds()).containsExactly(outcome);

        pathways.restoreOutcome(s.facilitator(), s.project(), outcome, pathway(s).version());
        assertThat(pathway(s).currentOutcomes()).extracting(Outcome::title).containsExactly("To be removed");
    }

    @Test
    void changingAnOutcomeKeepsItsLinkToARemovedLaterOne() {
        Setup s = setup();
        UUID later = addOutcome(s, "Later", Term.LONG, true);
        UUID earlier = addOutcome(s, "Earlier", Term.SHORT, false, later);
        pathways.removeOutcome(s.facilitator(), s.project(), later, pathway(s).version());

        pathways.updateOutcome(s.facilitator(), s.project(), earlier, pathway(s).version(),
                new OutcomeDraft("Earlier, renamed", Term.SHORT, true, List.of(), null));
        pathways.restoreOutcome(s.facilitator(), s.project(), later, pathway(s).version());

        assertThat(pathway(s).outcome(earlier).orElseThrow().leadsTo()).containsExactly(later);
    }

    @Test
    void thePathwayPageDrawsTheDiagramWithTheListAndTableBesideIt() throws Exception {
        Setup s = setup();
        pathways.importInto(s.facilitator(), s.project(), pathway(s).version(), PathwayDemoData.dayCentre());

        Document page = Jsoup.parse(mvc.perform(get("/projects/" + s.project() + "/pathway").with(data.as(s.org().person(Role.MEMBER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        var svg = page.selectFirst("figure.app-diagram svg[role=img]");
        assertThat(svg).isNotNull();
        assertThat(svg.selectFirst("title").text()).isNotBlank();
        assertThat(svg.select("[data-kind=activity]")).hasSize(PathwayDemoData.dayCentre().activities().size());
        assertThat(svg.select("[data-kind^=outcome-]")).hasSize(PathwayDemoData.dayCentre().outcomes().size());
        // Outcomes leading to several later ones are written out once; later mentions link back.
        assertThat(page.select(".app-pathway-list li[id^=list-outcome-]")).hasSize(PathwayDemoData.dayCentre().outcomes().size());
        assertThat(page.select(".app-pathway-list a[href^=#list-outcome-]")).isNotEmpty();
        for (PathwayDocument.OutcomeEntry o : PathwayDemoData.dayCentre().outcomes()) {
            assertThat(page.select(".app-pathway-list").text()).contains(o.title());
            assertThat(page.select("#as-a-table ~ .app-table-scroll th[scope=row]").eachText()).contains(o.title());
        }
    }

    @Test
    void aPathwayHasAtMostTwoHundredOutcomes() {
        Setup s = setup();
        for (int i = 0; i < PathwayLimits.MAX_OUTCOMES; i++) {
            addOutcome(s, "Outcome " + i, Term.SHORT, true);
        }

        EditResult more = pathways.addOutcome(s.facilitator(), s.project(), pathway(s).version(),
                new OutcomeDraft("One too many", Term.SHORT, true, List.of(), null));

        assertThat(more).isInstanceOfSatisfying(EditResult.Refused.class, r -> assertThat(r.messageKey()).isEqualTo("pathway.outcome.too-many"));
        assertThat(pathway(s).currentOutcomes()).hasSize(PathwayLimits.MAX_OUTCOMES);
    }

    @Test
    void exportThenImportThenExportGivesIdenticalJson() {
        Setup s = setup();
        Pathway empty = pathway(s);
        pathways.importInto(s.facilitator(), s.project(), empty.version(), PathwayDemoData.dayCentre());
        String first = pathways.export(s.facilitator(), s.project());

        UUID copy = projects.create(s.facilitator(), new ProjectService.ProjectDetails("Copy " + TestData.suffix(), null, null, null, null, null, false, List.of()));
        PathwayJson.Reading reading = PathwayJson.read(first);
        assertThat(reading.ok()).isTrue();
        pathways.importInto(s.facilitator(), copy, pathways.pathway(s.facilitator(), copy).version(), reading.document());

        assertThat(pathways.export(s.facilitator(), copy)).isEqualTo(first);
        assertThat(pathways.findings(s.facilitator(), pathways.pathway(s.facilitator(), copy))).isEmpty();
    }

    @Test
    void importingForeignJsonShowsWhatIsWrongAndChangesNothing() throws Exception {
        Setup s = setup();
        MockMultipartFile file = new MockMultipartFile("file", "survey.json", "application/json",
                "{\"questions\":[{\"text\":\"How was it?\"}]}".getBytes(StandardCharsets.UTF_8));

        String html = mvc.perform(multipart("/projects/" + s.project() + "/pathway/import").file(file)
                        .with(data.as(s.org().person(Role.FACILITATOR))).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select(".govuk-error-summary a[href=#file]").text()).contains("cannot be imported");
        assertThat(page.select(".govuk-inset-text li").text()).contains("not a pathway from Co-production Impact");
        assertThat(pathway(s).isEmpty()).isTrue();
        assertThat(pathways.revisions(s.facilitator(), s.project())).isEmpty();
    }

    @Test
    void copyingMakesANewProjectWithTheSamePathway() throws Exception {
        Setup s = setup();
        pathways.importInto(s.facilitator(), s.project(), pathway(s).version(), PathwayDemoData.dayCentre());

        String location = mvc.perform(post("/projects/" + s.project() + "/pathway/copy")
                        .with(data.as(s.org().person(Role.FACILITATOR))).with(csrf()).param("name", "Second centre"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID copy = UUID.fromString(location.replace("/projects/", ""));

        assertThat(projects.project(s.facilitator(), copy).name()).isEqualTo("Second centre");
        assertThat(pathways.export(s.facilitator(), copy)).isEqualTo(pathways.export(s.facilitator(), s.project()));
    }

    @Test
    void theJourneySavesEachAnswerAndMovesOn() throws Exception {
        Setup s = setup();
        var facilitator = data.as(s.org().person(Role.FACILITATOR));
        String base = "/projects/" + s.project() + "/pathway/build/";

        mvc.perform(post(base + "problem").with(facilitator).with(csrf())
                        .param("problem", "Nowhere to go").param("version", String.valueOf(pathway(s).version())))
                .andExpect(redirectedUrl(base + "impact"));
        mvc.perform(post(base + "impact").with(facilitator).with(csrf())
                        .param("projectImpact", "A day centre").param("coproductionImpact", "It is how people want it")
                        .param("version", String.valueOf(pathway(s).version())))
                .andExpect(redirectedUrl(base + "long-term"));
        mvc.perform(post(base + "long-term").with(facilitator).with(csrf()).param("title", "More people use it"))
                .andExpect(redirectedUrl(base + "long-term"));

        Pathway p = pathway(s);
        assertThat(p.problem()).isEqualTo("Nowhere to go");
        assertThat(p.coproductionImpact()).isEqualTo("It is how people want it");
        assertThat(p.leadingToImpact()).extracting(Outcome::title).containsExactly("More people use it");
    }

    @Test
    void emptyOrOverlongAnswersAreRefusedBesideTheField() throws Exception {
        Setup s = setup();
        var facilitator = data.as(s.org().person(Role.FACILITATOR));
        String base = "/projects/" + s.project() + "/pathway/build/";

        Document empty = Jsoup.parse(mvc.perform(post(base + "long-term").with(facilitator).with(csrf()).param("title", "  "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(empty.select("#title-error").text()).contains("Enter the outcome");

        Document tooLong = Jsoup.parse(mvc.perform(post(base + "problem").with(facilitator).with(csrf())
                        .param("problem", "x".repeat(2001)).param("version", String.valueOf(pathway(s).version())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(tooLong.select(".govuk-error-summary a[href=#problem]").text()).contains("2,000 characters or fewer");
        assertThat(pathway(s).isEmpty()).isTrue();
    }

    @Test
    void aClashOnTheProblemShowsBothVersions() throws Exception {
        Setup s = setup();
        int seen = pathway(s).version();
        pathways.saveProblemAndImpact(s.facilitator(), s.project(), seen, "Their problem", null, null);

        Document page = Jsoup.parse(mvc.perform(post("/projects/" + s.project() + "/pathway/build/problem")
                        .with(data.as(s.org().person(Role.FACILITATOR))).with(csrf())
                        .param("problem", "My problem").param("version", String.valueOf(seen)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select(".govuk-error-summary").text()).contains("Someone else saved a change");
        assertThat(page.select(".app-their-version").text()).contains("Their problem");
        assertThat(page.select("textarea#problem").text()).isEqualTo("My problem");
        assertThat(pathway(s).problem()).isEqualTo("Their problem");
    }

    @Test
    void membersSeeOnlyTheirProjectsAndViewersNone() throws Exception {
        Setup s = setup();
        TestData.Person outsider = data.person(s.org().id(), Role.MEMBER, "outsider-" + TestData.suffix());

        mvc.perform(get("/projects/" + s.project() + "/pathway").with(data.as(s.org().person(Role.MEMBER)))).andExpect(status().isOk());
        mvc.perform(get("/projects/" + s.project() + "/pathway").with(data.as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + s.project() + "/pathway").with(data.as(s.org().person(Role.VIEWER)))).andExpect(status().isForbidden());
        mvc.perform(get("/projects/" + s.project() + "/pathway/edit").with(data.as(s.org().person(Role.MEMBER)))).andExpect(status().isForbidden());
    }

    @Test
    void membersCommentOnlyWhenCommentsAreOpenAndTheFacilitatorDecides() throws Exception {
        Setup s = setup();
        UUID outcome = addOutcome(s, "More people use the centre", Term.LONG, true);
        var member = data.as(s.org().person(Role.MEMBER));
        String url = "/projects/" + s.project() + "/pathway/outcomes/" + outcome + "/comments";

        Document closed = Jsoup.parse(mvc.perform(post(url).with(member).with(csrf()).param("text", "Add a bus route"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(closed.select(".govuk-error-summary a[href=#comments]").text()).contains("closed");

        Project project = projects.project(s.facilitator(), s.project());
        projects.update(s.facilitator(), s.project(), project.version(), new ProjectService.ProjectDetails(project.name(), null, null, null,
                null, project.facilitatorId(), true, List.of(s.org().person(Role.MEMBER).id())));
        mvc.perform(post(url).with(member).with(csrf()).param("text", "Add a bus route")).andExpect(status().is3xxRedirection());

        Document page = Jsoup.parse(mvc.perform(get("/projects/" + s.project() + "/pathway/outcomes/" + outcome)
                        .with(data.as(s.org().person(Role.FACILITATOR))))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#comments ~ .app-card").text()).contains("Add a bus route").contains("Waiting");
        String commentAction = page.select("form[action$=/decision]").first().attr("action");
        mvc.perform(post(commentAction).with(data.as(s.org().person(Role.FACILITATOR))).with(csrf())
                        .param("accepted", "true").param("outcome", outcome.toString()))
                .andExpect(status().is3xxRedirection());
        Document after = Jsoup.parse(mvc.perform(get("/projects/" + s.project() + "/pathway/outcomes/" + outcome).with(member))
                .andReturn().getResponse().getContentAsString());
        assertThat(after.select(".app-card").text()).contains("Accepted");
        // A member cannot decide.
        mvc.perform(post(commentAction).with(member).with(csrf()).param("accepted", "false")).andExpect(status().isForbidden());
    }
}
