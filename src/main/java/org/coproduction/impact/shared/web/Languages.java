package org.coproduction.impact.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The languages the service is written in, and so the only ones a page, a date, a PDF or a Word
 * file may claim. A browser's preference chooses among these and never adds to them: a browser set
 * to French gets English pages tagged {@code en-GB}, so a screen reader reads them in English
 * (WCAG 3.1.1). When Welsh words exist, Welsh joins {@link #SUPPORTED}.
 */
@Configuration
public class Languages {

    /** British English: the words in {@code messages.properties}. */
    public static final Locale ENGLISH = Locale.UK;

    /** Every language the service has every word in, the default first. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH);

    Languages() {
        // Mail, scheduled jobs and start-up have no request: they too speak the default, whatever the
        // machine's own locale is.
        LocaleContextHolder.setDefaultLocale(ENGLISH);
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }
        };
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(ENGLISH);
        return resolver;
    }

    /** The supported language closest to the one asked for: the same language, else the default. */
    static Locale supported(Locale asked) {
        return SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(asked.getLanguage()))
                .findFirst()
                .orElse(ENGLISH);
    }

    /** The BCP 47 tag of the current language ("en-GB"), for {@code lang} attributes and documents. */
    public static String tag() {
        return supported(LocaleContextHolder.getLocale()).toLanguageTag();
    }
}
