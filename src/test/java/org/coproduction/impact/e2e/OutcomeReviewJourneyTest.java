package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.BoundingBox;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.assessment.OwnView;
import org.coproduction.impact.assessment.ReviewResult;
import org.coproduction.impact.assessment.ReviewService;
import org.coproduction.impact.media.Recording;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestAudio;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Outcome reviews in the browser: a member gives views on a phone in easy read; the facilitator records judgements. */
@BrowserJourney
class OutcomeReviewJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    ReviewService reviews;

    record Setup(TestData.Org org, Tenant facilitator, UUID project, UUID friends, UUID skills) {}

    private Setup setup(String label) {
        TestData.Org org = data.organisationWithEveryRole(label);
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null,
                null, f.id(), true, List.of(org.person(Role.MEMBER).id())));
        return new Setup(org, facilitator, project, outcome(facilitator, project, "People make friends"),
                outcome(facilitator, project, "People learn new things"));
    }

    private UUID outcome(Tenant tenant, UUID project, String title) {
        EditResult r = pathways.addOutcome(tenant, project, pathways.pathway(tenant, project).version(),
                new PathwayService.OutcomeDraft(title, Term.SHORT, true, List.of(), null));
        return ((EditResult.Saved) r).itemId();
    }

    @Test
    void aMemberOnAPhoneInEasyReadGivesTheirViewOfEachOutcome() {
        Setup s = setup("Birch");
        reviews.createRound(s.facilitator(), s.project(), "Review, March 2027", LocalDate.of(2027, 3, 27), List.of(s.friends(), s.skills()));

        Visitor member = phoneUser();
        Page page = member.page();
        member.signIn(s.org().person(Role.MEMBER).username(), TestData.PASSWORD).open("/projects/" + s.project());
        member.clickLink("Did it work? Review outcomes with the group");
        member.clickButton("Easy read");
        assertThat(page.locator("main")).containsText("Tell us what you think. Did it happen?");
        member.clickLink("Give your views: Review, March 2027");
        assertThat(member.heading()).hasText("Your views");
        assertThat(page.locator("main")).containsText("You have not said yet.");
        member.clickLink("People make friends");
        assertThat(member.heading()).hasText("Did this happen? People make friends");

        // Sent with no face chosen: the message is beside the faces and nothing is kept.
        member.clickButton("Save my view");
        assertThat(page.locator(".govuk-error-summary")).containsText("Choose a face");
        assertThat(page.locator("#view-error")).containsText("Choose a face");
        // Each face is a large target, easy to press on a phone.
        for (String face : List.of("Yes, this happened", "A bit", "Not yet")) {
            BoundingBox box = page.locator("label.govuk-radios__label", new Page.LocatorOptions().setHasText(face)).boundingBox();
            assertThat(box.height).isGreaterThanOrEqualTo(44);
        }
        member.choose("Yes, this happened").fill("Tell us more (if you want to)", "I met Sam here.").clickButton("Save my view");

        // On to the next outcome.
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Your view of ‘People make friends’ is saved.");
        assertThat(member.heading()).hasText("Did this happen? People learn new things");
        // Saying it instead of typing: a plain file input, so a phone offers its recorder, without JavaScript.
        Locator voice = page.getByLabel("Say it instead (if you want to)");
        assertThat(voice).hasAttribute("accept", "audio/*");
        assertThat(voice).hasAttribute("capture", "");
        assertThat(page.locator("main")).containsText("You can say it instead of typing it.");
        voice.setInputFiles(new FilePayload("Recording.wav", "audio/wav", TestAudio.wav()));
        member.choose("Not yet").clickButton("Save my view");

        // Back on the list with both views; the facilitator's judgement is nowhere to be seen.
        assertThat(member.heading()).hasText("Your views");
        assertThat(page.locator("main")).containsText("You said: Yes, this happened");
        assertThat(page.locator("main")).containsText("You said: Not yet");
        assertThat(page.locator("main")).not().containsText("Judgement");
        assertThat(reviews.views(s.facilitator(), s.project(), reviews.rounds(s.facilitator(), s.project()).getFirst().id()))
                .extracting(v -> v.view(), v -> v.spoken())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(OwnView.YES, false), org.assertj.core.groups.Tuple.tuple(OwnView.NOT_YET, true));
        // Coming back to it, the member can play what they said.
        member.clickLink("People learn new things");
        assertThat(page.locator("main audio[controls]")).hasCount(1);
        assertThat(page.locator("main")).containsText("You said this:");
    }

    @Test
    void theFacilitatorStartsARoundRecordsAJudgementBesideMembersViewsAndClosesIt() {
        Setup s = setup("Cedar");
        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(s.org().person(Role.FACILITATOR).username(), TestData.PASSWORD).open("/projects/" + s.project());
        facilitator.clickLink("Did it work? Review outcomes with the group");
        facilitator.clickLink("Start a review round");
        assertThat(page.getByLabel("People make friends")).isChecked();
        assertThat(page.getByLabel("People learn new things")).isChecked();
        facilitator.fill("Name of the review", "").clickButton("Start the review");
        assertThat(page.locator("#title-error")).containsText("Enter a name for the review");
        facilitator.fill("Name of the review", "Review, March 2027");
        page.getByLabel("People learn new things").uncheck();
        facilitator.clickButton("Start the review");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("The review has started.");
        assertThat(facilitator.heading()).hasText("Review, March 2027");

        // A member gives a view meanwhile.
        UUID round = reviews.rounds(s.facilitator(), s.project()).getFirst().id();
        TestData.Person m = s.org().person(Role.MEMBER);
        reviews.giveView(new Tenant(new UserId(m.id()), s.org().id(), s.org().name(), Role.MEMBER), s.project(), round, s.friends(),
                OwnView.YES, "I met Sam here.", new Recording("Sam.wav", TestAudio.wav()));

        facilitator.open(ReviewService.base(s.project()) + "/" + round);
        facilitator.clickLink("People make friends");
        assertThat(page.locator("#views + p")).containsText("1 member gave a view");
        assertThat(page.locator("main")).containsText("I met Sam here.");
        assertThat(page.locator("main")).containsText(m.name() + " said it:");
        assertThat(page.locator("main audio[controls]")).hasCount(1);
        assertThat(page.locator("main")).containsText("There is no evidence for this outcome in this period yet.");
        facilitator.clickButton("Save the judgement");
        assertThat(page.locator("#judgement-error")).containsText("Choose the judgement the group agreed");
        facilitator.choose("Partly achieved")
                .fill("Why: the reasons in plain words", "Friendships started but only in the Tuesday group.")
                .fill("What happens next", "Mix the groups once a month.")
                .clickButton("Save the judgement");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("The judgement is saved.");
        assertThat(page.locator(".govuk-warning-text")).containsText("differs from what most members said (Yes, this happened)");
        assertThat(page.locator("main")).containsText("I met Sam here.");

        facilitator.clickLink("Progress over time for this outcome");
        assertThat(page.locator("main")).containsText("No closed review has a judgement on this outcome yet.");
        facilitator.open(ReviewService.base(s.project()) + "/" + round);
        facilitator.clickButton("Close the review");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Review, March 2027 is closed and kept.");
        facilitator.open("/projects/" + s.project() + "/outcomes/" + s.friends() + "/progress");
        assertThat(page.locator("main")).containsText("Judgement: Partly achieved");
        assertThat(page.locator("figure svg rect")).hasCount(1);
        assertThat(page.locator("figcaption")).containsText("The same judgements are listed below in words.");
    }
}
