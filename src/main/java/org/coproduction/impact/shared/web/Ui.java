package org.coproduction.impact.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.coproduction.impact.shared.security.SignedInUser;
import org.coproduction.impact.shared.tenancy.CurrentRequest;
import org.coproduction.impact.shared.tenancy.Membership;
import org.coproduction.impact.shared.tenancy.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every template may ask about the current request: words from the message bundle (easy-read
 * wording when the person chose it), the CSRF token, who is signed in and in which organisation.
 * Templates call these as {@code ${Ui.t("key")}}; nothing here changes state.
 */
public final class Ui {

    public static final String EASY_READ = "easyRead";
    public static final String EASY_READ_COOKIE = "easy_read";

    /** Where the service's people are (England and Wales). */
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private static @Nullable MessageSource messages;

    private Ui() {}

    static void use(MessageSource source) {
        messages = source;
    }

    /** The words for a message key, in easy read where the person chose it and a version exists. */
    public static String t(String key, Object... args) {
        MessageSource source = messageSource();
        if (easyRead()) {
            try {
                return source.getMessage("easyread." + key, args, LocaleContextHolder.getLocale());
            } catch (NoSuchMessageException ignored) {
                // Not every message needs an easy-read version: short ones are already plain.
            }
        }
        return source.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** The standard wording only, for places where easy read must not change the text. */
    public static String standard(String key, Object... args) {
        return messageSource().getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A day as people here read it ("30 November 2026"), in UK time. */
    public static String date(OffsetDateTime at) {
        return inUkTime(at, "d MMMM yyyy");
    }

    /** A calendar date as people here read it ("12 January 2026"). */
    public static String day(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", LocaleContextHolder.getLocale()));
    }

    /** A moment as people here read it ("23 November 2026, 14:05"), in UK time. */
    public static String dateTime(OffsetDateTime at) {
        return inUkTime(at, "d MMMM yyyy, HH:mm");
    }

    // The database gives moments in UTC; shown as they are, they would be an hour out all summer.
    private static String inUkTime(OffsetDateTime at, String pattern) {
        return at.atZoneSameInstant(UK)
                .format(DateTimeFormatter.ofPattern(pattern, LocaleContextHolder.getLocale()));
    }

    /** The language of the page, always one the service has words in ({@link Languages}). */
    public static String lang() {
        return Languages.tag();
    }

    /**
     * The code for an organisation's main words where the caller does not know their language: an
     * outcome, a plan row, a question on the staff pages. They are written in the organisation's own
     * language ({@link #ownWords}), English unless an ADMIN chose Welsh; {@link #langIfOther} reads
     * this code as that language. Models that show main or second words ({@link OwnWords}) give the
     * language itself ("en" or "cy").
     */
    public static final String OWN_WORDS = "own";

    /** The language ("en" or "cy") the organisation this page is about writes its own words in. */
    public static String ownWords() {
        return org.coproduction.impact.shared.tenancy.CurrentRequest.wordsLanguage(request());
    }

    /**
     * The {@code lang} attribute for the organisation's words on this page: none (null, so the
     * attribute is left off) when they are in the page's own language, the code otherwise. A screen
     * reader must read an English-speaking organisation's words as English on a Welsh page, and a
     * Welsh-speaking one's as Welsh on an English page (WCAG 3.1.2, language of parts).
     *
     * @param language "en" or "cy" for words known to be in that language; {@link #OWN_WORDS} for the
     *     organisation's main words, in whichever language it writes them; null for words of the page's own
     */
    public static @Nullable String langIfOther(@Nullable String language) {
        if (language == null) {
            return null;
        }
        String written = OWN_WORDS.equals(language) ? ownWords() : language;
        return written.equals(Languages.code()) ? null : written;
    }

    /** {@link #langIfOther} for the organisation's main words: an outcome, a record's title, a way of collecting evidence. */
    public static @Nullable String ownWordsLang() {
        return langIfOther(OWN_WORDS);
    }

    public static boolean easyRead() {
        HttpServletRequest request = request();
        if (request == null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(EASY_READ) instanceof Boolean chosen) {
            return chosen;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (EASY_READ_COOKIE.equals(c.getName())) {
                    return "1".equals(c.getValue());
                }
            }
        }
        return false;
    }

    public static String csrfParameter() {
        CsrfToken token = csrf();
        return token == null ? "_csrf" : token.getParameterName();
    }

    public static String csrfToken() {
        CsrfToken token = csrf();
        return token == null ? "" : token.getToken();
    }

    private static @Nullable CsrfToken csrf() {
        HttpServletRequest request = request();
        return request == null ? null : (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    public static @Nullable SignedInUser user() {
        return CurrentRequest.user().orElse(null);
    }

    public static @Nullable Tenant tenant() {
        HttpServletRequest request = request();
        return request == null ? null : CurrentRequest.tenant(request);
    }

    public static List<Membership> memberships() {
        HttpServletRequest request = request();
        return request == null ? List.of() : CurrentRequest.memberships(request);
    }

    public static boolean isOperator() {
        HttpServletRequest request = request();
        return request != null && CurrentRequest.isOperator(request);
    }

    /** The path of this page, so a switch (like easy read) can come back to it. */
    public static String here() {
        HttpServletRequest request = request();
        if (request == null) {
            return "/";
        }
        Object original = request.getAttribute("jakarta.servlet.forward.request_uri");
        String path = original instanceof String s ? s : request.getRequestURI();
        String query = original instanceof String ? null : request.getQueryString();
        return query == null ? path : path + "?" + query;
    }

    /** True when the current path starts with the given one, for marking the active navigation item. */
    public static boolean active(String prefix) {
        String here = here();
        return prefix.equals("/") ? here.equals("/") : here.startsWith(prefix);
    }

    private static MessageSource messageSource() {
        MessageSource source = messages;
        if (source == null) {
            throw new IllegalStateException("messages not ready");
        }
        return source;
    }

    static @Nullable HttpServletRequest currentRequest() {
        return request();
    }

    private static @Nullable HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? attrs.getRequest()
                : null;
    }
}
