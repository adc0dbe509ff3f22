package org.coproduction.impact.form;

import java.security.SecureRandom;

/** Random tokens for public links, drafts and submissions. */
public final class FormTokens {

    // Lower-case letters and digits without ones easily confused (0/o, 1/l/i): read off a poster.
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormTokens() {}

    /** 16 characters, about 79 bits: short enough for a small QR code, far too many to guess. */
    public static String linkToken() {
        return random(ALPHABET, 16);
    }

    /** 32 characters, about 158 bits: drafts, submissions, personal links. */
    public static String secret() {
        return random(ALPHABET, 32);
    }

    /** Six characters printed on paper copies, e.g. F-7KQ2MZ; unique within the organisation. */
    public static String paperCode() {
        return "F-" + random(CODE_ALPHABET, 6);
    }

    /** Whether a value could be a token we made; anything else is refused before touching the database. */
    public static boolean plausible(String token) {
        if (token.length() < 16 || token.length() > 32) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (ALPHABET.indexOf(token.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
