package org.coproduction.impact.form.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The limits count per form and per address, and the per-form one counts every address together. */
class RespondLimitsTest {

    @Test
    void postsAreCountedPerFormAndAddress() {
        RespondLimits limits = new RespondLimits(2, 100, 5);
        UUID form = UUID.randomUUID();

        assertThat(limits.post(form, "10.0.0.1")).isTrue();
        assertThat(limits.post(form, "10.0.0.1")).isTrue();
        assertThat(limits.post(form, "10.0.0.1")).isFalse();
        // Another address, or the same address on another form, is not held up.
        assertThat(limits.post(form, "10.0.0.2")).isTrue();
        assertThat(limits.post(UUID.randomUUID(), "10.0.0.1")).isTrue();
    }

    @Test
    void submissionsAreCountedPerFormFromEveryAddressTogether() {
        RespondLimits limits = new RespondLimits(100, 3, 5);
        UUID form = UUID.randomUUID();

        for (int i = 0; i < 3; i++) {
            assertThat(limits.submission(form)).isTrue();
        }
        assertThat(limits.submission(form)).isFalse();
        assertThat(limits.submission(UUID.randomUUID())).isTrue();
    }

    @Test
    void onlyWrongPinsUseUpTheTries() {
        RespondLimits limits = new RespondLimits(100, 100, 2);
        UUID form = UUID.randomUUID();

        assertThat(limits.pinAllowed(form, "10.0.0.1")).isTrue();
        assertThat(limits.pinAllowed(form, "10.0.0.1")).isTrue();
        limits.wrongPin(form, "10.0.0.1");
        assertThat(limits.pinAllowed(form, "10.0.0.1")).isTrue();
        limits.wrongPin(form, "10.0.0.1");
        assertThat(limits.pinAllowed(form, "10.0.0.1")).isFalse();
        assertThat(limits.pinAllowed(form, "10.0.0.2")).isTrue();
    }
}
