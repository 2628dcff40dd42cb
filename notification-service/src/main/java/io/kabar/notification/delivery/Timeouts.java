package io.kabar.notification.delivery;

import java.time.Duration;

/**
 * The webhook timeouts in force now. The request timeout is the configured one or {@value
 * RoundTrips#SLOWER_THAN_TYPICAL} typical round trips, whichever is longer, never beyond {@code requestMax}; connect
 * timeout and batch deadline grow by as much, so that a starved process, whose every round trip is slow, does not
 * take healthy receivers for dead (their timeouts would open their circuits) or abandon what they are answering.
 */
final class Timeouts {

    private final Duration connect;
    private final Duration request;
    private final Duration requestMax;
    private final Duration batchDeadline;
    private final RoundTrips roundTrips;

    Timeouts(Duration connect, Duration request, Duration requestMax, Duration batchDeadline, RoundTrips roundTrips) {
        this.connect = connect;
        this.request = request;
        this.requestMax = requestMax.compareTo(request) > 0 ? requestMax : request;
        this.batchDeadline = batchDeadline;
        this.roundTrips = roundTrips;
    }

    RoundTrips roundTrips() {
        return roundTrips;
    }

    /** From sending a request to its answer's headers (also the longest silence on its connection). */
    Duration request() {
        Duration adapted = roundTrips.atLeastSlow(request);
        return adapted.compareTo(requestMax) < 0 ? adapted : requestMax;
    }

    Duration connect() {
        return connect.plus(stretch());
    }

    /** How long a polled batch waits for its deliveries (after its latest due time). */
    Duration batchDeadline() {
        return batchDeadline.plus(stretch());
    }

    /** The longest the batch deadline can become: what the consumers' poll interval must allow for. */
    Duration longestBatchDeadline() {
        return batchDeadline.plus(requestMax.minus(request));
    }

    private Duration stretch() {
        return request().minus(request);
    }
}
