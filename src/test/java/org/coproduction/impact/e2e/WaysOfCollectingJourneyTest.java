package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.coproduction.impact.evidence.EvidenceService;
import org.coproduction.impact.evidence.ReviewAnswer;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class WaysOfCollectingJourneyTest extends Journey {

    private static final String FORM = "The monthly feedback form";
    private static final String GAP = "Picture feedback cards for people who do not read";
    /** Too long to be a name, so it fills in "How it works" instead. */
    private static final String LONG_GAP = "Nothing asks people who use sign language what they think. Deaf members need a way "
            + "to give feedback in BSL, filmed or live with an interpreter.";

    @Autowired
    EvidenceService evidence;

    @Test
    void aFacilitatorReviewsAFeedbackFormAndTurnsTheGapIntoANewWayOfCollecting() {
        TestData.Org org = data.organisationWithEveryRole("Aspen");
        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(org.person(Role.FACILITATOR).username(), TestData.PASSWORD).open("/evidence");
        assertThat(facilitator.heading()).hasText("Ways of collecting evidence");
        assertThat(page.locator("#ways")).hasText("15 ways of collecting evidence");

        // Review something the organisation already collects, answering the guidance's questions.
        facilitator.clickLink("Review what you already collect").clickLink("Review something you already collect");
        assertThat(facilitator.heading()).hasText("Review something you already collect");
        facilitator.fill("What is it?", FORM)
                .fill("What is collected, and why?", "Ratings of each meeting, so we know what to change")
                .fill("What is it used for?", "The yearly report to the board")
                .fill("How is it collected and recorded?", "On paper at the end of the meeting, typed into a spreadsheet")
                .fill("Who can see it?", "The co-production lead")
                .fill("What makes it accessible, or not? (optional)", "It is all words, so people who do not read need help")
                .fill("What do people say about it? (optional)", "It is quick to fill in")
                .fill("What can be improved?", "Add pictures and an easy read version")
                .fill("What can stay the same?", "Asking at the end of every meeting")
                .fill("A gap you found (optional)", GAP);
        answer(page, "Is it collected in an accessible way?", "Partly");
        answer(page, "Do people find it relevant and easy to give?", "Yes");
        facilitator.clickButton("Save");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved the review.");
        assertThat(page.locator("main")).containsText(FORM);
        assertThat(page.locator("main")).containsText(GAP);
        assertThat(page.locator("main")).containsText("Partly");
        UUID review = jdbc.sql("select id from evidence_review where organisation_id = :org and name = :name")
                .param("org", org.id().value()).param("name", FORM).query(UUID.class).single();
        assertThat(jdbc.sql("select accessible || ' ' || relevant_and_easy from evidence_review where id = :id")
                .param("id", review).query(String.class).single()).isEqualTo("PARTLY YES");

        // The gap is on the list page, ready to become a new way of collecting.
        facilitator.open("/evidence");
        Locator gaps = page.locator("#gaps + p + ul > li");
        assertThat(gaps).hasCount(1);
        assertThat(gaps).containsText(GAP);
        assertThat(gaps).containsText("(from the review of " + FORM + ")");
        facilitator.clickLink("Add as a new way of collecting for the gap found in the review of " + FORM);

        assertThat(facilitator.heading()).hasText("Add a way of collecting evidence");
        assertThat(page.locator(".govuk-inset-text")).containsText("This fills a gap found when you reviewed " + FORM + ":");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue(GAP);
        facilitator.choose("People’s ratings")
                .choose("People’s voices")
                .fill("How it works (optional)", "People choose a picture card for how the meeting went, and we count them.")
                .clickButton("Save");

        assertThat(facilitator.heading()).hasText("Ways of collecting evidence");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added " + GAP + " to your list.");
        assertThat(page.locator("#ways")).hasText("16 ways of collecting evidence");
        Locator card = page.locator(".app-card").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(GAP).setExact(true))));
        assertThat(card).hasCount(1);
        assertThat(card.locator(".govuk-tag")).hasText(new String[] {"People’s voices", "People’s ratings"});
        // The gap is filled, so it is no longer listed as one.
        assertThat(page.locator("#gaps")).hasCount(0);

        UUID way = jdbc.sql("select id from evidence_way where organisation_id = :org and name = :name and retired_at is null")
                .param("org", org.id().value()).param("name", GAP).query(UUID.class).single();
        assertThat(jdbc.sql("select gap_way_id from evidence_review where id = :id").param("id", review).query(UUID.class).single())
                .isEqualTo(way);
    }

    @Test
    void aKeyboardUserTurnsALongGapIntoAWayOfCollectingWithoutAMouse() {
        TestData.Org org = data.organisationWithEveryRole("Aspen");
        TestData.Person me = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(me.id()), org.id(), org.name(), Role.FACILITATOR);
        evidence.addReview(tenant, new EvidenceService.ReviewAnswers("The attendance sheet", "Who came to each meeting", "Counting reach",
                "A paper sheet at the door", "The facilitator", ReviewAnswer.NO, "People who do not write need help to sign it",
                ReviewAnswer.PARTLY, null, "Take names out loud", "Counting who comes", LONG_GAP));

        Visitor facilitator = keyboardUser();
        Page page = facilitator.page();
        facilitator.open("/sign-in")
                .tabTo(page.getByLabel("Email address or username")).type(me.username())
                .tabTo(page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))).type(TestData.PASSWORD)
                .pressToLoad("Enter");
        assertThat(facilitator.heading()).hasText("Home");
        facilitator.open("/evidence")
                .tabTo(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                        .setName("Add as a new way of collecting for the gap found in the review of The attendance sheet")))
                .pressToLoad("Enter");

        assertThat(facilitator.heading()).hasText("Add a way of collecting evidence");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue("");
        assertThat(page.getByLabel("How it works (optional)")).hasValue(LONG_GAP);
        String name = "Feedback in British Sign Language";
        facilitator.tabTo(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).type(name)
                .tabTo(page.getByLabel("People’s voices", new Page.GetByLabelOptions().setExact(true))).press("Space")
                .tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)))
                .pressToLoad("Enter");

        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Added " + name + " to your list.");
        Locator card = page.locator(".app-card").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true))));
        assertThat(card).containsText(LONG_GAP);
        assertThat(card.locator(".govuk-tag")).hasText(new String[] {"People’s voices"});
        assertThat(page.locator("#gaps")).hasCount(0);
    }

    private static void answer(Page page, String question, String answer) {
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(question))
                .getByLabel(answer, new Locator.GetByLabelOptions().setExact(true)).check();
    }
}
