package org.coproduction.impact.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The languages the service is written in, and so the only ones a page, a date, a PDF or a Word
 * file may claim: English ({@code messages.properties}) and Welsh ({@code messages_cy.properties},
 * kept complete by {@code MessagesTest}). A browser's preference chooses among these and never adds
 * to them: a browser set to French gets English pages tagged {@code en-GB}, so a screen reader reads
 * them in English (WCAG 3.1.1).
 *
 * <p>Which one a request gets, first match wins: the choice made with the language switch in this
 * session (or, at sign-in, the one kept on the account), then the choice kept in the
 * {@value #COOKIE} cookie, then the browser's Accept-Language among {@link #SUPPORTED}, then English.
 */
@Configuration
public class Languages {

    /** British English: the words in {@code messages.properties}. */
    public static final Locale ENGLISH = Locale.UK;

    /** Welsh (Cymraeg): the words in {@code messages_cy.properties}. */
    public static final Locale WELSH = Locale.forLanguageTag("cy-GB");

    /** Every language the service has every word in, the default first. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, WELSH);

    /** The cookie that remembers a choice for everyone, signed in or not. */
    public static final String COOKIE = "language";

    /** The session attribute holding the choice made in this session or kept on the account. */
    public static final String CHOSEN = "language";

    Languages() {
        // Mail, scheduled jobs and start-up have no request: they too speak the default, whatever the
        // machine's own locale is.
        LocaleContextHolder.setDefaultLocale(ENGLISH);
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return Languages.resolve(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
                remember(request, response, supported(locale == null ? ENGLISH : locale));
            }
        };
    }

    /**
     * Keeps a chosen language: a cookie for a year for everyone, and the session's choice for someone
     * who has a session. People answering a form have none and get none (sessions live in PostgreSQL):
     * the cookie is enough for them.
     */
    static void remember(HttpServletRequest request, @Nullable HttpServletResponse response, Locale language) {
        String chosen = language.getLanguage();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen);
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge((int) java.time.Duration.ofDays(365).toSeconds());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(CHOSEN, chosen);
        }
    }

    static Locale resolve(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CHOSEN) instanceof String chosen) {
            Optional<Locale> language = byCode(chosen);
            if (language.isPresent()) {
                return language.get();
            }
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    Optional<Locale> language = byCode(c.getValue());
                    if (language.isPresent()) {
                        return language.get();
                    }
                }
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            // In the browser's order of preference: "fr, cy;q=0.8" gets Welsh, "fr, en;q=0.5" English.
            for (Locale asked : Collections.list(request.getLocales())) {
                Optional<Locale> language = byCode(asked.getLanguage());
                if (language.isPresent()) {
                    return language.get();
                }
            }
        }
        return ENGLISH;
    }

    /** The supported language with this two-letter code ("cy"), if there is one. */
    public static Optional<Locale> byCode(@Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(code)).findFirst();
    }

    /** The supported language closest to the one asked for: the same language, else the default. */
    public static Locale supported(Locale asked) {
        return byCode(asked.getLanguage()).orElse(ENGLISH);
    }

    /** The BCP 47 tag of the current language ("en-GB", "cy-GB"), for {@code lang} attributes and documents. */
    public static String tag() {
        return supported(LocaleContextHolder.getLocale()).toLanguageTag();
    }

    /** The two-letter code of the current language ("en", "cy"), as the switch and the account keep it. */
    public static String code() {
        return supported(LocaleContextHolder.getLocale()).getLanguage();
    }

    /** True when the current language is Welsh. */
    public static boolean welsh() {
        return code().equals(WELSH.getLanguage());
    }
}
