package io.kabar.related.index;

import io.kabar.related.ranking.Story;
import io.kabar.related.ranking.StoryIndex;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The published articles this instance has read from {@code news.articles}, and how far it has read each one, so
 * that a listener can wait until the index reflects the revision a record was about.
 */
public final class IndexedArticles {

    /** The revision recorded for an article deleted by a tombstone: no later revision of it can exist. */
    public static final long DELETED = Long.MAX_VALUE;

    private final StoryIndex index;
    // Guarded by this; includes unpublished articles, whose revisions the index itself no longer knows.
    private final Map<String, Long> revisions = new HashMap<>();

    IndexedArticles(StoryIndex index) {
        this.index = index;
    }

    void published(Story story) {
        index.upsert(story);
        advance(story.id(), story.revision());
    }

    void unpublished(String id, long revision) {
        index.remove(id);
        advance(id, revision);
    }

    public Optional<Story> find(String id) {
        return index.find(id);
    }

    public int size() {
        return index.size();
    }

    /**
     * Waits until the index has applied the given revision of the article (or a later one).
     *
     * @return false if it had not within {@code timeout}
     */
    public synchronized boolean awaitRevision(String id, long revision, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (revisions.getOrDefault(id, -1L) < revision) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void advance(String id, long revision) {
        revisions.merge(id, revision, Math::max);
        notifyAll();
    }
}
