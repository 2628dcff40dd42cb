package io.kabar.e2e;

import static org.awaitility.Awaitility.await;

import io.kabar.schemas.RelatedLinks;
import io.kabar.schemas.TrendingRanking;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * (b) SIGKILLs related-links-service and trending-service in the middle of their work, starts them again and counts
 * the outputs that never came and those that came twice (notification-service: {@link WebhookKillScenario}).
 */
final class ConsumerKillScenarios {

    static final int RELATED_ARTICLES = 40;
    static final int TRENDING_ARTICLES = 10;
    /** Reader addresses per article; each sends at most the per-address cap of new sessions (20). */
    static final int READER_ADDRESSES = 10;

    static final int SESSIONS_PER_ADDRESS = 20;

    /**
     * What one kill measured: outputs expected, present when the service died, never produced, produced twice; the
     * time from the kill until the restarted service was ready and until every output was there (null: never).
     */
    record Outcome(long expected, long atKill, long lost, long duplicates, Duration ready, Duration complete) {}

    private ConsumerKillScenarios() {}

    /** Related lists: every published article gets one; a recomputed list identical to the last one is a duplicate. */
    static Outcome relatedLinks(FaultStack stack) throws Exception {
        String category = "Baca-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RELATED_ARTICLES; i++) {
            ids.add(stack.publish(
                    "Banjir rob genangi pesisir utara Jakarta hari ke-" + i + " " + category, category, false));
        }
        await("a first list of the batch")
                .atMost(Settle.GENEROUS)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> listed(stack.http(FaultStack.RELATED), ids.getFirst()));
        Instant killed = Instant.now();
        stack.kill(FaultStack.RELATED);
        long atKill = listsOf(stack, ids).keySet().size();

        stack.restart(FaultStack.RELATED);
        Instant ready = Instant.now();
        Http related = stack.http(FaultStack.RELATED);
        Instant complete =
                Settle.until("every article listed", () -> ids.stream().allMatch(id -> listed(related, id)));
        long lost = ids.stream().filter(id -> !listed(related, id)).count();

        long duplicates = 0;
        for (List<RelatedLinks> lists : listsOf(stack, ids).values()) {
            for (int i = 1; i < lists.size(); i++) {
                RelatedLinks before = lists.get(i - 1);
                RelatedLinks after = lists.get(i);
                if (before.getSourceRevision() == after.getSourceRevision()
                        && before.getLinks().equals(after.getLinks())) {
                    duplicates++;
                }
            }
        }
        return outcome(ids.size(), atKill, lost, duplicates, killed, ready, complete);
    }

    /** Rankings: every acknowledged view counted exactly once (exactly_once_v2 and the per-session dedupe). */
    static Outcome trending(FaultStack stack) throws Exception {
        String category = "Populer-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TRENDING_ARTICLES; i++) {
            ids.add(stack.publish("Harga cabai naik menjelang Lebaran, pekan ke-" + i, category, false));
        }
        Http views = stack.http(FaultStack.TRENDING);
        long acknowledged = 0;
        for (int address = 0; address < READER_ADDRESSES; address++) {
            List<Map<String, String>> batch = new ArrayList<>();
            for (String id : ids) {
                for (int session = 0; session < SESSIONS_PER_ADDRESS; session++) {
                    batch.add(Map.of("articleId", id, "sessionId", "pembaca-" + address + "-" + session));
                }
            }
            String reader = "203.0.113." + (address + 1);
            Http.Answer answer = views.post("/api/page-views", batch, h -> h.set("X-Forwarded-For", reader));
            if (answer.status().value() == 202) {
                acknowledged += ((Number) answer.get("accepted")).longValue();
            }
        }
        await("the first views counted")
                .atMost(Settle.GENEROUS)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !ranked(views, category).isEmpty());
        Instant killed = Instant.now();
        stack.kill(FaultStack.TRENDING);
        long atKill = countedInLog(stack, category);

        stack.restart(FaultStack.TRENDING);
        Instant ready = Instant.now();
        Http trending = stack.http(FaultStack.TRENDING);
        long expected = acknowledged;
        Callable<Long> counted = () -> ranked(trending, category).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        Instant complete = Settle.until("every view counted", () -> counted.call() >= expected);
        Map<String, Long> perArticle = ranked(trending, category);
        long lost = 0;
        long duplicates = 0;
        for (String id : ids) {
            long views1h = perArticle.getOrDefault(id, 0L);
            long sent = (long) READER_ADDRESSES * SESSIONS_PER_ADDRESS;
            lost += Math.max(0, sent - views1h);
            duplicates += Math.max(0, views1h - sent);
        }
        return outcome(expected, atKill, lost, duplicates, killed, ready, complete);
    }

    private static Outcome outcome(
            long expected, long atKill, long lost, long duplicates, Instant killed, Instant ready, Instant complete) {
        return new Outcome(
                expected,
                atKill,
                lost,
                duplicates,
                Duration.between(killed, ready),
                complete == null ? null : Duration.between(killed, complete));
    }

    private static boolean listed(Http related, String id) {
        return related.get("/api/articles/" + id + "/related").status().value() == 200;
    }

    /** The lists written for each of the ids, oldest first (tombstones and undecodable records left out). */
    private static Map<String, List<RelatedLinks>> listsOf(FaultStack stack, List<String> ids) {
        Map<String, List<RelatedLinks>> lists = new HashMap<>();
        for (ConsumerRecord<String, RelatedLinks> record : stack.read(Topics.RELATED_LINKS)) {
            if (record.value() != null && ids.contains(record.key())) {
                lists.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
            }
        }
        return lists;
    }

    /** The views of the category's last-hour ranking, as the API answers them. */
    private static Map<String, Long> ranked(Http trending, String category) {
        Map<String, Long> views = new HashMap<>();
        Http.Answer answer = trending.get("/api/trending?window=1h&limit=50&category=" + category);
        for (Map<String, Object> article : answer.list("articles")) {
            views.put((String) article.get("articleId"), ((Number) article.get("views")).longValue());
        }
        return views;
    }

    /** The views of the category's last-hour ranking as last published on news.trending before the kill. */
    private static long countedInLog(FaultStack stack, String category) {
        TrendingRanking last = null;
        for (ConsumerRecord<String, TrendingRanking> record : stack.read(Topics.TRENDING)) {
            TrendingRanking ranking = record.value();
            if (ranking != null
                    && "1h".equals(ranking.getWindow())
                    && Objects.equals(category, ranking.getCategory())) {
                last = ranking;
            }
        }
        return last == null
                ? 0
                : last.getArticles().stream().mapToLong(a -> a.getViews()).sum();
    }
}
