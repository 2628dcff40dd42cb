package io.kabar.site.lists;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lists as the site's mirrors of {@code news.related-links} and {@code news.trending} last read them: a page reads
 * a map in memory and never waits for another service, and a list changes here as soon as its writer publishes it.
 */
final class MirroredLists implements Lists {

    /** Ids kept per list: more than a page shows, so that a withdrawn entry still leaves enough to show. */
    static final int KEPT = 10;

    private final Map<String, List<String>> related = new ConcurrentHashMap<>();
    /** Ranking ids by window and category, and which of those each record key of the topic holds. */
    private final Map<String, List<String>> rankings = new ConcurrentHashMap<>();

    private final Map<String, String> rankingOfRecord = new ConcurrentHashMap<>();

    @Override
    public List<String> related(String articleId) {
        return related.getOrDefault(articleId, List.of());
    }

    @Override
    public List<String> ranking(String window, String category) {
        return rankings.getOrDefault(rankingKey(window, category), List.of());
    }

    /** An article's new list, or none ({@code ids} null) after its tombstone. */
    void relatedChanged(String articleId, List<String> ids) {
        if (ids == null) {
            related.remove(articleId);
        } else {
            related.put(articleId, kept(ids));
        }
    }

    /** A ranking published under a record key of {@code news.trending}, or its tombstone ({@code ids} null). */
    void rankingChanged(String recordKey, String window, String category, List<String> ids) {
        if (ids == null) {
            String gone = rankingOfRecord.remove(recordKey);
            if (gone != null) {
                rankings.remove(gone);
            }
            return;
        }
        String key = rankingKey(window, category);
        rankingOfRecord.put(recordKey, key);
        rankings.put(key, kept(ids));
    }

    private static List<String> kept(List<String> ids) {
        return List.copyOf(ids.size() > KEPT ? ids.subList(0, KEPT) : ids);
    }

    private static String rankingKey(String window, String category) {
        return category == null ? window : window + "\u0000" + category;
    }
}
