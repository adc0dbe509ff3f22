package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.evidence.ConsentUse;
import org.coproduction.impact.pathway.ActivityKind;
import org.coproduction.impact.pathway.EditResult;
import org.coproduction.impact.pathway.PathwayService;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.pathway.Term;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.coproduction.impact.together.Face;
import org.coproduction.impact.together.Reflection;
import org.coproduction.impact.support.TestAudio;
import org.coproduction.impact.together.ReflectionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BrowserJourney
class ReflectJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Autowired
    PathwayService pathways;

    @Autowired
    ReflectionService reflections;

    @Test
    void aMemberReflectsAfterAMeetingOnAPhoneInEasyReadThenStopsSharingIt() {
        TestData.Org org = data.organisationWithEveryRole("Willow");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Day centre " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id())));
        UUID outcome = ((EditResult.Saved) pathways.addOutcome(facilitator, project, pathways.pathway(facilitator, project).version(),
                new PathwayService.OutcomeDraft("Members feel listened to", Term.SHORT, true, List.of(), null))).itemId();
        UUID meeting = ((EditResult.Saved) pathways.addActivity(facilitator, project, pathways.pathway(facilitator, project).version(),
                new PathwayService.ActivityDraft("Monthly group meeting", ActivityKind.MEETING, null, List.of(outcome)))).itemId();

        Visitor member = phoneUser();
        Page page = member.page();
        member.signIn(org.person(Role.MEMBER).username(), TestData.PASSWORD).open("/projects/" + project);
        member.clickButton("Easy read");
        member.clickLink("Reflections: what went well, what did not, what we would change");
        assertThat(member.heading()).hasText("Reflections");
        assertThat(page.locator("main")).containsText("Tell us how it went.");
        member.clickLink("Add a reflection");
        assertThat(member.heading()).hasText("How did it go?");
        assertThat(page.locator(".app-easy-read-point .app-icon").first()).isVisible();

        // Sending nothing: the message is next to the faces, and nothing is saved.
        member.clickButton("Send it");
        assertThat(page.locator(".govuk-error-summary")).containsText("Pick a face, write something or record your voice first");
        assertThat(page.locator("#face-error")).containsText("Pick a face, write something or record your voice first");

        // Large faces, easy to press on a phone.
        BoundingBox face = page.locator("label[for=face-mixed]").boundingBox();
        assertThat(face.height).isGreaterThanOrEqualTo(44);
        page.getByLabel("After which activity?").selectOption(new SelectOption().setLabel("Monthly group meeting"));
        member.choose("Some good, some not")
                .fill("What went well", "Everyone had a turn to speak.")
                .fill("What we would change", "A cooler room, please.")
                .choose("Members feel listened to")
                .choose("The group and staff, to learn from it")
                .clickButton("Send it");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Thank you. Your reflection is saved.");
        Locator mine = page.locator(".app-reflection");
        assertThat(mine).hasCount(1);
        assertThat(mine).containsText("Some good, some not");
        assertThat(mine).containsText("after “Monthly group meeting”");
        assertThat(mine).containsText("Everyone had a turn to speak.");
        assertThat(mine).containsText("The group and staff, to learn from it");

        Reflection saved = reflections.reflections(facilitator, project).reflections().getFirst();
        assertThat(saved.face()).isEqualTo(Face.MIXED);
        assertThat(saved.activityId()).isEqualTo(meeting);
        assertThat(saved.outcomeIds()).containsExactly(outcome);
        assertThat(saved.uses()).containsExactly(ConsentUse.INTERNAL_LEARNING);

        // The member changes their mind: nobody but them and the facilitators may read it now.
        member.clickLink("Who can see it");
        assertThat(member.heading()).hasText("Who can see it?");
        page.getByLabel("The group and staff, to learn from it").uncheck();
        member.clickButton("Save my choice");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Thank you. Your choice is saved.");
        assertThat(page.locator(".app-reflection")).containsText("only the person who wrote it and the facilitators");
        assertThat(reflections.reflections(facilitator, project).reflections().getFirst().uses()).isEmpty();
        member.assertEveryPageChecked();
    }

    @Test
    void aMemberSpeaksTheirReflectionOnAPhoneInEasyReadAndTheFacilitatorPlaysIt() {
        TestData.Org org = data.organisationWithEveryRole("Rowan");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant facilitator = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitator, new ProjectService.ProjectDetails("Drop-in " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of(org.person(Role.MEMBER).id())));

        Visitor member = phoneUser();
        Page page = member.page();
        member.signIn(org.person(Role.MEMBER).username(), TestData.PASSWORD).open("/projects/" + project);
        member.clickButton("Easy read");
        member.open(ReflectionService.base(project) + "/new");
        assertThat(member.heading()).hasText("How did it go?");
        Locator voice = page.getByLabel("Record or upload your voice");
        // A plain file input: phones offer their recorder, and it works without JavaScript.
        assertThat(voice).hasAttribute("type", "file");
        assertThat(voice).hasAttribute("accept", "audio/*");
        assertThat(voice).hasAttribute("capture", "");
        assertThat(page.locator("main")).containsText("You can say it instead of typing it.");

        // Something that is not a recording: the message is next to the field.
        voice.setInputFiles(new FilePayload("note.wav", "audio/wav", "not a sound".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        member.clickButton("Send it");
        assertThat(page.locator("#voice-error")).containsText("The file must be a sound recording");

        page.getByLabel("Record or upload your voice")
                .setInputFiles(new FilePayload("Recording.wav", "audio/wav", TestAudio.wav()));
        member.clickButton("Send it");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Thank you. Your reflection is saved.");
        assertThat(page.locator(".app-reflection audio[controls]")).hasCount(1);
        Reflection saved = reflections.reflections(facilitator, project).reflections().getFirst();
        assertThat(saved.spoken()).isTrue();
        member.assertEveryPageChecked();

        Visitor staff = visitor();
        staff.signIn(f.username(), TestData.PASSWORD).open(ReflectionService.base(project));
        Locator audio = staff.page().locator("#reflection-" + saved.id() + " audio[controls]");
        assertThat(audio).hasAttribute("src", "/media/" + saved.voiceMediaId());
        assertThat(staff.page().locator("#reflection-" + saved.id())).containsText("Spoken reflection");
        staff.assertEveryPageChecked();
    }
}
