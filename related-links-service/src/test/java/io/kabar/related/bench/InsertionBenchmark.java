package io.kabar.related.bench;

import io.kabar.related.ranking.RankingSettings;
import io.kabar.related.ranking.RelatedFinder;
import io.kabar.related.ranking.RelatedLink;
import io.kabar.related.ranking.Story;
import io.kabar.related.ranking.StoryIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The compute side of a publishing burst on one thread, without Kafka: {@code indexed} synthetic stories with their
 * lists, then {@code burst} more, each indexed one at a time (a searcher reopen per story, as the mirror makes) and
 * followed by the insertion checks its back-link refreshes ask for ({@code offer} of the new story to each of its
 * {@code listsToRefresh} neighbours) and its own list ({@code relatedTo}). Prints the CPU time per check, per own list
 * and per plan, and how many checks changed a list at which rank, so that changes to the ranking's per-list work can
 * be compared whatever else the machine runs. Arguments: {@code indexed burst}, default {@code 10000 1000}.
 */
public final class InsertionBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InsertionBenchmark() {}

    public static void main(String[] args) throws IOException {
        int indexed = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        SyntheticCorpus corpus = new SyntheticCorpus(new Random(42));
        try (StoryIndex index = new StoryIndex()) {
            List<Story> stories = new ArrayList<>();
            for (int i = 0; i < indexed + burst; i++) {
                stories.add(corpus.story(i));
            }
            stories.subList(0, indexed).forEach(index::upsert);
            RelatedFinder finder = new RelatedFinder(
                    index, RankingSettings.DEFAULTS, Clock.fixed(SyntheticCorpus.NOW, ZoneOffset.UTC));
            Map<String, List<RelatedLink>> lists = new HashMap<>();
            long listing = System.nanoTime();
            for (int i = 0; i < indexed; i++) {
                Story story = index.find(SyntheticCorpus.id(i)).orElseThrow();
                lists.put(story.id(), finder.relatedTo(story, RankingSettings.MAX_LIMIT));
            }
            System.out.printf("%,d lists computed in %.1f s%n", indexed, (System.nanoTime() - listing) / 1e9);

            long[] checks = new long[burst * RankingSettings.DEFAULTS.refreshFanout()];
            long[] own = new long[burst];
            long[] plans = new long[burst];
            int[] enteredAt = new int[RankingSettings.MAX_LIMIT];
            int[] changedByNeighbour = new int[RankingSettings.DEFAULTS.refreshFanout()];
            int count = 0;
            int changed = 0;
            for (int n = 0; n < burst; n++) {
                Story story = stories.get(indexed + n);
                index.upsert(story);
                long start = cpu();
                List<String> neighbours = finder.listsToRefresh(story, RankingSettings.DEFAULTS.refreshFanout());
                plans[n] = cpu() - start;
                start = cpu();
                lists.put(story.id(), finder.relatedTo(story, RankingSettings.MAX_LIMIT));
                own[n] = cpu() - start;
                for (int k = 0; k < neighbours.size(); k++) {
                    String neighbour = neighbours.get(k);
                    Story list = index.find(neighbour).orElseThrow();
                    List<RelatedLink> before = lists.get(neighbour);
                    start = cpu();
                    List<RelatedLink> after =
                            finder.offer(list, before, List.of(story.id()), RankingSettings.MAX_LIMIT);
                    checks[count++] = cpu() - start;
                    if (!after.equals(before)) {
                        changed++;
                        changedByNeighbour[k]++;
                        for (int rank = 0; rank < after.size(); rank++) {
                            if (after.get(rank).id().equals(story.id())) {
                                enteredAt[rank]++;
                            }
                        }
                        lists.put(neighbour, after);
                    }
                }
            }
            System.out.printf(
                    "burst of %,d: insertion check CPU %s (%,d checks, %.0f %% changed a list)%n",
                    burst, percentiles(Arrays.copyOf(checks, count)), count, 100.0 * changed / count);
            System.out.printf("  own list (relatedTo) CPU %s%n", percentiles(own));
            System.out.printf("  plan (listsToRefresh) CPU %s%n", percentiles(plans));
            System.out.printf(
                    "  lists changed by the neighbour's place among the new story's 20 (1..20): %s%n",
                    Arrays.toString(changedByNeighbour));
            System.out.printf("  rank at which a new neighbour entered (1..20): %s%n", Arrays.toString(enteredAt));
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format(
                "mean %.3f ms, p50 %.3f ms, p99 %.3f ms",
                mean / 1e6, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6);
    }
}
