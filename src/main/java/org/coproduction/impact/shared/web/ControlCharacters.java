package org.coproduction.impact.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Control characters other than tab, new line and carriage return are taken out of every form
 * field and query parameter as the request arrives (issue 17): a name typed or pasted with a NUL, a
 * bell or a terminal escape in it is kept without them, so nothing stored can upset a screen reader,
 * a CSV export or a terminal later. Files are not touched; they are checked by content elsewhere.
 *
 * <p>A lone UTF-16 surrogate (half of a character, which no valid UTF-8 can hold) becomes U+FFFD,
 * the replacement character, as Tomcat does for bytes that are not UTF-8; PostgreSQL refuses both
 * it and NUL, so either would otherwise end as a server error.
 *
 * <p>It runs before Spring Security's filters (order {@value #ORDER}, theirs is -100): the
 * sign-in form is read by them, and the malicious input suite found a NUL in a username reaching
 * PostgreSQL, a 500, while the filter ran after them. A value the container gives as null (as
 * some multipart requests do) stays null rather than failing with a NullPointerException.
 */
@Component
@Order(ControlCharacters.ORDER)
class ControlCharacters extends OncePerRequestFilter {

    /** After the character encoding filter (the highest precedence), before Spring Security (-100). */
    static final int ORDER = -110;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Cleaned(request), response);
    }

    /** The text without C0 controls (except tab, new line, carriage return), DEL and C1 controls. */
    static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (unwanted(value.charAt(i)) || Character.isSurrogate(value.charAt(i))) {
                StringBuilder kept = new StringBuilder(value.length());
                for (int j = 0; j < value.length(); j++) {
                    char c = value.charAt(j);
                    if (Character.isHighSurrogate(c) && j + 1 < value.length() && Character.isLowSurrogate(value.charAt(j + 1))) {
                        kept.append(c).append(value.charAt(++j));
                    } else if (Character.isSurrogate(c)) {
                        kept.append('\uFFFD');
                    } else if (!unwanted(c)) {
                        kept.append(c);
                    }
                }
                return kept.toString();
            }
        }
        return value;
    }

    private static boolean unwanted(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    private static final class Cleaned extends HttpServletRequestWrapper {

        private @Nullable Map<String, String[]> parameters;

        Cleaned(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, String[]> cleaned = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> {
                    String[] copy = new String[values.length];
                    for (int i = 0; i < values.length; i++) {
                        copy[i] = clean(values[i]);
                    }
                    String cleanName = clean(name);
                    cleaned.put(cleanName == null ? "" : cleanName, copy);
                });
                parameters = Collections.unmodifiableMap(cleaned);
            }
            return parameters;
        }
    }
}
