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
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Control characters other than tab, new line and carriage return are taken out of every form
 * field and query parameter as the request arrives (issue 17): a name typed or pasted with a NUL, a
 * bell or a terminal escape in it is kept without them, so nothing stored can upset a screen reader,
 * a CSV export or a terminal later. Files are not touched; they are checked by content elsewhere.
 */
@Component
class ControlCharacters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Cleaned(request), response);
    }

    /** The text without C0 controls (except tab, new line, carriage return), DEL and C1 controls. */
    static String clean(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (unwanted(value.charAt(i))) {
                StringBuilder kept = new StringBuilder(value.length());
                value.chars().filter(c -> !unwanted((char) c)).forEach(c -> kept.append((char) c));
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
                    cleaned.put(clean(name), copy);
                });
                parameters = Collections.unmodifiableMap(cleaned);
            }
            return parameters;
        }
    }
}
