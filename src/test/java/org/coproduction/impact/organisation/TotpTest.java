package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Two-step sign-in's codes are the ones authenticator apps make: RFC 6238's own test values. */
class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesMatchTheRfcTestVectors() {
        // RFC 6238, appendix B (SHA-1, 8 digits), at the times it lists.
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890)), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
        // Six digits are the last six of the same number.
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    }

    @Test
    void aCodeIsAcceptedWithinOneStepOfDriftAndNeverTwice() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        String code = Totp.code(RFC_KEY, step);
        assertThat(Totp.match(RFC_KEY, code, now, 0)).hasValue(step);
        assertThat(Totp.match(RFC_KEY, code.substring(0, 3) + " " + code.substring(3), now, 0)).hasValue(step);
        assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 2), now, 0)).isEmpty();
        // Used once: the step is remembered, and the same code (or an older one) is refused.
        assertThat(Totp.match(RFC_KEY, code, now, step)).isEmpty();
        assertThat(Totp.match(RFC_KEY, "abcdef", now, 0)).isEmpty();
        assertThat(Totp.match(RFC_KEY, "12345", now, 0)).isEmpty();
    }

    @Test
    void theKeyIsWrittenInBase32AsAppsExpect() {
        // RFC 4648's test value, and a round trip of a real key.
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        byte[] secret = Totp.newSecret();
        assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
        assertThat(Totp.base32(secret)).hasSize(32);
        assertThat(Totp.uri("Co-production Impact", "sam@example.org", RFC_KEY))
                .isEqualTo("otpauth://totp/Co-production%20Impact:sam%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Co-production%20Impact&algorithm=SHA1&digits=6&period=30");
    }
}
