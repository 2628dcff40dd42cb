package io.kabar.notification.subscriptions;

import io.kabar.notification.alerts.Alert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every subscription in memory, fed by the mirror of {@code news.subscriptions} and by this instance's own writes as
 * soon as the broker acknowledges them. A value being written is pinned until the mirror reaches that same record, so
 * that older records still on their way through the mirror cannot undo a write this instance has just made. It also
 * remembers the ids of the latest deletions it has seen (at most {@value #DELETIONS_KEPT}, about 100 bytes each), so
 * that a delivery can tell a deleted subscription from one this instance has not read yet. Subscriptions are held in
 * id order (a skip list, about as large per entry as a hash map's node), so that a fan-out chunk starts where the
 * previous one ended instead of scanning and sorting everything, and also by id in a hash map (about 40 bytes per
 * entry), since every delivery looks its subscription up a few times and a skip list takes a chain of cache misses to
 * find one among a hundred thousand.
 */
public final class SubscriptionView {

    private final ConcurrentSkipListMap<String, Subscription> subscriptions = new ConcurrentSkipListMap<>();
    /** The same entries for lookups by id; its size is also the count, which the skip list computes by walking. */
    private final ConcurrentHashMap<String, Subscription> byId = new ConcurrentHashMap<>();

    private final Map<String, Optional<Subscription>> pinned = new ConcurrentHashMap<>();

    static final int DELETIONS_KEPT = 100_000;

    private final Map<String, Boolean> deleted = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > DELETIONS_KEPT;
        }
    };

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * One chunk of an alert's fan-out: the first {@code limit} subscriptions in id order after {@code after} ("" for
     * the start) and up to {@code until} included (null: to the end) that want the alert. Walks the index from
     * {@code after} and stops once the chunk is full: the cost grows with the subscriptions passed over, not with all
     * of them.
     */
    public List<Subscription> interestedIn(Alert alert, String after, String until, int limit) {
        List<Subscription> chunk = new ArrayList<>(Math.min(limit, 1024));
        var range =
                until == null ? subscriptions.tailMap(after, false) : subscriptions.subMap(after, false, until, true);
        for (Subscription s : range.values()) {
            if (chunk.size() == limit) {
                break;
            }
            if (s.wants(alert)) {
                chunk.add(s);
            }
        }
        return chunk;
    }

    /** Whether the subscription was deleted lately, as opposed to not yet read by this instance. */
    public boolean wasDeleted(String id) {
        synchronized (deleted) {
            return deleted.containsKey(id);
        }
    }

    /** Every subscription held, active or not. */
    List<Subscription> all() {
        return List.copyOf(subscriptions.values());
    }

    public int size() {
        return byId.size();
    }

    /** A record read from the topic; {@code null} is a tombstone. */
    void mirrored(String id, Subscription value) {
        Optional<Subscription> read = Optional.ofNullable(value);
        pinned.compute(id, (key, written) -> {
            // Until our own record comes round, whatever the mirror reads for this id is older than it.
            if (written != null && !written.equals(read)) {
                return written;
            }
            put(id, read);
            return null;
        });
    }

    /** Called before this instance writes a record, so that the mirror holds back older ones from then on. */
    void pin(String id, Optional<Subscription> value) {
        pinned.put(id, value);
    }

    /** The broker acknowledged the write: show it now unless the mirror has already passed it. */
    void written(String id, Optional<Subscription> value) {
        pinned.computeIfPresent(id, (key, written) -> {
            if (written.equals(value)) {
                put(id, value);
            }
            return written;
        });
    }

    /** The write failed: stop holding back the mirror for it. */
    void unpin(String id, Optional<Subscription> value) {
        pinned.remove(id, value);
    }

    private void put(String id, Optional<Subscription> value) {
        value.ifPresentOrElse(
                s -> {
                    subscriptions.put(id, s);
                    byId.put(id, s);
                },
                () -> {
                    subscriptions.remove(id);
                    byId.remove(id);
                    synchronized (deleted) {
                        deleted.put(id, Boolean.TRUE);
                    }
                });
    }
}
