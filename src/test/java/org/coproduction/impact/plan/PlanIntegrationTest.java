package org.coproduction.impact.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.EvidenceType;
import org.coproduction.impact.organisation.DemoOrganisationCreated;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.Finding;
import org.coproduction.impact.pathway.Outcome;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.Project;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class PlanIntegrationTest {

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
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /** An organisation with a project whose pathway has two outcomes, and its facilitator. */
    record Setup(TestData.Org org, Tenant facilitator, RequestPostProcessor asFacilitator, UUID project, UUID staff, UUID steering) {

        String base() {
            return "/projects/" + project + "/plan";
        }
    }

    private Setup setup() {
        TestData.Org org = data.organisationWithEveryRole("Plan");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id())));
        UUID staff = outcome(tenant, project, "Staff understand co-production and feel confident to do it");
        UUID steering = outcome(tenant, project, "A steering group is formed");
        return new Setup(org, tenant, data.as(f), project, staff, steering);
    }

    private UUID outcome(Tenant tenant, UUID project, String title) {
        EditResult r = pathways.addOutcome(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.OutcomeDraft(title, Term.SHORT, true, List.of(), null));
        return ((EditResult.Saved) r).itemId();
    }

    private UUID way(Setup s, String seedKey) {
        return evidence.currentWayFromSeed(s.facilitator(), seedKey).orElseThrow().id();
    }

    private UUID addRow(Setup s, UUID outcome, EvidenceType type, String form) {
        PlanEdit r = plans.addRow(s.facilitator(), s.project(), outcome, new PlanRowDraft(type, form, List.of(way(s, "surveys")),
                "Success", null, null, null, null, null, null));
        return ((PlanEdit.Saved) r).rowId();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aFacilitatorAddsAndChangesARowAndEveryChangeIsKept() throws Exception {
        Setup s = setup();

        mvc.perform(post(s.base() + "/outcomes/" + s.staff() + "/rows/new").with(s.asFacilitator()).with(csrf())
                        .param("type", "PEOPLES_RATINGS")
                        .param("formOfEvidence", "Staff rate their confidence before and after training")
                        .param("ways", way(s, "surveys").toString()).param("ways", way(s, "feedback-forms").toString())
                        .param("successLooksLike", "Staff feel confident").param("howWeWillKnow", "Ratings go up")
                        .param("target", "Up by one point").param("baseline", "March 2026").param("whenCollected", "Before and after")
                        .param("whoCollects", "The trainers").param("version", "0"))
                .andExpect(redirectedUrl(s.base() + "#outcome-" + s.staff()));

        PlanRow row = plans.plan(s.facilitator(), s.project()).rowsFor(s.staff()).get(0);
        assertThat(row.type()).isEqualTo(EvidenceType.PEOPLES_RATINGS);
        assertThat(row.wayIds()).containsExactly(way(s, "surveys"), way(s, "feedback-forms"));
        assertThat(row.target()).isEqualTo("Up by one point");

        mvc.perform(post(s.base() + "/rows/" + row.id() + "/edit").with(s.asFacilitator()).with(csrf())
                        .param("type", "PEOPLES_RATINGS").param("formOfEvidence", "Staff rate their understanding and confidence")
                        .param("ways", way(s, "feedback-forms").toString()).param("successLooksLike", "Staff feel confident and understand it")
                        .param("version", String.valueOf(row.version())))
                .andExpect(redirectedUrl(s.base() + "#outcome-" + s.staff()));

        PlanRow changed = plans.plan(s.facilitator(), s.project()).row(row.id()).orElseThrow();
        assertThat(changed.formOfEvidence()).isEqualTo("Staff rate their understanding and confidence");
        assertThat(changed.wayIds()).containsExactly(way(s, "feedback-forms"));
        assertThat(changed.target()).isNull();
        assertThat(changed.updatedByName()).isEqualTo(s.org().person(Role.FACILITATOR).name());

        Document plan = page(get(s.base()).with(s.asFacilitator()));
        assertThat(plan.select("#row-" + row.id()).text())
                .contains("Evidence 1: People’s ratings", "Staff rate their understanding and confidence", "Feedback forms");

        Document history = page(get(s.base() + "/history").with(data.as(s.org().person(Role.MEMBER))));
        assertThat(history.select(".app-plan-history > li > p strong").eachText()).containsExactly(
                "Changed evidence for Staff understand co-production and feel confident to do it",
                "Added evidence for Staff understand co-production and feel confident to do it");
        assertThat(history.select(".app-plan-history > li").get(1).text())
                .contains(s.org().person(Role.FACILITATOR).name(), "Staff rate their confidence before and after training", "Surveys");
    }

    @Test
    void aStaleSaveChangesNothingAndShowsBothVersions() throws Exception {
        Setup s = setup();
        UUID rowId = addRow(s, s.staff(), EvidenceType.QUANTITATIVE, "Original");
        PlanRow seen = plans.plan(s.facilitator(), s.project()).row(rowId).orElseThrow();
        plans.updateRow(s.facilitator(), s.project(), rowId, seen.version(), new PlanRowDraft(EvidenceType.QUANTITATIVE, "Theirs",
                List.of(way(s, "surveys")), "Their success", null, null, null, null, null, null));

        Document page = page(post(s.base() + "/rows/" + rowId + "/edit").with(s.asFacilitator()).with(csrf())
                .param("type", "QUANTITATIVE").param("formOfEvidence", "Mine").param("ways", way(s, "surveys").toString())
                .param("successLooksLike", "My success").param("version", String.valueOf(seen.version())));

        assertThat(page.select(".govuk-error-summary").text()).contains("Someone else saved a change to this evidence");
        assertThat(page.select(".app-their-version").text()).contains("Theirs", "Their success", s.org().person(Role.FACILITATOR).name());
        assertThat(page.select("textarea#formOfEvidence").text()).isEqualTo("Mine");
        assertThat(page.select("input[name=version]").val())
                .isEqualTo(String.valueOf(plans.plan(s.facilitator(), s.project()).row(rowId).orElseThrow().version()));
        assertThat(plans.plan(s.facilitator(), s.project()).row(rowId).orElseThrow().formOfEvidence()).isEqualTo("Theirs");
        assertThat(plans.history(s.facilitator(), s.project())).hasSize(2);
    }

    @Test
    void removingARowArchivesItAndItCanBeBroughtBack() throws Exception {
        Setup s = setup();
        UUID rowId = addRow(s, s.steering(), EvidenceType.TASKS_COMPLETED, "Terms of reference agreed");
        PlanRow row = plans.plan(s.facilitator(), s.project()).row(rowId).orElseThrow();

        Document confirm = page(get(s.base() + "/rows/" + rowId + "/remove").with(s.asFacilitator()));
        assertThat(confirm.select("h1").text()).contains("Remove this evidence");
        mvc.perform(post(s.base() + "/rows/" + rowId + "/remove").with(s.asFacilitator()).with(csrf())
                        .param("version", String.valueOf(row.version())))
                .andExpect(redirectedUrl(s.base() + "#outcome-" + s.steering()));

        Plan plan = plans.plan(s.facilitator(), s.project());
        assertThat(plan.row(rowId)).hasValueSatisfying(r -> assertThat(r.archived()).isTrue());
        assertThat(plan.coverage().withoutPlan()).extracting(Outcome::id).contains(s.steering());
        Document page = page(get(s.base()).with(s.asFacilitator()));
        assertThat(page.select("#row-" + rowId)).isEmpty();
        assertThat(page.select("details").text()).contains("1 removed piece of evidence", "Terms of reference agreed");

        mvc.perform(post(s.base() + "/rows/" + rowId + "/restore").with(s.asFacilitator()).with(csrf())
                        .param("version", String.valueOf(plan.row(rowId).orElseThrow().version())))
                .andExpect(status().is3xxRedirection());
        assertThat(plans.plan(s.facilitator(), s.project()).rowsFor(s.steering())).extracting(PlanRow::id).containsExactly(rowId);
        assertThat(plans.history(s.facilitator(), s.project())).extracting(PlanChange::action)
                .containsExactly(PlanChange.Action.RESTORED, PlanChange.Action.REMOVED, PlanChange.Action.ADDED);
    }

    @Test
    void thePlanShowsWhichOutcomesHaveNoPlanAndTheLogicCheckCountsPlannedOutcomes() throws Exception {
        Setup s = setup();
        assertThat(unchecked(s)).containsExactlyInAnyOrder(s.staff(), s.steering());

        addRow(s, s.staff(), EvidenceType.PEOPLES_RATINGS, "Staff ratings");

        assertThat(unchecked(s)).containsExactly(s.steering());
        Document page = page(get(s.base()).with(s.asFacilitator()));
        assertThat(page.select("#coverage .govuk-warning-text").text()).contains("1 of 2 outcomes have a plan");
        assertThat(page.select("#coverage li a").eachAttr("href")).containsExactly("#outcome-" + s.steering());
        Document project = page(get("/projects/" + s.project()).with(s.asFacilitator()));
        assertThat(project.select("a[href=" + s.base() + "]")).hasSize(1);
        assertThat(project.select("#findings").text())
                .contains("There is no way to check “A steering group is formed”")
                .doesNotContain("There is no way to check “Staff understand co-production");

        addRow(s, s.steering(), EvidenceType.TASKS_COMPLETED, "Terms of reference agreed");
        assertThat(unchecked(s)).isEmpty();
        assertThat(page(get(s.base()).with(s.asFacilitator())).text()).contains("All 2 outcomes have a plan.");
    }

    private Set<UUID> unchecked(Setup s) {
        return pathways.findings(s.facilitator(), pathways.pathway(s.facilitator(), s.project())).stream()
                .filter(f -> f.rule().equals("outcome-unchecked"))
                .map(Finding::fixHref)
                .map(href -> UUID.fromString(href.replaceAll(".*/outcomes/([^/]+)/edit", "$1")))
                .collect(Collectors.toSet());
    }

    @Test
    void aRowWhoseWayOfCollectingDoesNotGiveItsTypeSaysSo() throws Exception {
        Setup s = setup();
        PlanEdit r = plans.addRow(s.facilitator(), s.project(), s.staff(), new PlanRowDraft(EvidenceType.PEOPLES_RATINGS, "Staff ratings",
                List.of(way(s, "meeting-minutes"), way(s, "surveys")), "Success", null, null, null, null, null, null));
        UUID misfit = ((PlanEdit.Saved) r).rowId();
        UUID fits = addRow(s, s.staff(), EvidenceType.PEOPLES_VOICES, "What staff say");

        Document page = page(get(s.base()).with(s.asFacilitator()));
        assertThat(page.select("#row-" + misfit + " .app-way-misfit").eachText()).singleElement().asString()
                .contains("“Meeting minutes” does not give people’s ratings in your list of ways of collecting.");
        assertThat(page.select("#row-" + fits + " .app-way-misfit")).isEmpty();
        // Members reading the plan are not asked to fix it.
        assertThat(page(get(s.base()).with(data.as(s.org().person(Role.MEMBER)))).select(".app-way-misfit")).isEmpty();
    }

    @Test
    void anOutcomeOnOneTypeOfEvidenceGetsAHintForASecondType() throws Exception {
        Setup s = setup();
        addRow(s, s.staff(), EvidenceType.PEOPLES_RATINGS, "Staff ratings");

        Document page = page(get(s.base()).with(s.asFacilitator()));
        String hint = page.select("#outcome-" + s.staff() + " ~ .govuk-inset-text").text();
        assertThat(hint).contains("All the evidence for this outcome is of one type: People’s ratings", "such as People’s voices");
        String add = page.select("#outcome-" + s.staff() + " ~ .govuk-inset-text a").attr("href");
        assertThat(add).isEqualTo(s.base() + "/outcomes/" + s.staff() + "/rows/new?type=PEOPLES_VOICES");
        assertThat(page(get(add).with(s.asFacilitator())).select("input[name=type][checked]").val()).isEqualTo("PEOPLES_VOICES");

        addRow(s, s.staff(), EvidenceType.PEOPLES_VOICES, "What staff say");
        assertThat(page(get(s.base()).with(s.asFacilitator())).select("#outcome-" + s.staff() + " ~ .govuk-inset-text")).isEmpty();
    }

    @Test
    void aFacilitatorAdoptsASuggestionAndChangesIt() throws Exception {
        Setup s = setup();

        Document suggestions = page(get(s.base() + "/outcomes/" + s.staff() + "/suggestions").with(s.asFacilitator()));
        String first = suggestions.select("#closest ~ .app-suggestion a.govuk-button").first().attr("href");
        assertThat(first).endsWith("/rows/new?suggestion=staff-ratings");

        Document form = page(get(first).with(s.asFacilitator()));
        assertThat(form.select("input[name=type][checked]").val()).isEqualTo("PEOPLES_RATINGS");
        assertThat(form.select("textarea#formOfEvidence").text()).contains("before and after training");
        assertThat(form.select("input[name=ways][checked]").eachAttr("value"))
                .containsExactlyInAnyOrder(way(s, "surveys").toString(), way(s, "feedback-forms").toString());

        mvc.perform(post(s.base() + "/outcomes/" + s.staff() + "/rows/new").with(s.asFacilitator()).with(csrf())
                        .param("type", "PEOPLES_RATINGS").param("formOfEvidence", form.select("textarea#formOfEvidence").text())
                        .param("ways", way(s, "feedback-forms").toString())
                        .param("successLooksLike", "Our own words for success").param("suggestion", "staff-ratings"))
                .andExpect(status().is3xxRedirection());

        PlanRow row = plans.plan(s.facilitator(), s.project()).rowsFor(s.staff()).get(0);
        assertThat(row.suggestionKey()).isEqualTo("staff-ratings");
        assertThat(row.successLooksLike()).isEqualTo("Our own words for success");
    }

    @Test
    void badInputIsExplainedBesideTheFieldAndChangesNothing() throws Exception {
        Setup s = setup();
        Setup other = setup();
        String url = s.base() + "/outcomes/" + s.staff() + "/rows/new";

        Document empty = page(post(url).with(s.asFacilitator()).with(csrf()).param("type", "NONSENSE").param("target", "x".repeat(201)));
        assertThat(empty.select("#type-error").text()).contains("Choose the type of evidence");
        assertThat(empty.select("#formOfEvidence-error").text()).contains("Enter the form of evidence");
        assertThat(empty.select("#ways-error").text()).contains("Select at least one way");
        assertThat(empty.select("#successLooksLike-error").text()).contains("Enter what success will look like");
        assertThat(empty.select("#target-error").text()).contains("200 characters or fewer");

        Document foreignWay = page(post(url).with(s.asFacilitator()).with(csrf()).param("type", "QUANTITATIVE")
                .param("formOfEvidence", "Counts").param("successLooksLike", "More").param("ways", way(other, "surveys").toString()));
        assertThat(foreignWay.select("#ways-error").text()).contains("Select ways from your organisation’s list");
        assertThat(plans.plan(s.facilitator(), s.project()).rows()).isEmpty();

        for (int i = 0; i < PlanLimits.MAX_ROWS_PER_OUTCOME; i++) {
            addRow(s, s.staff(), EvidenceType.QUANTITATIVE, "Count " + i);
        }
        Document tooMany = page(post(url).with(s.asFacilitator()).with(csrf()).param("type", "QUANTITATIVE")
                .param("formOfEvidence", "One more").param("successLooksLike", "More").param("ways", way(s, "surveys").toString()));
        assertThat(tooMany.select("#formOfEvidence-error").text()).contains("up to 20 pieces of evidence");
        assertThat(plans.plan(s.facilitator(), s.project()).rowsFor(s.staff())).hasSize(PlanLimits.MAX_ROWS_PER_OUTCOME);
    }

    @Test
    void theCsvHasScieSColumnsEveryOutcomeAndNeutralisedFormulas() throws Exception {
        Setup s = setup();
        plans.addRow(s.facilitator(), s.project(), s.staff(), new PlanRowDraft(EvidenceType.PEOPLES_RATINGS, "=HYPERLINK(\"http://x\")",
                List.of(way(s, "surveys"), way(s, "feedback-forms")), "Staff feel confident", "Ratings go up", "+1 point", "-", "@ each session",
                "The trainers", null));

        MockHttpServletResponse response = mvc.perform(get(s.base() + "/export").with(s.asFacilitator()))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("assessment-plan.csv");
        String csv = response.getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records.get(0).values()).containsExactly("Outcome", "Type of evidence", "Form of evidence", "Ways of collecting evidence",
                "What will success look like?", "How will we know it’s working?", "Target", "Baseline", "When it is collected", "Who collects it");
        assertThat(records.get(1).values()).containsExactly("Staff understand co-production and feel confident to do it", "People’s ratings",
                "'=HYPERLINK(\"http://x\")", "Surveys; Feedback forms", "Staff feel confident", "Ratings go up", "'+1 point", "'-",
                "'@ each session", "The trainers");
        assertThat(records.get(2).get(0)).isEqualTo("A steering group is formed");
        assertThat(records.get(2).get(1)).isEmpty();
        assertThat(records).hasSize(3);
    }

    @Test
    void membersOfTheProjectSeeThePlanAndCommentOthersDoNot() throws Exception {
        Setup s = setup();
        addRow(s, s.staff(), EvidenceType.PEOPLES_RATINGS, "Staff ratings");
        var member = data.as(s.org().person(Role.MEMBER));
        TestData.Person outsider = data.person(s.org().id(), Role.MEMBER, "outsider-" + TestData.suffix());

        Document page = page(get(s.base()).with(member));
        assertThat(page.select("#row-" + plans.plan(s.facilitator(), s.project()).rowsFor(s.staff()).get(0).id()).text()).contains("Staff ratings");
        assertThat(page.select("a[href$=/edit], a[href$=/rows/new]")).isEmpty();
        mvc.perform(get(s.base() + "/easy-read").with(member)).andExpect(status().isOk());
        mvc.perform(get(s.base() + "/export").with(member)).andExpect(status().isOk());
        mvc.perform(get(s.base() + "/outcomes/" + s.staff() + "/rows/new").with(member)).andExpect(status().isForbidden());

        mvc.perform(post(s.base() + "/comments").with(member).with(csrf()).param("text", "Can we use picture cards?"))
                .andExpect(redirectedUrl(s.base() + "#comments"));
        assertThat(page(get(s.base()).with(s.asFacilitator())).select("#comments ~ .app-card").text())
                .contains("Can we use picture cards?", s.org().person(Role.MEMBER).name());
        Document empty = page(post(s.base() + "/comments").with(member).with(csrf()).param("text", " "));
        assertThat(empty.select("#text-error").text()).contains("Enter your comment");

        mvc.perform(get(s.base()).with(data.as(outsider))).andExpect(status().isNotFound());
        mvc.perform(post(s.base() + "/comments").with(data.as(outsider)).with(csrf()).param("text", "Hello")).andExpect(status().isNotFound());
        mvc.perform(get(s.base()).with(data.as(s.org().person(Role.VIEWER)))).andExpect(status().isForbidden());
        mvc.perform(get(s.base() + "/export").with(data.as(s.org().person(Role.VIEWER)))).andExpect(status().isForbidden());
        assertThat(plans.comments(s.facilitator(), s.project())).hasSize(1);
    }

    @Test
    void thePlanOfAnOutcomeRemovedFromThePathwayStaysVisibleAndMarked() throws Exception {
        Setup s = setup();
        UUID rowId = addRow(s, s.steering(), EvidenceType.TASKS_COMPLETED, "Terms of reference agreed");
        pathways.removeOutcome(s.facilitator(), s.project(), s.steering(), pathways.pathway(s.facilitator(), s.project()).version());

        Document page = page(get(s.base()).with(s.asFacilitator()));
        assertThat(page.select("#removed-outcomes")).hasSize(1);
        assertThat(page.select("#outcome-" + s.steering()).text()).contains("A steering group is formed", "Removed from the pathway");
        assertThat(page.select("#row-" + rowId).text()).contains("Terms of reference agreed");
        assertThat(page.select("#row-" + rowId + " a")).isEmpty();
        mvc.perform(get(s.base() + "/rows/" + rowId + "/edit").with(s.asFacilitator())).andExpect(status().isNotFound());

        String csv = mvc.perform(get(s.base() + "/export").with(s.asFacilitator())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("A steering group is formed (removed from the pathway)");
    }

    @Test
    void theEasyReadPlanSaysEachPointInShortSentencesWithPictures() throws Exception {
        Setup s = setup();
        plans.addRow(s.facilitator(), s.project(), s.staff(), new PlanRowDraft(EvidenceType.PEOPLES_RATINGS, "Staff ratings",
                List.of(way(s, "feedback-forms")), "Staff feel confident", "Ratings go up", null, null, "After training", "The trainers", null));

        Document page = page(get(s.base() + "/easy-read").with(data.as(s.org().person(Role.MEMBER))));

        assertThat(page.select("h2").eachText()).contains("We want this to happen: Staff understand co-production and feel confident to do it");
        assertThat(page.select(".app-easy-read-point").eachText()).contains(
                "Success looks like this: Staff feel confident",
                "We will know it is working when: Ratings go up",
                "How we will collect it: Feedback forms",
                "When: After training",
                "Who will do it: The trainers",
                "We have not planned yet how to check this.");
        assertThat(page.select(".app-easy-read-point svg.app-icon")).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void theDemoDayCentreGetsAFullPlanAfterItsPathway() {
        TestData.Org org = data.organisationWithEveryRole("Demo plan");
        Map<Role, UUID> people = org.people().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));

        transactions.executeWithoutResult(t -> events.publishEvent(new DemoOrganisationCreated(org.id(), org.name(), people)));

        Tenant facilitator = new Tenant(new UserId(people.get(Role.FACILITATOR)), org.id(), org.name(), Role.FACILITATOR);
        Project project = projects.projects(facilitator).get(0);
        Plan plan = plans.plan(facilitator, project.id());
        assertThat(plan.pathway().currentOutcomes()).hasSizeGreaterThan(5);
        assertThat(plan.coverage().complete()).isTrue();
        Set<EvidenceType> types = EnumSet.noneOf(EvidenceType.class);
        plan.currentRows().forEach(r -> types.add(r.type()));
        assertThat(types).hasSizeGreaterThanOrEqualTo(2);
        assertThat(plan.currentRows()).filteredOn(r -> r.suggestionKey() != null).isNotEmpty();
        assertThat(plan.currentRows()).allSatisfy(r -> assertThat(r.wayIds()).isNotEmpty());
        assertThat(pathways.findings(facilitator, plan.pathway())).extracting(Finding::rule).doesNotContain("outcome-unchecked");
        assertThat(evidence.agreement(facilitator).agreed()).isTrue();
        assertThat(evidence.reviews(facilitator)).hasSize(2);
    }
}
