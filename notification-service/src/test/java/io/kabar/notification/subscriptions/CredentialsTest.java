package io.kabar.notification.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    final Credentials credentials = new Credentials(new byte[32], new SplittableRandom(7));

    @Test
    void derivesTheSameCredentialsForTheSameIdempotencyKeyAndOthersForAnother() {
        Credentials.Issued first = credentials.derived("key-1");

        assertThat(credentials.derived("key-1")).isEqualTo(first);
        assertThat(credentials.derived("key-2").secret()).isNotEqualTo(first.secret());
        assertThat(credentials.derived("key-2").token()).isNotEqualTo(first.token());
        assertThat(new Credentials(new byte[] {1}, new SplittableRandom(7))
                        .derived("key-1")
                        .token())
                .isNotEqualTo(first.token());
        assertThat(first.secret()).startsWith("whsec_").isNotEqualTo(first.token());
        assertThat(first.token()).startsWith("kbm_");
    }

    @Test
    void aTokenMatchesOnlyItsOwnHash() {
        Credentials.Issued issued = credentials.random();

        assertThat(issued.tokenHash()).hasSize(64).doesNotContain(issued.token());
        assertThat(Credentials.matches(issued.token(), issued.tokenHash())).isTrue();
        assertThat(Credentials.matches(credentials.random().token(), issued.tokenHash()))
                .isFalse();
        assertThat(Credentials.matches(issued.token(), null)).isFalse();
        assertThat(Credentials.matches(issued.token(), "not hex")).isFalse();
    }
}
