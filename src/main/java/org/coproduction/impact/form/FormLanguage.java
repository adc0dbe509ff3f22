package org.coproduction.impact.form;

import java.util.Locale;
import org.coproduction.impact.shared.web.OwnWords;
import org.jspecify.annotations.Nullable;

/**
 * The languages a form's own words can be given in: the organisation's main language always, and
 * its second where it gave them ({@link OwnWords}: Welsh beside English, or English beside Welsh for
 * an organisation writing in Welsh; issue #13). The words of the service around the form follow the
 * site's language; these are the organisation's words.
 */
public final class FormLanguage {

    public static final String ENGLISH = "en";
    public static final String WELSH = "cy";

    private FormLanguage() {}

    /** {@code en} or {@code cy} for a code given by a person or a cookie; null for anything else. */
    public static @Nullable String parse(@Nullable String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        return ENGLISH.equals(c) || WELSH.equals(c) ? c : null;
    }

    /**
     * The language a form is shown in: the one the respondent chose, else the page's own language,
     * and the organisation's main language for a form with no second words.
     */
    public static String of(Form form, @Nullable String chosen, Locale page) {
        if (!form.hasWelsh()) {
            return OwnWords.main();
        }
        String c = parse(chosen);
        if (c != null) {
            return c;
        }
        return WELSH.equals(page.getLanguage()) ? WELSH : ENGLISH;
    }
}
