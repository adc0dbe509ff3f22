package org.coproduction.impact.support;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What a screen reader takes to be the language of some words on a page (WCAG 3.1.2, language of parts). */
public final class LanguageOfText {

    private LanguageOfText() {}

    /**
     * The language of the first element holding exactly {@code text}: its own {@code lang} or its
     * nearest ancestor's. Images drawn in SVG (the pathway diagram) are left out: each is named by its
     * title, and the table beside it is what a screen reader reads.
     */
    public static String languageOf(Document page, String text) {
        Element holder = page.getAllElements().stream().filter(e -> e.ownText().strip().equals(text) && e.closest("svg") == null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no element holds \"" + text + "\" in " + page.body().html()));
        for (Element e = holder; e != null; e = e.parent()) {
            if (e.hasAttr("lang")) {
                return e.attr("lang");
            }
        }
        throw new AssertionError("no lang for " + text);
    }
}
