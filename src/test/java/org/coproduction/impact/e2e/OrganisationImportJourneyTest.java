package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.coproduction.impact.organisation.OrganisationExport;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator of a new instance brings in an organisation that is moving from another one: uploads
 * the export its ADMIN downloaded, checks what it holds and who already has an account, names it,
 * and finds it among the organisations (issue #15). Axe runs on every page.
 */
@BrowserJourney
class OrganisationImportJourneyTest extends Journey {

    /** The operator named in the tests\' configuration (src/test/resources/application.yml): no context of its own is needed. */
    static final String OPERATOR = "operator";

    @Autowired
    ProjectService projects;

    @Autowired
    OrganisationExport export;

    @Test
    void theOperatorBringsInAnOrganisationFromItsExport() throws Exception {
        TestData.Org from = data.organisationWithEveryRole("Moving");
        TestData.Person admin = from.person(Role.ADMIN);
        Tenant asAdmin = new Tenant(new UserId(admin.id()), from.id(), from.name(), Role.ADMIN);
        projects.create(asAdmin, new ProjectService.ProjectDetails("Walking group " + TestData.suffix(), null, null, null, null, null, false,
                List.of()));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        export.write(asAdmin, zip);
        TestData.Person operator = data.personNamed(data.organisation("Operator home " + TestData.suffix()), Role.MEMBER,
                OPERATOR);
        String newName = "Moved walking group " + TestData.suffix();

        Visitor visitor = visitor();
        Page page = visitor.page();
        visitor.signIn(operator.username(), TestData.PASSWORD);
        visitor.open("/operator/organisations");
        visitor.clickLink("Bring in an organisation from another instance’s export");
        assertThat(visitor.heading()).hasText("Bring in an organisation");

        visitor.clickButton("Check the file");
        assertThat(page.locator("#file-error")).containsText("Choose the export file to upload");

        page.getByLabel("Export file (.zip)").setInputFiles(new FilePayload("organisation-data.zip", "application/zip", zip.toByteArray()));
        visitor.clickButton("Check the file");
        assertThat(visitor.heading()).hasText("Check the organisation before bringing it in");
        assertThat(page.locator(".govuk-summary-list")).containsText(from.name());
        assertThat(page.locator(".govuk-summary-list")).containsText("4 people, 4 already with an account here");

        page.getByLabel("Name of the new organisation").fill(newName);
        visitor.clickButton("Bring in the organisation");
        assertThat(page.locator(".govuk-notification-banner--success")).containsText(newName + " has been brought in");
        assertThat(page.locator("main table")).containsText(newName);
    }
}
