package io.kabar.notification.matching;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the matcher remembers per article of the partitions it owns: the newest revision seen and the alert created,
 * restored from {@code news.alerted-articles} when a partition is assigned and updated only after a commit.
 */
final class AlertLedger {

    /** The state of one article; {@code alertId} is null until the article alerted. */
    record Entry(int partition, long revision, String alertId) {}

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
        boolean alert = liveAndBreaking && mayAlert && alertId == null;
        return Optional.of(new Step(new Entry(partition, revision, alertId), alert));
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
