package io.kabar.notification.pacing;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.delivery.FirstAttemptGate;
import io.kabar.notification.subscriptions.Pacing;
import io.kabar.notification.subscriptions.Subscription;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands before webhook delivery of first attempts: lets through what paced subscribers may receive now, holds the
 * rest in their pacing state on {@code news.held-alerts} (or drops it), and releases each held set as one digest
 * delivery when it is due. Holds the states of the partitions of {@code news.alert-deliveries} this instance owns;
 * every change is written before the deliveries it decides are sent, so a redelivered batch is decided the same way.
 */
public final class PacingGate implements FirstAttemptGate {

    private record Owned(int partition, PacingState state) {}

    private final Map<String, Owned> states = new ConcurrentHashMap<>();
    private final SubscriptionView subscriptions;
    private final HeldAlertsLog log;
    private final Retractions retractions;
    private final PacingClock clock;
    /** How long a retraction folded into a digest is remembered; at least as long as deliveries stay on their topic. */
    private final Duration retractionMemory;

    private final Counter held;
    private final Counter dropped;
    private final Counter digests;
    private final Counter folded;

    PacingGate(
            SubscriptionView subscriptions,
            HeldAlertsLog log,
            Retractions retractions,
            PacingClock clock,
            Duration retractionMemory,
            MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.retractions = retractions;
        this.clock = clock;
        this.retractionMemory = retractionMemory;
        this.held = outcome(meters, "held");
        this.dropped = outcome(meters, "dropped");
        this.digests = outcome(meters, "digested");
        this.folded = outcome(meters, "folded");
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("kabar.notifications.pacing")
                .tag("outcome", outcome)
                .description(
                        "alerts held back for a digest or dropped by subscribers' pacing, follow-ups folded into a digest, and digests released")
                .register(meters);
    }

    /** The deliveries to send now, in their order; writes what it holds or counts first. */
    @Override
    public List<Delivery> admit(List<Placed> batch) {
        List<Placed> paced =
                batch.stream().filter(p -> pacingOf(p.delivery()).isPresent()).toList();
        if (paced.isEmpty()) {
            return batch.stream().map(Placed::delivery).toList();
        }
        Set<Delivery> stopped = Collections.newSetFromMap(new IdentityHashMap<>());
        synchronized (this) {
            Instant now = clock.now();
            Map<String, Owned> changed = new LinkedHashMap<>();
            for (Placed p : paced) {
                String id = p.delivery().subscriptionId();
                Owned owned = changed.getOrDefault(id, states.get(id));
                PacingState state = owned == null ? PacingState.empty(id) : owned.state();
                Pacer.Decision decision = Pacer.decide(
                        state,
                        pacingOf(p.delivery()).orElseThrow(),
                        p.delivery().alert(),
                        now);
                if (decision.next() != state) {
                    changed.put(id, new Owned(p.partition(), decision.next()));
                }
                if (decision.verdict() != Pacer.Verdict.SEND) {
                    stopped.add(p.delivery());
                    switch (decision.verdict()) {
                        case HOLD -> held.increment();
                        case DROP -> dropped.increment();
                        default -> folded.increment();
                    }
                }
            }
            commit(changed, List.of(), now);
        }
        return batch.stream()
                .map(Placed::delivery)
                .filter(d -> !stopped.contains(d))
                .toList();
    }

    /** Releases every digest due now and clears counts of past days; answers how many digests it wrote. */
    public synchronized int release() {
        Instant now = clock.now();
        Map<String, Owned> changed = new LinkedHashMap<>();
        List<HeldAlertsLog.Placed<Delivery>> released = new ArrayList<>();
        states.forEach((id, owned) -> {
            Optional<Subscription> subscription = subscriptions.find(id);
            if (subscription.isEmpty()) {
                if (subscriptions.wasDeleted(id)) {
                    changed.put(id, new Owned(owned.partition(), PacingState.empty(id)));
                }
                return;
            }
            Pacing pacing = subscription.get().pacing();
            Pacer.release(owned.state(), pacing, now, retractionMemory, retractions::retracted)
                    .ifPresent(release -> {
                        changed.put(id, new Owned(owned.partition(), release.next()));
                        if (!release.digest().isEmpty() && !pacing.dropHeld()) {
                            released.add(new HeldAlertsLog.Placed<>(
                                    owned.partition(), Delivery.digest(id, release.digest())));
                        }
                    });
        });
        commit(changed, released, now);
        digests.increment(released.size());
        retractions.prune(now);
        return released.size();
    }

    private void commit(Map<String, Owned> changed, List<HeldAlertsLog.Placed<Delivery>> released, Instant now) {
        log.write(
                changed.values().stream()
                        .map(o -> new HeldAlertsLog.Placed<>(o.partition(), o.state()))
                        .toList(),
                released,
                now);
        changed.forEach((id, owned) -> {
            if (owned.state().isEmpty()) {
                states.remove(id);
            } else {
                states.put(id, owned);
            }
        });
    }

    /** A first attempt of a single alert to a subscriber who paces: the others pass untouched. */
    private Optional<Pacing> pacingOf(Delivery delivery) {
        if (delivery.isDigest() || delivery.attempt() > 1) {
            return Optional.empty();
        }
        return subscriptions
                .find(delivery.subscriptionId())
                .map(Subscription::pacing)
                .filter(Pacing::paces);
    }

    /** A state read back from {@code news.held-alerts} while its partition is being assigned; null deletes. */
    synchronized void restored(int partition, String subscriptionId, PacingState state) {
        if (state == null) {
            states.remove(subscriptionId);
        } else {
            states.put(subscriptionId, new Owned(partition, state));
        }
    }

    /** The partitions went to another instance: so do their states. */
    synchronized void forget(Collection<Integer> partitions) {
        states.values().removeIf(o -> partitions.contains(o.partition()));
    }

    /** Subscriptions with a pacing state on this instance. */
    int size() {
        return states.size();
    }
}
