package org.coproduction.impact.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coproduction.impact.support.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.opentest4j.AssertionFailedError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every browser journey shares: one Chromium per test class (Debian's at /usr/bin/chromium, or
 * the one named by {@code -Djourneys.chromium=...}; never a downloaded one),
 * a fresh browser context per person per test, and the people's browsers checked and closed after
 * each test. Subclasses are annotated {@link BrowserJourney}.
 */
abstract class Journey {

    /** The made-up address the service writes into links during journeys (see {@link BrowserJourney}). */
    static final String BASE_URL = "http://impact.journey.test";

    private static final Pattern LINK = Pattern.compile(Pattern.quote(BASE_URL) + "/\\S+");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    private final List<Visitor> visitors = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("journeys.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        try {
            for (Visitor visitor : visitors) {
                visitor.assertEveryPageChecked();
            }
        } finally {
            visitors.forEach(Visitor::close);
            visitors.clear();
        }
    }

    /** Someone on a laptop, using a mouse and keyboard. */
    Visitor visitor() {
        return start(new Browser.NewContextOptions().setViewportSize(1280, 900), false, false);
    }

    /** Someone who uses only the keyboard: no clicks. */
    Visitor keyboardUser() {
        return start(new Browser.NewContextOptions().setViewportSize(1280, 900), true, false);
    }

    /** Someone on a phone (375 by 812, touch): every page must fit the screen without sideways scrolling. */
    Visitor phoneUser() {
        return start(new Browser.NewContextOptions()
                        .setViewportSize(375, 812)
                        .setDeviceScaleFactor(2)
                        .setIsMobile(true)
                        .setHasTouch(true),
                false, true);
    }

    /** Someone on a phone who uses only a keyboard (or a switch that sends key presses): no taps. */
    Visitor phoneKeyboardUser() {
        return start(new Browser.NewContextOptions()
                        .setViewportSize(375, 812)
                        .setDeviceScaleFactor(2)
                        .setIsMobile(true)
                        .setHasTouch(true),
                true, true);
    }

    private Visitor start(Browser.NewContextOptions options, boolean keyboardOnly, boolean phone) {
        BrowserContext context = browser.newContext(options.setLocale("en-GB"));
        context.setDefaultTimeout(20_000);
        Visitor visitor = new Visitor(context, "http://localhost:" + port, keyboardOnly, phone);
        visitors.add(visitor);
        return visitor;
    }

    /** The row for {@code name} in the People page's table of people. */
    static Locator personRow(Visitor admin, String name) {
        return admin.page().getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(Pattern.compile("\\d+ people|1 person")))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
    }

    /** The row for {@code name} in the People page's table of invitations. */
    static Locator invitationRow(Visitor admin, String name) {
        return admin.page().getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Invitations"))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
    }

    /**
     * The link in the newest email to {@code recipient}, read the way an ADMIN of their organisation
     * would when no mail server is set up: on the Emails page. The ADMIN must be signed in.
     */
    static String linkInEmail(Visitor admin, String recipient, String subject) {
        admin.clickLink("Emails");
        Locator email = admin.page().locator(".app-card")
                .filter(new Locator.FilterOptions().setHasText(recipient))
                .filter(new Locator.FilterOptions().setHasText(subject))
                .first();
        String body = email.locator(".app-email-body").innerText();
        Matcher link = LINK.matcher(body);
        if (!link.find()) {
            throw new AssertionFailedError("no link to the service in the email to " + recipient + ":\n" + body);
        }
        return link.group();
    }
}
