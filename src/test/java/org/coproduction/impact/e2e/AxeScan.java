package org.coproduction.impact.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Runs axe-core on the page in the browser and fails on any violation of WCAG 2.2 A and AA, or of
 * axe's best practices. The message names each rule, its impact, what to do, and where.
 *
 * <p>One best-practice finding is allowed, on one element only: {@code region} on GOV.UK's back link.
 * GOV.UK places the back link before {@code <main>} so the skip link skips it, and after research
 * decided to keep it there and document axe's flag as a known issue
 * (alphagov/govuk-frontend#6460, alphagov/govuk-design-system#5029). The rule still runs for
 * everything else on the page.
 */
final class AxeScan {

    /** WCAG 2.0, 2.1 and 2.2 at A and AA (the accessibility statement's promise), and best practice. */
    static final List<String> TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private AxeScan() {}

    static void assertNoViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
        if (results.isErrored()) {
            throw new AssertionFailedError("axe could not scan " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> violations = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            rule.setNodes(rule.getNodes().stream().filter(node -> !isGovukBackLink(rule, node)).toList());
            if (!rule.getNodes().isEmpty()) {
                violations.add(rule);
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionFailedError(violations.size() + " accessibility violation(s) on " + page.url() + ":\n"
                    + violations.stream().map(AxeScan::describe).collect(Collectors.joining("\n")));
        }
    }

    private static boolean isGovukBackLink(Rule rule, CheckedNode node) {
        return "region".equals(rule.getId()) && List.of(".govuk-back-link").equals(node.getTarget());
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getHelpUrl() + "\n"
                + rule.getNodes().stream().map(AxeScan::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        return "    at " + node.getTarget() + "\n      " + node.getHtml()
                + (node.getFailureSummary() == null ? "" : "\n      " + node.getFailureSummary().replace("\n", "\n      "));
    }
}
