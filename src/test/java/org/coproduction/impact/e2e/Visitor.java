package org.coproduction.impact.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * One person using the service in their own browser (a separate context: own cookies, own session).
 * Every way of reaching a page here waits for it to load and then checks it (axe, browser errors,
 * and on a phone sideways scrolling), and {@link #assertEveryPageChecked()}, run after each test,
 * fails if any page that loaded was never checked, so no page goes unscanned.
 *
 * <p>A keyboard-only visitor refuses clicks and fills: it can only Tab, type and press keys.
 */
final class Visitor implements AutoCloseable {

    private static final int MAX_TABS = 60;

    private final BrowserContext context;
    private final Page page;
    private final String origin;
    private final boolean keyboardOnly;
    private final boolean phone;
    private final List<String> loaded = new ArrayList<>();
    private final Set<Integer> scanned = new HashSet<>();
    private final List<String> browserErrors = new ArrayList<>();

    Visitor(BrowserContext context, String origin, boolean keyboardOnly, boolean phone) {
        this.context = context;
        this.origin = origin;
        this.keyboardOnly = keyboardOnly;
        this.phone = phone;
        this.page = context.newPage();
        page.onLoad(p -> loaded.add(p.url()));
        page.onPageError(error -> browserErrors.add("script error: " + error));
        page.onConsoleMessage(message -> {
            // A page's own status (a 404 page, say) is for the journey to check; failed parts are caught below.
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                browserErrors.add("console error: " + message.text() + " at " + message.location());
            }
        });
        page.onResponse(response -> {
            if (!response.request().isNavigationRequest() && response.status() >= 400) {
                browserErrors.add("could not load " + response.url() + ": " + response.status());
            }
        });
        page.onRequestFailed(request -> {
            if (!request.isNavigationRequest()) {
                browserErrors.add("could not load " + request.url() + ": " + request.failure());
            }
        });
    }

    Page page() {
        return page;
    }

    BrowserContext context() {
        return context;
    }

    /** Opens a path on the service, as if typed into the address bar. */
    Visitor open(String path) {
        return loads(() -> page.navigate(origin + path));
    }

    /** Opens a link the service wrote (in an email or a QR code), on the server under test. */
    Visitor openLink(String link) {
        if (!link.startsWith(Journey.BASE_URL + "/")) {
            throw new AssertionFailedError("expected a link to the service, got " + link);
        }
        URI uri = URI.create(link);
        return open(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    Visitor clickLink(String name) {
        requireMouse();
        return loads(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true)).click());
    }

    Visitor clickButton(String name) {
        requireMouse();
        return loads(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click());
    }

    /**
     * Clicks a button twice, a moment apart, as people used to double-clicking files do with "Save":
     * the second click comes after the first has sent the form (a double click in one go lets the
     * browser drop the first sending before it leaves).
     */
    Visitor doubleClickButton(String name) {
        requireMouse();
        Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
        button.scrollIntoViewIfNeeded();
        var box = button.boundingBox();
        double x = box.x + box.width / 2;
        double y = box.y + box.height / 2;
        return loads(() -> {
            page.mouse().click(x, y);
            page.waitForTimeout(40);
            page.mouse().click(x, y);
        });
    }

    /** Clicks something that leads to a new page. */
    Visitor click(Locator target) {
        requireMouse();
        return loads(target::click);
    }

    Visitor fill(String label, String value) {
        requireMouse();
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).fill(value);
        return this;
    }

    Visitor choose(String label) {
        requireMouse();
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).check();
        return this;
    }

    /**
     * Presses Tab until {@code target} has focus, failing if it cannot be reached that way or if it
     * shows no focus indicator when it gets there (WCAG 2.4.7, which axe cannot check).
     */
    Visitor tabTo(Locator target) {
        for (int i = 0; i < MAX_TABS; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) target.evaluate("element => element === document.activeElement")) {
                assertFocusVisible(target);
                return this;
            }
        }
        throw new AssertionFailedError("could not reach " + target + " with the Tab key on " + page.url()
                + "; focus ended on " + page.evaluate("() => document.activeElement.outerHTML"));
    }

    private void assertFocusVisible(Locator target) {
        String style = (String) target.evaluate("""
                element => {
                  const s = getComputedStyle(element);
                  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                      && s.outlineColor !== 'transparent' && s.outlineColor !== 'rgba(0, 0, 0, 0)';
                  return outline || s.boxShadow !== 'none' ? '' : 'outline ' + s.outline + ', box-shadow ' + s.boxShadow;
                }""");
        if (!style.isEmpty()) {
            throw new AssertionFailedError("no visible focus indicator on " + target + " (" + style + ") on " + page.url());
        }
    }

    /** Types into whatever has focus. */
    Visitor type(String text) {
        page.keyboard().type(text);
        return this;
    }

    /** Presses a key that leads to a new page (Enter on a link or in a form, Space on a button). */
    Visitor pressToLoad(String key) {
        return loads(() -> page.keyboard().press(key));
    }

    Visitor press(String key) {
        page.keyboard().press(key);
        return this;
    }

    Visitor signIn(String login, String password) {
        open("/sign-in");
        fill("Email address or username", login);
        fill("Password", password);
        return clickButton("Sign in");
    }

    Visitor signOut() {
        return clickButton("Sign out");
    }

    /** The page's main heading. */
    Locator heading() {
        return page.locator("h1");
    }

    /** The organisation named in the header, for a signed-in person. */
    Locator headerOrganisation() {
        return page.locator(".app-header__org strong");
    }

    /** Runs an action that loads a new page, waits for it, then checks the page. */
    private Visitor loads(Runnable action) {
        int before = loaded.size();
        action.run();
        page.waitForCondition(() -> loaded.size() > before);
        check();
        return this;
    }

    /** Checks the page as it is now: axe, script errors, and (on a phone) no sideways scrolling. */
    private void check() {
        scanned.add(loaded.size());
        AxeScan.assertNoViolations(page);
        screenshot();
        if (phone) {
            List<?> w = (List<?>) page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (((Number) w.get(0)).intValue() > ((Number) w.get(1)).intValue()) {
                throw new AssertionFailedError("on a phone, " + page.url() + " scrolls sideways: content is "
                        + w.get(0) + "px wide in a " + w.get(1) + "px screen");
            }
        }
        assertNoBrowserErrors();
    }

    /**
     * With {@code -Djourney.screenshots=<folder>}, every checked page is also saved as a full-page
     * picture, so people can look at what the journeys saw (desktop, phone, easy read) without
     * clicking through by hand. Off by default: CI does not need the pictures.
     */
    private void screenshot() {
        String folder = System.getProperty("journey.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        String path = java.net.URI.create(page.url()).getPath().replaceAll("[^A-Za-z0-9]+", "-");
        String name = "%03d%s%s.png".formatted(SHOTS.incrementAndGet(), phone ? "-phone" : "", path.length() > 80 ? path.substring(0, 80) : path);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Path.of(folder, name)));
    }

    private static final java.util.concurrent.atomic.AtomicInteger SHOTS = new java.util.concurrent.atomic.AtomicInteger();

    private void assertNoBrowserErrors() {
        if (!browserErrors.isEmpty()) {
            throw new AssertionFailedError("the browser reported problems on " + page.url() + ":\n" + String.join("\n", browserErrors));
        }
    }

    private void requireMouse() {
        if (keyboardOnly) {
            throw new IllegalStateException("this journey is keyboard-only: use tabTo, type and pressToLoad");
        }
    }

    /** Fails if a page loaded in this browser without being checked. */
    void assertEveryPageChecked() {
        List<String> missed = new ArrayList<>();
        for (int i = 1; i <= loaded.size(); i++) {
            if (!scanned.contains(i)) {
                missed.add(loaded.get(i - 1));
            }
        }
        if (!missed.isEmpty()) {
            throw new AssertionFailedError("pages loaded but never scanned with axe: " + missed);
        }
        assertNoBrowserErrors();
    }

    @Override
    public void close() {
        context.close();
    }
}
