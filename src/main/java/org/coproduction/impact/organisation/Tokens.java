package org.coproduction.impact.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable tokens for links, short codes for paper, and the hashes we keep of them. */
final class Tokens {

    // No 0/O, 1/I/L: codes are read off paper and typed by people who may find those hard to tell apart.
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** 256 random bits, URL-safe. */
    static String linkToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Eight characters (about 40 bits) shown as ABCD-EFGH; guessing is rate limited. */
    static String shortCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** Puts a typed code into the stored form: capitals, spaces and dashes ignored, dash in the middle. */
    static String normaliseCode(String typed) {
        String letters = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return letters.length() == 8 ? letters.substring(0, 4) + "-" + letters.substring(4) : letters;
    }

    static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
