package io.kabar.trending.counting;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The views one session has had counted recently (article and view time, in the order counted): all that the dedupe
 * and the session cap need to know about the session.
 */
final class SessionViews {

    private String[] articles = new String[2];
    private long[] times = new long[2];
    private int size;

    /** Whether a counted view of the article lies closer to {@code viewedAt} than {@code intervalMs}. */
    boolean counted(String articleId, long viewedAt, long intervalMs) {
        for (int i = 0; i < size; i++) {
            if (Math.abs(viewedAt - times[i]) < intervalMs && articles[i].equals(articleId)) {
                return true;
            }
        }
        return false;
    }

    /** How many counted views fall in the minute bucket. */
    int countedIn(long minute) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (Math.floorDiv(times[i], MinuteCounts.MINUTE_MS) == minute) {
                n++;
            }
        }
        return n;
    }

    void add(String articleId, long viewedAt) {
        if (size == times.length) {
            articles = Arrays.copyOf(articles, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        articles[size] = articleId;
        times[size] = viewedAt;
        size++;
    }

    /** Forgets the views at or before {@code oldest}; returns whether none is left. */
    boolean forgetUpTo(long oldest) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (times[i] > oldest) {
                articles[kept] = articles[i];
                times[kept] = times[i];
                kept++;
            }
        }
        Arrays.fill(articles, kept, size, null);
        size = kept;
        return size == 0;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeUTF(articles[i]);
            out.writeLong(times[i]);
        }
    }

    static SessionViews readFrom(DataInputStream in) throws IOException {
        SessionViews views = new SessionViews();
        for (int i = in.readInt(); i > 0; i--) {
            views.add(in.readUTF(), in.readLong());
        }
        return views;
    }
}
