package io.kabar.related.lists;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every list currently on {@code news.related-links}, by the article it belongs to, and the reverse: which lists
 * show a given article, so that a change of that article can refresh them.
 */
public final class PublishedLists {

    private final Map<String, LinkList> lists = new ConcurrentHashMap<>();
    // Linked article id -> ids of the lists showing it; written under this object's lock only.
    private final Map<String, Set<String>> shownIn = new ConcurrentHashMap<>();

    public Optional<LinkList> find(String articleId) {
        return Optional.ofNullable(lists.get(articleId));
    }

    /** Ids of the articles whose current list links to {@code articleId}. */
    public synchronized Set<String> listsShowing(String articleId) {
        return Set.copyOf(shownIn.getOrDefault(articleId, Set.of()));
    }

    public int size() {
        return lists.size();
    }

    synchronized void put(LinkList list) {
        remove(list.articleId());
        lists.put(list.articleId(), list);
        list.links()
                .forEach(link -> shownIn.computeIfAbsent(link.id(), id -> new HashSet<>())
                        .add(list.articleId()));
    }

    synchronized void remove(String articleId) {
        LinkList old = lists.remove(articleId);
        if (old == null) {
            return;
        }
        for (var link : old.links()) {
            Set<String> showing = shownIn.get(link.id());
            if (showing != null && showing.remove(articleId) && showing.isEmpty()) {
                shownIn.remove(link.id());
            }
        }
    }
}
