package io.kabar.notification.matching;

import io.kabar.notification.alerts.Alert;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the matcher remembers per article of the partitions it owns: the newest revision seen, the alert created and
 * the newest message sent about it, restored from {@code news.alerted-articles} when a partition is assigned and
 * updated only after a commit.
 */
final class AlertLedger {

    /**
     * The state of one article; {@code alertId} is null until the article alerted, {@code last} (the newest message
     * about the alert: created, updated or retracted) null until then and for states written before follow-ups.
     */
    record Entry(int partition, long revision, String alertId, Alert last) {

        Entry withLast(Alert message) {
            return new Entry(partition, revision, message.alertId(), message);
        }
    }

    /** What to do with an article event: the state to record and whether to alert. */
    record Step(Entry next, boolean alert) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Decides on an event: nothing for a revision not newer than the last seen; otherwise records the revision and
     * alerts when the article is live and breaking, may still alert, and has not alerted before.
     */
    Optional<Step> decide(int partition, String articleId, long revision, boolean liveAndBreaking, boolean mayAlert) {
        Entry previous = entries.get(articleId);
        if (previous != null && revision <= previous.revision()) {
            return Optional.empty();
        }
        String alertId = previous == null ? null : previous.alertId();
        Alert last = previous == null ? null : previous.last();
        boolean alert = liveAndBreaking && mayAlert && alertId == null;
        return Optional.of(new Step(new Entry(partition, revision, alertId, last), alert));
    }

    /** The article's state, if it has one. */
    Optional<Entry> current(String articleId) {
        return Optional.ofNullable(entries.get(articleId));
    }

    void record(String articleId, Entry entry) {
        entries.merge(articleId, entry, (old, next) -> next.revision() >= old.revision() ? next : old);
    }

    void forget(Collection<Integer> partitions) {
        entries.values().removeIf(e -> partitions.contains(e.partition()));
    }

    int size() {
        return entries.size();
    }
}
