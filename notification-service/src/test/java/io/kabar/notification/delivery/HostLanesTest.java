package io.kabar.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class HostLanesTest {

    Instant now = Instant.parse("2024-05-01T10:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final List<CompletableFuture<String>> calls = new ArrayList<>();
    final RoundTrips roundTrips = new RoundTrips();
    final Timeouts timeouts = new Timeouts(
            Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(30), Duration.ofSeconds(5), roundTrips);

    CompletableFuture<String> call() {
        CompletableFuture<String> call = new CompletableFuture<>();
        calls.add(call);
        return call;
    }

    @Test
    void boundsRequestsInFlightPerHostQueuesAFewAndRefusesTheRestAtOnce() {
        HostLanes lanes = new HostLanes(2, 1, 5, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);

        var first = lanes.submit("slow:80", this::call);
        lanes.submit("slow:80", this::call);
        var queued = lanes.submit("slow:80", this::call);
        var refused = lanes.submit("slow:80", this::call);
        var otherHost = lanes.submit("fast:80", this::call);

        assertThat(calls).hasSize(3);
        assertThat(lanes.queued()).isEqualTo(1);
        assertThat(refused).isCompletedExceptionally();
        assertThat(failure(refused))
                .isInstanceOf(HostLanes.HostUnavailable.class)
                .hasMessageContaining("full");
        calls.get(2).complete("ok");
        assertThat(otherHost).isCompletedWithValue("ok");
        calls.get(0).complete("ok");
        assertThat(first).isCompletedWithValue("ok");
        assertThat(calls).hasSize(4);
        calls.get(3).complete("ok");
        assertThat(queued).isCompletedWithValue("ok");
    }

    @Test
    void opensTheCircuitAfterConsecutiveFailuresFailingWhatWaitsThenTriesOneRequestAfterTheOpenTime() {
        HostLanes lanes = new HostLanes(1, 10, 2, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);
        lanes.submit("bad:80", this::call);
        lanes.submit("bad:80", this::call);
        var waiting = lanes.submit("bad:80", this::call);

        calls.get(0).completeExceptionally(new ConnectException("refused"));
        calls.get(1).completeExceptionally(new ConnectException("refused"));

        assertThat(failure(waiting))
                .isInstanceOf(HostLanes.HostUnavailable.class)
                .hasMessageContaining("circuit open");
        assertThat(lanes.hostsIn(HostLanes.State.OPEN)).isEqualTo(1);
        assertThat(failure(lanes.submit("bad:80", this::call))).hasMessageContaining("circuit open");
        assertThat(calls).hasSize(2);

        now = now.plusSeconds(31);
        assertThat(lanes.hostsIn(HostLanes.State.HALF_OPEN)).isEqualTo(1);
        var trial = lanes.submit("bad:80", this::call);
        assertThat(failure(lanes.submit("bad:80", this::call))).hasMessageContaining("circuit open");
        calls.get(2).complete("back");

        assertThat(trial).isCompletedWithValue("back");
        assertThat(lanes.hostsIn(HostLanes.State.CLOSED)).isEqualTo(1);
        lanes.submit("bad:80", this::call);
        assertThat(calls).hasSize(4);
    }

    @Test
    void aRefusalByAnOpenCircuitSaysWhenTheHostIsWorthTryingAgain() {
        HostLanes lanes = new HostLanes(1, 10, 1, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);
        lanes.submit("bad:80", this::call);
        var waiting = lanes.submit("bad:80", this::call);
        calls.get(0).completeExceptionally(new ConnectException("refused"));
        Instant openUntil = now.plusSeconds(30);

        assertThat(failure(waiting))
                .isInstanceOfSatisfying(
                        HostLanes.CircuitOpen.class,
                        open -> assertThat(open.until()).isEqualTo(openUntil));
        now = now.plusSeconds(10);
        assertThat(failure(lanes.submit("bad:80", this::call)))
                .isInstanceOfSatisfying(
                        HostLanes.CircuitOpen.class,
                        open -> assertThat(open.until()).isEqualTo(openUntil));

        now = openUntil;
        lanes.submit("bad:80", this::call); // the trial
        // While the trial runs, the host is worth trying again once the trial has had its request timeout.
        assertThat(failure(lanes.submit("bad:80", this::call)))
                .isInstanceOfSatisfying(
                        HostLanes.CircuitOpen.class,
                        open -> assertThat(open.until()).isEqualTo(openUntil.plus(timeouts.request())));
        assertThat(calls).hasSize(2);
    }

    @Test
    void cancellingAbandonsTheRequestWithoutCountingAgainstTheHost() {
        HostLanes lanes = new HostLanes(1, 10, 1, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);
        var running = lanes.submit("hang:80", this::call);
        var waiting = lanes.submit("hang:80", this::call);

        waiting.cancel(true);
        running.cancel(true);

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).isCancelled();
        assertThat(lanes.hostsIn(HostLanes.State.CLOSED)).isEqualTo(1);
        lanes.submit("hang:80", this::call);
        assertThat(calls).hasSize(2);
    }

    @Test
    void aRequestCancelledWhileQueuedIsNeverStartedAndLeavesTheCircuitClosed() {
        HostLanes lanes = new HostLanes(1, 10, 1, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);
        lanes.submit("slow:80", this::call);
        var waiting = lanes.submit("slow:80", this::call);

        waiting.cancel(true);
        calls.get(0).complete("ok");

        assertThat(calls).hasSize(1);
        assertThat(lanes.queued()).isZero();
        assertThat(lanes.hostsIn(HostLanes.State.CLOSED)).isEqualTo(1);
    }

    @Test
    void anAbandonedTrialLetsTheNextRequestTryTheHost() {
        HostLanes lanes = new HostLanes(1, 10, 1, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);
        lanes.submit("bad:80", this::call);
        calls.get(0).completeExceptionally(new ConnectException("refused"));
        now = now.plusSeconds(31);

        lanes.submit("bad:80", this::call).cancel(true);
        lanes.submit("bad:80", this::call);

        assertThat(calls).hasSize(3);
    }

    @Test
    void
            aFullLaneThatAnswersNothingForTheStallTimeWhileAnotherHostAnswersTimesOutWhatRunsRefusesWhatWaitsAndOpensItsCircuit() {
        HostLanes lanes = new HostLanes(2, 10, 2, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);
        var first = lanes.submit("hang:80", this::call);
        var second = lanes.submit("hang:80", this::call);
        var waiting = lanes.submit("hang:80", this::call);
        now = now.plusMillis(10);
        var elsewhere = lanes.submit("fast:80", this::call);
        calls.get(2).complete("ok");

        now = now.plusMillis(989);
        lanes.sweep();
        assertThat(waiting).isNotDone();
        now = now.plusMillis(1);
        lanes.sweep();

        assertThat(failure(waiting)).hasMessageContaining("timed out: hang:80 answered nothing for 1000 ms");
        assertThat(failure(first)).hasMessageContaining("timed out");
        assertThat(failure(second)).hasMessageContaining("timed out");
        assertThat(calls.get(0)).isCancelled();
        assertThat(calls.get(1)).isCancelled();
        assertThat(lanes.hostsIn(HostLanes.State.OPEN)).isEqualTo(1);
        assertThat(elsewhere).isCompletedWithValue("ok");
    }

    @Test
    void aSilentFullLaneIsNotStalledUntilAnotherHostAnswersARequestSentAfterItsLastAnswer() {
        HostLanes lanes = new HostLanes(1, 10, 1, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);
        lanes.submit("other:80", this::call);
        now = now.plusMillis(10);
        lanes.submit("starved:80", this::call);
        var waiting = lanes.submit("starved:80", this::call);
        // Sent before the starved host's request: says nothing about whether the process runs since.
        calls.get(0).complete("ok");

        sweepEvery100MillisFor(Duration.ofSeconds(3), lanes);
        assertThat(waiting).isNotDone();

        lanes.submit("other:80", this::call);
        calls.get(2).complete("ok");
        now = now.plusMillis(100);
        lanes.sweep();

        assertThat(failure(waiting)).hasMessageContaining("timed out: starved:80");
    }

    @Test
    void aSweepThatRunsLateJudgesNobodyAsThePauseSilencedEveryHost() {
        HostLanes lanes = new HostLanes(1, 10, 1, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);
        lanes.submit("paused:80", this::call);
        var waiting = lanes.submit("paused:80", this::call);
        lanes.sweep();
        now = now.plusMillis(10);
        lanes.submit("other:80", this::call);
        calls.get(1).complete("ok");

        now = now.plusMillis(1500);
        lanes.sweep();
        assertThat(waiting).isNotDone();

        now = now.plusMillis(100);
        lanes.sweep();
        assertThat(failure(waiting)).hasMessageContaining("timed out: paused:80");
    }

    @Test
    void aSilentFullLaneIsGivenFourTypicalRoundTripsWhenAnswersAreSlowerThanTheStallTime() {
        HostLanes lanes = new HostLanes(1, 10, 1, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);
        lanes.submit("starved:80", this::call);
        var waiting = lanes.submit("starved:80", this::call);
        now = now.plusMillis(10);
        lanes.submit("other:80", this::call);
        now = now.plusMillis(2000);
        calls.get(1).complete("ok");
        assertThat(roundTrips.typical()).isEqualTo(Duration.ofMillis(2000));

        sweepEvery100MillisFor(Duration.ofMillis(5800), lanes);
        assertThat(waiting).isNotDone();
        sweepEvery100MillisFor(Duration.ofMillis(300), lanes);

        assertThat(failure(waiting)).hasMessageContaining("timed out: starved:80 answered nothing for 8000 ms");
    }

    private void sweepEvery100MillisFor(Duration time, HostLanes lanes) {
        for (int i = 0; i < time.toMillis() / 100; i++) {
            now = now.plusMillis(100);
            lanes.sweep();
        }
    }

    @Test
    void aLaneThatKeepsAnsweringOrHasNothingWaitingIsNeverStalled() {
        HostLanes lanes = new HostLanes(1, 10, 1, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, clock);
        lanes.submit("busy:80", this::call);
        var waiting = lanes.submit("busy:80", this::call);
        var alone = lanes.submit("slow:80", this::call);

        now = now.plusMillis(900);
        calls.get(0).complete("ok");
        now = now.plusMillis(900);
        lanes.sweep();
        now = now.plusSeconds(5);
        calls.get(2).complete("ok");
        lanes.sweep();

        assertThat(waiting).isCompletedWithValue("ok");
        assertThat(alone).isNotDone();
        assertThat(lanes.hostsIn(HostLanes.State.OPEN)).isZero();
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.join();
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
