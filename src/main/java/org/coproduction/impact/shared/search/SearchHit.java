package org.coproduction.impact.shared.search;

import org.jspecify.annotations.Nullable;

/**
 * One thing found by the organisation search: what kind of thing it is (a message key), its title, the
 * project it belongs to (null for something of the whole organisation), the address of its page, and
 * how well it matched (higher is better). The title and the project's name are the organisation's main
 * words, as written (a page marks them with its language: {@code Ui.ownWordsLang()}).
 */
public record SearchHit(String kindKey, String title, @Nullable String projectName, String href, double rank) {
}
