package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coproduction.impact.form.FormService;
import org.coproduction.impact.form.FormStatus;
import org.coproduction.impact.form.Question;
import org.coproduction.impact.form.QuestionType;
import org.coproduction.impact.form.RespondentService;
import org.coproduction.impact.form.Response;
import org.coproduction.impact.form.ScaleStyle;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facilitator types in a paper form on which the person skipped a question that online answering
 * requires: it is saved as it is on paper. A page with nothing typed in is still refused.
 */
@BrowserJourney
class PaperWithGapsJourneyTest extends Journey {

    static final String BEFORE = "How did you feel before the activity?";
    static final String NOW = "How do you feel now?";
    static final String CHANGE = "What would you change?";

    @Autowired
    ProjectService projects;

    @Autowired
    FormService forms;

    @Autowired
    RespondentService respondents;

    @Test
    void aPaperFormWithASkippedRatingIsTypedInAsItIs() {
        TestData.Org org = data.organisationWithEveryRole("Alder");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant facilitatorTenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(facilitatorTenant, new ProjectService.ProjectDetails("Carers' café " + TestData.suffix(), null, null,
                null, null, f.id(), false, List.of()));
        UUID formId = forms.create(facilitatorTenant, project, "After the café", null, false, null, List.of(
                new Question("feel", QuestionType.BEFORE_AFTER, BEFORE, null, "How did I feel before?", "face-happy", true,
                        List.of("Sad", "OK", "Happy"), ScaleStyle.FACES, NOW, "How do I feel now?", null, null),
                new Question("change", QuestionType.LONG_TEXT, CHANGE, null, "What would I change?", "change", false, List.of(),
                        ScaleStyle.WORDS, null, null, null, null)));
        forms.setStatus(facilitatorTenant, formId, FormStatus.OPEN);

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(f.username(), TestData.PASSWORD).open("/forms/" + formId + "/paper/enter");
        assertThat(facilitator.heading()).hasText("Type in a paper form");

        // Nothing typed in: refused, and the error takes you to the questions.
        facilitator.clickButton("Save and enter the next one");
        assertThat(page.locator(".govuk-error-summary")).containsText("Type in at least one answer from the paper copy");
        assertThat(respondents.responses(facilitatorTenant, formId, null, null, null)).isEmpty();

        // The person ticked how it was before, skipped how it is now, and wrote a comment.
        group(page, BEFORE).getByLabel("Sad", new Locator.GetByLabelOptions().setExact(true)).check();
        facilitator.fill(CHANGE, "Longer opening hours").clickButton("Save and enter the next one");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Saved. Entered from paper: 1 so far. Enter the next one.");
        assertThat(page.locator(".govuk-error-summary")).hasCount(0);

        List<Response> saved = respondents.responses(facilitatorTenant, formId, null, null, null);
        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().answers().values()).isEqualTo(Map.of("feel.before", List.of("1"), "change", List.of("Longer opening hours")));

        facilitator.open("/forms/" + formId + "/responses");
        assertThat(page.locator("table tbody tr")).hasCount(1);
        assertThat(page.locator("table tbody tr").first()).containsText("Longer opening hours");
    }

    private static Locator group(Page page, String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
    }
}
