package org.coproduction.impact.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.coproduction.impact.pathway.ProjectService;
import org.coproduction.impact.shared.tenancy.Role;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.coproduction.impact.shared.tenancy.UserId;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17: a facilitator who double-clicks "Save" gets one task and the page it is on, not an error
 * page. GOV.UK Frontend's button script already ignores a second click when it has loaded, so here it
 * has not (a slow connection, an old browser): both clicks reach the service, and the service itself
 * must make one task.
 */
@BrowserJourney
class DoubleClickJourneyTest extends Journey {

    private static final String TITLE = "Book the hall for the open day";

    @Autowired
    ProjectService projects;

    @Test
    void aDoubleClickOnSaveAddsOneTaskAndShowsIt() {
        TestData.Org org = data.organisationWithEveryRole("Double");
        TestData.Person f = org.person(Role.FACILITATOR);
        Tenant tenant = new Tenant(new UserId(f.id()), org.id(), org.name(), Role.FACILITATOR);
        UUID project = projects.create(tenant, new ProjectService.ProjectDetails("Open day " + TestData.suffix(), null, null, null, null,
                f.id(), true, List.of()));

        Visitor facilitator = visitor();
        Page page = facilitator.page();
        page.route("**/vendor/govuk-frontend/govuk-frontend.min.js", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/javascript").setBody("export function initAll() {}")));
        AtomicInteger saves = new AtomicInteger();
        page.onRequest(request -> {
            if (request.method().equals("POST") && request.url().endsWith("/tasks/new")) {
                saves.incrementAndGet();
            }
        });
        facilitator.signIn(f.username(), TestData.PASSWORD).open("/projects/" + project + "/tasks/new");
        facilitator.fill("Task", TITLE);
        page.getByLabel("Who is doing it", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel(f.name()));
        facilitator.doubleClickButton("Save");
        page.waitForLoadState();

        assertThat(saves.get()).as("the browser sent the form twice").isEqualTo(2);
        assertThat(facilitator.heading()).hasText("Tasks and milestones");
        Locator rows = page.locator("#tasks tbody tr").filter(new Locator.FilterOptions().setHasText(TITLE));
        assertThat(rows).hasCount(1);
        assertThat(jdbc.sql("select count(*) from tracker_task where project_id = :p and title = :t")
                .param("p", project).param("t", TITLE).query(Long.class).single()).isEqualTo(1L);
    }
}
