package io.kabar.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

    final Instant now = Instant.parse("2024-05-01T10:00:00Z");
    final RoundTrips roundTrips = new RoundTrips();
    final Timeouts timeouts = new Timeouts(
            Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(30), Duration.ofSeconds(5), roundTrips);

    @Test
    void fastRoundTripsKeepTheConfiguredTimeouts() {
        roundTrips.answered(now, now.plusMillis(40));

        assertThat(timeouts.request()).isEqualTo(Duration.ofSeconds(4));
        assertThat(timeouts.connect()).isEqualTo(Duration.ofSeconds(3));
        assertThat(timeouts.batchDeadline()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void slowRoundTripsGiveARequestFourOfThemAndStretchConnectTimeoutAndBatchDeadlineByAsMuch() {
        roundTrips.answered(now, now.plusMillis(2500));

        assertThat(timeouts.request()).isEqualTo(Duration.ofSeconds(10));
        assertThat(timeouts.connect()).isEqualTo(Duration.ofSeconds(9));
        assertThat(timeouts.batchDeadline()).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void theRequestTimeoutNeverGrowsBeyondItsCeilingAndShrinksBackAsAnswersSpeedUp() {
        roundTrips.answered(now, now.plusSeconds(60));
        assertThat(timeouts.request()).isEqualTo(Duration.ofSeconds(30));
        assertThat(timeouts.batchDeadline()).isEqualTo(timeouts.longestBatchDeadline());

        for (int i = 0; i < 100; i++) {
            roundTrips.answered(now, now.plusMillis(40));
        }

        assertThat(timeouts.request()).isEqualTo(Duration.ofSeconds(4));
    }
}
