package org.coproduction.impact.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable, after NCSC and NIST advice: long rather than complicated
 * (at least 12 characters, so a passphrase of three or four words works), and not one that is
 * commonly used or guessable from the person's own name.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("organisation/common-passwords.txt");
    }

    /** The message key of the first problem with the password, or empty when it is fine. */
    Optional<String> problemWith(String password, String... personal) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        String normalised = normalise(password);
        if (common.contains(normalised) || common.contains(normalised.replaceAll("[0-9!?.]+$", ""))
                || normalised.chars().distinct().count() < 4) {
            return Optional.of("password.too-common");
        }
        for (String p : personal) {
            if (p != null && p.length() >= 3 && normalised.contains(normalise(p))) {
                return Optional.of("password.personal");
            }
        }
        return Optional.empty();
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static Set<String> load(String path) {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
            in.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(PasswordPolicy::normalise)
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
