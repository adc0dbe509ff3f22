package org.coproduction.impact.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Client secrets at rest: encrypted with APP_SSO_ENCRYPTION_KEY when it is set, and read back. */
class SsoSecretTest {

    private static SsoService withKey(String key) {
        return new SsoService(null, null, null, null, null, key);
    }

    @Test
    void withAKeyTheSecretIsStoredEncryptedWithItsOwnSaltAndReadBack() {
        SsoService sso = withKey("a long operator passphrase");

        String once = sso.encrypt("client secret value");
        String twice = sso.encrypt("client secret value");

        assertThat(once).startsWith("enc:").doesNotContain("client secret value");
        assertThat(once).as("a fresh salt and nonce each time").isNotEqualTo(twice);
        assertThat(sso.decrypt(once)).isEqualTo("client secret value");
        assertThat(sso.decrypt(twice)).isEqualTo("client secret value");
    }

    @Test
    void withoutAKeyTheSecretIsKeptAsTypedAndAnEncryptedOneCannotBeRead() {
        String encrypted = withKey("a long operator passphrase").encrypt("s3cret");
        SsoService plain = withKey("");

        assertThat(plain.decrypt(plain.encrypt("s3cret"))).isEqualTo("s3cret");
        assertThatThrownBy(() -> plain.decrypt(encrypted)).hasMessageContaining("APP_SSO_ENCRYPTION_KEY");
    }
}
