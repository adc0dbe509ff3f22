package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.UUID;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facilitator brings in a KoboToolbox form (an XLSForm file with Welsh labels), checks the preview
 * and makes it; a person opens its link on a phone, chooses Cymraeg and answers it in Welsh (issue #13).
 */
@BrowserJourney
class ImportXlsFormJourneyTest extends Journey {

    @Autowired
    ProjectService projects;

    @Autowired
    org.springframework.context.MessageSource messages;

    /** The service's own Welsh words, as the page shows them after the switch. */
    private String cy(String key) {
        return messages.getMessage(key, null, java.util.Locale.of("cy"));
    }

    @Test
    void aFacilitatorBringsInAnXlsFormWithWelshLabelsAndAPersonAnswersItInCymraeg() throws Exception {
        TestData.Org org = data.organisationWithEveryRole("Kobo");
        TestData.Person me = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(me.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Walking group " + TestData.suffix(), null, null, null, null,
                me.id(), false, List.of()));
        byte[] file;
        try (var in = getClass().getResourceAsStream("/xlsform/after-the-walk.xlsx")) {
            file = in.readAllBytes();
        }

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        facilitator.signIn(me.username(), TestData.PASSWORD);
        facilitator.open("/projects/" + project + "/forms");
        facilitator.clickLink("Bring in a form from an XLSForm file");
        assertThat(facilitator.heading()).hasText("Bring in a form from an XLSForm file");

        // A file that is not an XLSForm first: the error beside the field, nothing made.
        page.getByLabel("XLSForm file").setInputFiles(new FilePayload("answers.csv", "text/csv", "a,b\n1,2\n".getBytes()));
        facilitator.clickButton("Check the file");
        assertThat(page.locator("#file-error")).containsText("The file must be an Excel workbook (.xlsx)");

        page.getByLabel("XLSForm file").setInputFiles(new FilePayload("after-the-walk.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file));
        facilitator.clickButton("Check the file");

        assertThat(facilitator.heading()).hasText("Check the form before it is made");
        assertThat(page.locator("main")).containsText("Nothing is made until you check what the file gives and confirm.");
        assertThat(page.locator("#questions")).hasText("4 questions will be made");
        assertThat(page.locator("main")).containsText("Wnaethoch chi fwynhau’r daith gerdded?");
        // The file's own easy-read columns, English and Welsh (the Welsh marked as Welsh).
        assertThat(page.locator("main")).containsText("Easy read: Did you like the walk?");
        assertThat(page.locator("main span[lang=cy]").filter(new Locator.FilterOptions().setHasText("Oeddech chi’n hoffi’r daith?")))
                .hasCount(1);
        Locator notTaken = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("What will not be brought in"))
                .locator("tbody tr");
        assertThat(notTaken).hasCount(4);
        assertThat(notTaken.nth(3)).containsText("The question type “geopoint” has nothing like it here.");
        assertThat(jdbc.sql("select count(*) from form where project_id = :p").param("p", project).query(Integer.class).single()).isZero();

        facilitator.clickButton("Make this form");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Form made from the XLSForm file.");
        assertThat(facilitator.heading()).hasText("After the walk");
        facilitator.clickButton("Open the form for answers");
        String token = jdbc.sql("select token from form where project_id = :p").param("p", project).query(String.class).single();

        // Someone with the link, on a phone: they choose Cymraeg and see the organisation's Welsh words.
        Visitor person = phoneUser();
        Page phone = person.page();
        person.open("/r/" + token);
        assertThat(person.heading()).hasText("After the walk");
        person.clickLink("Cymraeg");
        assertThat(person.heading()).hasText("Ar ôl y daith");
        // Read as Welsh: the nearest language the heading is in (its own, or the page's) is Welsh, not English.
        assertThat((String) person.heading().evaluate("h => h.closest('[lang]').getAttribute('lang')")).startsWith("cy");
        assertThat(phone.locator("main")).containsText("Diolch am gerdded gyda ni ŵ ŷ.");
        // One switch: the service's words are in Welsh too now.
        assertThat(phone.locator("html")).hasAttribute("lang", "cy-GB");
        person.clickButton(cy("respond.start.button"));
        assertThat(phone.locator("h1")).containsText("Wnaethoch chi fwynhau’r daith gerdded?");
        // Easy read on: the same question in the file's Welsh easy-read words.
        person.click(phone.locator(".app-easy-read-switch__button"));
        assertThat(phone.locator("h1")).containsText("Oeddech chi’n hoffi’r daith?");
        person.choose("Ychydig").clickButton(cy("respond.continue"));
        assertThat(phone.locator("h1")).containsText("Sut ydych chi’n teimlo nawr?");
        person.choose("Da").clickButton(cy("respond.continue"));
        person.fill("Sawl milltir wnaethoch chi gerdded?", "3").clickButton(cy("respond.continue"));
        person.fill("Beth arall hoffech chi ei ddweud wrthym?", "Roedd yn hyfryd").clickButton(cy("respond.continue"));
        assertThat(phone.locator("main")).containsText("Ychydig");
        person.clickButton(cy("respond.check.send.button"));
        assertThat(person.heading()).containsText(cy("respond.done.title"));

        List<String> saved = jdbc.sql("""
                        select r.language || ' ' || (r.answers ->> 'enjoy') from form_response r join form f on f.id = r.form_id
                        where f.project_id = :p""")
                .param("p", project).query(String.class).list();
        assertThat(saved).containsExactly("cy [\"2\"]");
    }
}
