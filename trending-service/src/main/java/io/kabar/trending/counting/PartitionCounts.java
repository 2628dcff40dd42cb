package io.kabar.trending.counting;

import io.kabar.trending.ranking.TrendingSettings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counting rules of one partition of {@code news.page-views}, applied to its views in offset order: drop a view
 * more than the grace behind the partition's stream time, cap the sessions one client address adds to an article in
 * a minute, count a session's view of an article once per dedupe interval and at most the session cap of its views a
 * minute, and add the rest to their article's minute (see the README's Semantics).
 *
 * <p>Its state is a fold of the partition's recent views, kept in memory and expired by the partition's stream time:
 * the counted views of each session within the dedupe interval and grace of it, and the sessions of each client
 * address and article in the minutes a view may still arrive in.
 */
public final class PartitionCounts {

    private final long graceMs;
    private final long intervalMs;
    private final int clientCap;
    private final int sessionCap;
    private final Map<String, SessionViews> sessions = new HashMap<>();
    private final Map<Long, Map<String, List<String>>> clientSessions = new HashMap<>();
    private final MinuteCounts increments = new MinuteCounts();
    private long streamTime = Long.MIN_VALUE;
    private long sweptMinute = Long.MIN_VALUE;

    /** Where increments are handed on to: one call per active article and minute. */
    @FunctionalInterface
    public interface Sink {
        void accept(String articleId, long minute, long views, long latestViewedAt);
    }

    public PartitionCounts(TrendingSettings settings) {
        this.graceMs = settings.grace().toMillis();
        this.intervalMs = settings.dedupeInterval().toMillis();
        this.clientCap = settings.clientSessionsPerMinute();
        this.sessionCap = settings.sessionArticlesPerMinute();
    }

    /** Applies the rules to the next view of the partition; a counted view is added to the increments. */
    public boolean count(String articleId, String sessionId, String client, long viewedAt) {
        boolean counted = apply(articleId, sessionId, client, viewedAt);
        if (counted) {
            increments.add(articleId, viewedAt);
        }
        return counted;
    }

    /** Applies the rules to a view counted before (a rebuild): the state follows, no increment is made. */
    void replay(String articleId, String sessionId, String client, long viewedAt) {
        apply(articleId, sessionId, client, viewedAt);
    }

    /** Hands the increments counted since the last call on, one per active article and minute. */
    public void drainTo(Sink sink) {
        increments.drainTo(sink);
    }

    /** The latest view time seen, or {@link Long#MIN_VALUE} before any. */
    long streamTime() {
        return streamTime;
    }

    private boolean apply(String articleId, String sessionId, String client, long viewedAt) {
        streamTime = Math.max(streamTime, viewedAt);
        // Too late a view is dropped first, so that the state only needs to reach a grace behind stream time.
        if (viewedAt < streamTime - graceMs) {
            return false;
        }
        expire();
        long minute = Math.floorDiv(viewedAt, MinuteCounts.MINUTE_MS);
        if (client != null && !admittedByClientCap(articleId, sessionId, client, minute)) {
            return false;
        }
        SessionViews views = sessions.get(sessionId);
        if (views == null) {
            views = new SessionViews();
            sessions.put(sessionId, views);
        } else if (views.counted(articleId, viewedAt, intervalMs) || views.countedIn(minute) >= sessionCap) {
            return false;
        }
        views.add(articleId, viewedAt);
        return true;
    }

    /**
     * Whether the session is one of the first {@code clientCap} of its address to view the article in the minute; a
     * session already among them passes without taking another place (a reader reloading).
     */
    private boolean admittedByClientCap(String articleId, String sessionId, String client, long minute) {
        List<String> seen = clientSessions
                .computeIfAbsent(minute, m -> new HashMap<>())
                .computeIfAbsent(articleId + "|" + client, k -> new ArrayList<>(2));
        if (seen.contains(sessionId)) {
            return true;
        }
        if (seen.size() >= clientCap) {
            return false;
        }
        seen.add(sessionId);
        return true;
    }

    /**
     * Once per minute of stream time, forgets what no view that can still arrive (at most the grace behind stream time)
     * can meet: client minutes that ended a grace ago, counted views a dedupe interval and a grace ago. The cost is
     * spread over the minute's views.
     */
    private void expire() {
        long now = Math.floorDiv(streamTime, MinuteCounts.MINUTE_MS);
        if (now == sweptMinute) {
            return;
        }
        sweptMinute = now;
        long oldestView = streamTime - graceMs;
        clientSessions.keySet().removeIf(minute -> (minute + 1) * MinuteCounts.MINUTE_MS <= oldestView);
        sessions.values().removeIf(views -> views.forgetUpTo(oldestView - intervalMs));
    }

    /** Writes the state (not the increments, which are handed on before a snapshot is taken). */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeLong(streamTime);
        out.writeInt(sessions.size());
        for (var session : sessions.entrySet()) {
            out.writeUTF(session.getKey());
            session.getValue().writeTo(out);
        }
        out.writeInt(clientSessions.size());
        for (var minute : clientSessions.entrySet()) {
            out.writeLong(minute.getKey());
            out.writeInt(minute.getValue().size());
            for (var entry : minute.getValue().entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().size());
                for (String session : entry.getValue()) {
                    out.writeUTF(session);
                }
            }
        }
    }

    /** Replaces the state by what {@link #writeTo} wrote. */
    void readFrom(DataInputStream in) throws IOException {
        sessions.clear();
        clientSessions.clear();
        increments.clear();
        streamTime = in.readLong();
        sweptMinute = Long.MIN_VALUE;
        for (int i = in.readInt(); i > 0; i--) {
            sessions.put(in.readUTF(), SessionViews.readFrom(in));
        }
        for (int i = in.readInt(); i > 0; i--) {
            Map<String, List<String>> keys = new HashMap<>();
            clientSessions.put(in.readLong(), keys);
            for (int j = in.readInt(); j > 0; j--) {
                String key = in.readUTF();
                List<String> ids = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    ids.add(in.readUTF());
                }
                keys.put(key, ids);
            }
        }
    }
}
