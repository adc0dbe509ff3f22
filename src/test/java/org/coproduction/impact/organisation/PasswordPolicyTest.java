package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsAPassphraseOfRandomWords() {
        assertThat(policy.problemWith("purple kettle river morning")).isEmpty();
        assertThat(policy.problemWith("Tr4in-Gard3n-Happy")).isEmpty();
    }

    @Test
    void refusesPasswordsShorterThanTwelveCharacters() {
        assertThat(policy.problemWith("short words")).contains("password.too-short");
    }

    @Test
    void refusesVeryLongPasswords() {
        assertThat(policy.problemWith("x".repeat(150) + "yz".repeat(30))).contains("password.too-long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password123456", "qwertyuiop12", "123456789012", "aaaaaaaaaaaaaa", "abababababab", "PASS WORD 2026!", "correct horse battery staple"})
    void refusesCommonPasswordsWhateverTheCaseSpacingOrDigitsOnTheEnd(String common) {
        assertThat(policy.problemWith(common)).contains("password.too-common");
    }

    @Test
    void refusesAPasswordContainingTheUsername() {
        assertThat(policy.problemWith("jowilliams-likes-tea", "jowilliams", "Jo Williams")).contains("password.personal");
        assertThat(policy.problemWith("my name is Jo Williams", "jw", "Jo Williams")).contains("password.personal");
    }
}
