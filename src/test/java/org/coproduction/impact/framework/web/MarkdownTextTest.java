package org.coproduction.impact.framework.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    private static Document html(String markdown) {
        return Jsoup.parseBodyFragment(MarkdownText.html(markdown));
    }

    @Test
    void rendersParagraphsListsAndEmphasisWithGovukClasses() {
        Document d = html("We **care**, *truly*.\n\n- one\n- two\n\n1. first\n2. second");

        assertThat(d.select("p.govuk-body strong").text()).isEqualTo("care");
        assertThat(d.select("p.govuk-body em").text()).isEqualTo("truly");
        assertThat(d.select("ul.govuk-list.govuk-list--bullet li")).hasSize(2);
        assertThat(d.select("ol.govuk-list.govuk-list--number li")).hasSize(2);
    }

    @Test
    void rawHtmlIsShownAsTypedAndNeverRuns() {
        Document d = html("<script>alert('x')</script>\n\nText with <b onclick=\"x()\">inline</b> html.");

        assertThat(d.select("script, b")).isEmpty();
        assertThat(d.text()).contains("<script>alert('x')</script>", "<b onclick=\"x()\">inline</b>");
    }

    @Test
    void onlySafeLinksAreKept() {
        Document d = html("[ours](https://example.org) [bad](javascript:alert(1)) [mail](mailto:a@example.org)");

        assertThat(d.select("a.govuk-link").eachAttr("href")).containsExactly("https://example.org", "", "mailto:a@example.org");
    }

    @Test
    void imagesBecomeLinksSoNothingIsFetched() {
        Document d = html("See ![the *day* centre](https://example.org/centre.png).");

        assertThat(d.select("img")).isEmpty();
        assertThat(d.select("a[href=https://example.org/centre.png]").text()).isEqualTo("the day centre");
    }

    @Test
    void everyHeadingSitsBelowTheSectionHeading() {
        Document d = html("# Big\n\n## Smaller\n\n###### Tiny");

        assertThat(d.select("h4.govuk-heading-s").eachText()).containsExactly("Big", "Smaller", "Tiny");
        assertThat(d.select("h1, h2, h3, h5, h6")).isEmpty();
    }
}
