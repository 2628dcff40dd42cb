package io.kabar.related.index;

import io.kabar.related.ranking.Story;
import io.kabar.related.ranking.StoryIndex;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published articles this instance has read from {@code news.articles} with the newsroom's controls over their
 * related links, and how far it has read each one, so that a listener can wait until the index reflects the revision
 * a record was about.
 */
public final class IndexedArticles {

    /** The revision recorded for an article deleted by a tombstone: no later revision of it can exist. */
    public static final long DELETED = Long.MAX_VALUE;

    private final StoryIndex index;
    // Guarded by this; includes unpublished articles, whose revisions the index itself no longer knows.
    private final Map<String, Long> revisions = new HashMap<>();
    // Published articles only; written under this object's lock.
    private final Map<String, EditorialControls> controls = new ConcurrentHashMap<>();
    // Story package name -> ids of its published members; written under this object's lock.
    private final Map<String, Set<String>> packages = new ConcurrentHashMap<>();
    // Changes applied so far; guarded by this.
    private long generation;

    public IndexedArticles(StoryIndex index) {
        this.index = index;
    }

    /** Indexes a published revision; an older revision than the one held changes nothing. */
    public void published(Story story, EditorialControls editorial) {
        if (index.upsert(story)) {
            setControls(story.id(), editorial);
        }
        advance(story.id(), story.revision());
    }

    public void unpublished(String id, long revision) {
        index.remove(id);
        setControls(id, null);
        advance(id, revision);
    }

    public Optional<Story> find(String id) {
        return index.find(id);
    }

    /** The controls of a published article; {@link EditorialControls#NONE} for one this instance does not hold. */
    public EditorialControls controls(String id) {
        return controls.getOrDefault(id, EditorialControls.NONE);
    }

    /** The published members of a story package, newest first (ties by id). */
    public List<Story> packageMembers(String storyPackage) {
        return packages.getOrDefault(storyPackage, Set.of()).stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Story::publishedAt).reversed().thenComparing(Story::id))
                .toList();
    }

    public int size() {
        return index.size();
    }

    /**
     * How many changes this instance has applied: a list computed after reading generation {@code g} reflects at
     * least every change up to {@code g}.
     */
    public synchronized long generation() {
        return generation;
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

    private synchronized void setControls(String id, EditorialControls editorial) {
        EditorialControls old = editorial == null ? controls.remove(id) : controls.put(id, editorial);
        if (old != null && old.storyPackage() != null) {
            packages.computeIfPresent(old.storyPackage(), (name, members) -> {
                members.remove(id);
                return members.isEmpty() ? null : members;
            });
        }
        if (editorial != null && editorial.storyPackage() != null) {
            packages.computeIfAbsent(editorial.storyPackage(), name -> ConcurrentHashMap.newKeySet())
                    .add(id);
        }
    }

    private synchronized void advance(String id, long revision) {
        revisions.merge(id, revision, Math::max);
        generation++;
        notifyAll();
    }
}
