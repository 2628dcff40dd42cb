package io.kabar.related.refresh;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Times the stages an article's change goes through in this service, measured from the timestamps of the records
 * that carry it, so that an operator (and the burst benchmark) can see where a list waits: for the planner to read
 * the article event, for the local index to hold it, for the planner's own work, and for a compute consumer to start
 * on a requested list.
 */
@Component
class StageTimers {

    private final Clock clock;
    private final Timer planDelay;
    private final Timer indexWait;
    private final Timer planning;
    private final Timer ownDelay;
    private final Timer backLinkDelay;

    StageTimers(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.planDelay = Timer.builder("kabar.related.plan.delay")
                .description("from an article event's record timestamp until the planner starts on it")
                .register(meters);
        this.indexWait = Timer.builder("kabar.related.plan.index.wait")
                .description("how long the planner waited for the local index to hold the article's change")
                .register(meters);
        this.planning = Timer.builder("kabar.related.plan.duration")
                .description("the planner's work on one article event once indexed: neighbours, requests, acks")
                .register(meters);
        this.ownDelay = requestDelay(meters, "own");
        this.backLinkDelay = requestDelay(meters, "back-link");
    }

    private static Timer requestDelay(MeterRegistry meters, String kind) {
        return Timer.builder("kabar.related.requests.delay")
                .description("from a refresh request's record timestamp until a compute consumer starts on its list")
                .tag("kind", kind)
                .register(meters);
    }

    /** The planner has just picked up this article event. */
    void planStarted(ConsumerRecord<?, ?> event) {
        sinceRecord(planDelay, event);
    }

    void indexWaited(long nanos) {
        indexWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    void planned(long nanos) {
        planning.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A compute consumer starts on the list this request asked for. */
    void computeStarted(ConsumerRecord<?, ?> request) {
        sinceRecord(ListComputer.isOwn(request.topic()) ? ownDelay : backLinkDelay, request);
    }

    private void sinceRecord(Timer timer, ConsumerRecord<?, ?> record) {
        // Record timestamps are the producer's wall clock; on one machine (or synchronised clocks) the difference is
        // the wait. A negative difference (clock skew) is not a wait and is left out.
        long waited = clock.millis() - record.timestamp();
        if (waited >= 0) {
            timer.record(waited, TimeUnit.MILLISECONDS);
        }
    }
}
