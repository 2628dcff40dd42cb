package io.kabar.notification.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kabar.notification.NotificationProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = SecretKeys.cipher(new NotificationProperties.Secrets(
            List.of(
                    "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                    "k2:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8="),
            "",
            "k2"));

    @Test
    void decryptsWhatItEncryptedUnderEitherKey() {
        byte[] underOld = cipher.encrypt("k1", "sub-1", "whsec_abc");
        byte[] underNew = cipher.encrypt("k2", "sub-1", "whsec_abc");

        assertThat(cipher.currentKeyId()).isEqualTo("k2");
        assertThat(cipher.decrypt("k1", "sub-1", underOld)).isEqualTo("whsec_abc");
        assertThat(cipher.decrypt("k2", "sub-1", underNew)).isEqualTo("whsec_abc");
        assertThat(new String(underNew, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("abc");
    }

    @Test
    void usesAFreshNonceEveryTime() {
        assertThat(cipher.encrypt("k2", "sub-1", "whsec_abc")).isNotEqualTo(cipher.encrypt("k2", "sub-1", "whsec_abc"));
    }

    @Test
    void refusesACiphertextMovedToAnotherSubscriptionOrTamperedWith() {
        byte[] sealed = cipher.encrypt("k2", "sub-1", "whsec_abc");

        assertThatThrownBy(() -> cipher.decrypt("k2", "sub-2", sealed)).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("k2", "sub-1", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void namesAMissingKeyAndRefusesToStartWithoutAnyOrWithAShortOne() {
        assertThatThrownBy(() -> cipher.decrypt("retired", "sub-1", new byte[40]))
                .hasMessageContaining("retired");
        assertThatThrownBy(() -> SecretKeys.cipher(new NotificationProperties.Secrets(List.of(), "", "")))
                .hasMessageContaining("KABAR_NOTIFICATIONS_SECRETS_KEYS");
        assertThatThrownBy(() -> SecretKeys.cipher(new NotificationProperties.Secrets(List.of("k:AAAA"), "", "")))
                .hasMessageContaining("32 bytes");
    }
}
