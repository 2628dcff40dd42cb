package io.kabar.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.notification.NotificationProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    static final NotificationProperties.Webhooks SETTINGS = new NotificationProperties.Webhooks(
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            8,
            4,
            Duration.ofSeconds(2),
            2.0,
            Duration.ofSeconds(30),
            1,
            0.2,
            Duration.ofSeconds(5),
            100,
            5,
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            Duration.ofSeconds(1));

    @Test
    void backsOffExponentiallyAndGivesUpAfterTheLastAttempt() {
        RetryPolicy policy = new RetryPolicy(SETTINGS, new java.util.Random(1) {
            @Override
            public double nextDouble() {
                return 0.5;
            }
        });

        assertThat(policy.delayAfter(1, Optional.empty(), NOW)).contains(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(2, Optional.empty(), NOW)).contains(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(3, Optional.empty(), NOW)).contains(Duration.ofSeconds(8));
        assertThat(policy.delayAfter(4, Optional.empty(), NOW)).isEmpty();
    }

    @Test
    void jittersWithinTheConfiguredFraction() {
        RetryPolicy policy = new RetryPolicy(SETTINGS, new java.util.Random(7));

        for (int i = 0; i < 100; i++) {
            assertThat(policy.delayAfter(1, Optional.empty(), NOW).orElseThrow())
                    .isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
        }
    }

    @Test
    void honoursALongerRetryAfterUpToTheMaximumBackOff() {
        RetryPolicy policy = new RetryPolicy(SETTINGS, new java.util.Random(7));

        assertThat(policy.delayAfter(1, Optional.of("10"), NOW)).contains(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(1, Optional.of("3600"), NOW)).contains(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(1, Optional.of("Wed, 01 May 2024 10:00:20 GMT"), NOW))
                .contains(Duration.ofSeconds(20));
    }

    @Test
    void clampsAbsurdRetryAfterValuesToTheMaximumBackOffInsteadOfOverflowing() {
        RetryPolicy policy = new RetryPolicy(SETTINGS, new java.util.Random(7));

        assertThat(policy.delayAfter(1, Optional.of("99999999999999999"), NOW)).contains(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(1, Optional.of("9223372036854775807"), NOW))
                .contains(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(1, Optional.of("99999999999999999999999"), NOW))
                .contains(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(1, Optional.of("Fri, 31 Dec 9999 23:59:59 GMT"), NOW))
                .contains(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(1, Optional.of("-5"), NOW).orElseThrow()).isLessThan(Duration.ofSeconds(3));
    }
}
