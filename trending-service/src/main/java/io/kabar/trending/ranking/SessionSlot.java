package io.kabar.trending.ranking;

import java.util.ArrayList;
import java.util.List;

/**
 * The views one session has had counted within one slot of time (two dedupe intervals): the whole of what the dedupe and the
 * session cap need to know about the session there, so each counted view writes one store record.
 *
 * @param views in the order they were counted
 */
record SessionSlot(List<Viewed> views) {

    static final SessionSlot EMPTY = new SessionSlot(List.of());

    /** A counted view: which article, and the view's own time. */
    record Viewed(String articleId, long viewedAt) {}

    SessionSlot {
        views = List.copyOf(views);
    }

    /** Whether this slot holds a counted view of the article closer to {@code viewedAt} than {@code intervalMs}. */
    boolean counted(String articleId, long viewedAt, long intervalMs) {
        for (Viewed view : views) {
            if (view.articleId().equals(articleId) && Math.abs(viewedAt - view.viewedAt()) < intervalMs) {
                return true;
            }
        }
        return false;
    }

    /** How many of the counted views fall in the minute bucket. */
    int countedIn(long bucket) {
        int n = 0;
        for (Viewed view : views) {
            if (Buckets.of(view.viewedAt()) == bucket) {
                n++;
            }
        }
        return n;
    }

    SessionSlot with(Viewed view) {
        List<Viewed> more = new ArrayList<>(views.size() + 1);
        more.addAll(views);
        more.add(view);
        return new SessionSlot(more);
    }
}
