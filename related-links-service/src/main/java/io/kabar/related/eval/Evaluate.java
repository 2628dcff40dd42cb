package io.kabar.related.eval;

import io.kabar.related.eval.LabelledCorpus.Article;
import io.kabar.related.ranking.RankingSettings;
import io.kabar.related.ranking.RankingSettings.Signals;
import io.kabar.related.ranking.RelatedFinder;
import io.kabar.related.ranking.RelatedLink;
import io.kabar.related.ranking.StoryIndex;
import io.kabar.related.ranking.TextAnalysis;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Offline evaluation: publishes every article of a labelled corpus, then reports precision@5 and
 * precision@10 of the related links (relevant = shares a topic label) next to trivial baselines, the previous
 * ranking and what each ranking signal adds.
 */
public final class Evaluate {

    private static final long SEED = 42;
    private static final int[] KS = {5, 10};

    private final List<Article> articles;
    private final Map<String, Set<String>> topics;

    private Evaluate(List<Article> articles) {
        this.articles = articles;
        this.topics = articles.stream().collect(Collectors.toMap(a -> a.story().id(), Article::topics));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Evaluate <labelled-corpus.csv>");
            System.exit(2);
        }
        Evaluate eval = new Evaluate(LabelledCorpus.read(Path.of(args[0])));
        System.out.printf(
                "%d articles; p@5 also per half of the articles (by id hash): tuning / held out%n%n%-52s %6s %6s %8s %8s%n",
                eval.articles.size(), "ranker", "p@5", "p@10", "tuning", "held-out");
        eval.report("baseline: random", eval.randomPicks(false));
        eval.report("baseline: same category", eval.randomPicks(true));
        // Precision of the ranking itself: every list filled to its limit (the minimum score is calibrated below).
        RankingSettings d = RankingSettings.DEFAULTS.withMinScore(0);
        for (TextAnalysis analysis : TextAnalysis.values()) {
            eval.report("ranker, " + analysis + ", defaults", eval.ranked(analysis, d));
        }
        Signals all = Signals.DEFAULTS;
        Signals title = new Signals(all.terms(), 0, all.titleWeight(), 0, all.proximityHalfLife());
        Signals proximity =
                new Signals(all.terms(), 0, title.titleWeight(), all.proximityWeight(), all.proximityHalfLife());
        RankingSettings allTerms = with(d, 1, d.signals());
        System.out.println("\nINFLECTIONAL, one change at a time (previous = lucene-like-query/1):");
        eval.report("previous ranking (no signals)", eval.ranked(TextAnalysis.DEFAULT, with(d, 1, Signals.NONE)));
        eval.report("+ headline similarity", eval.ranked(TextAnalysis.DEFAULT, with(d, 1, title)));
        eval.report("+ time proximity", eval.ranked(TextAnalysis.DEFAULT, with(d, 1, proximity)));
        eval.report("+ phrases", eval.ranked(TextAnalysis.DEFAULT, allTerms));
        eval.report(
                "+ terms in > " + Math.round(d.commonTermShare() * 100) + " % of stories left out (= defaults)",
                eval.ranked(TextAnalysis.DEFAULT, d));
        System.out.println("\nINFLECTIONAL, defaults with one change left out:");
        eval.report(
                "without headline similarity",
                eval.ranked(
                        TextAnalysis.DEFAULT,
                        d.withSignals(new Signals(
                                all.terms(), all.phraseBoost(), 0, all.proximityWeight(), all.proximityHalfLife()))));
        eval.report(
                "without time proximity",
                eval.ranked(
                        TextAnalysis.DEFAULT,
                        d.withSignals(new Signals(
                                all.terms(), all.phraseBoost(), all.titleWeight(), 0, all.proximityHalfLife()))));
        eval.report(
                "without phrases",
                eval.ranked(
                        TextAnalysis.DEFAULT,
                        d.withSignals(new Signals(
                                all.terms(), 0, all.titleWeight(), all.proximityWeight(), all.proximityHalfLife()))));
        eval.report("with common terms queried", eval.ranked(TextAnalysis.DEFAULT, allTerms));
        RankingSettings textOnly = d.toBuilder()
                .signals(Signals.NONE)
                .textWeight(1)
                .tagWeight(0)
                .categoryBonus(0)
                .recencyWeight(0)
                .build();
        eval.report("text only (no signals, category, recency)", eval.ranked(TextAnalysis.DEFAULT, textOnly));
        new MinScoreCalibration(eval.articles, eval.topics)
                .print(eval.scored(TextAnalysis.DEFAULT, d), RankingSettings.DEFAULTS.minScore());
    }

    /** The settings with another common-term share and other signals. */
    private static RankingSettings with(RankingSettings s, double commonTermShare, Signals signals) {
        return s.toBuilder().commonTermShare(commonTermShare).signals(signals).build();
    }

    /** Top-10 link ids per article id, produced by the real ranker over the whole corpus. */
    private Map<String, List<String>> ranked(TextAnalysis analysis, RankingSettings settings) throws IOException {
        return scored(analysis, settings).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().stream().map(RelatedLink::id).toList()));
    }

    /** Top-10 links with their scores per article id, produced by the real ranker over the whole corpus. */
    private Map<String, List<RelatedLink>> scored(TextAnalysis analysis, RankingSettings settings) throws IOException {
        Instant newest = articles.stream()
                .map(a -> a.story().publishedAt())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        try (StoryIndex index = new StoryIndex(analysis)) {
            articles.forEach(a -> index.upsert(a.story()));
            RelatedFinder finder = new RelatedFinder(index, settings, Clock.fixed(newest, ZoneOffset.UTC));
            return articles.stream()
                    .collect(
                            Collectors.toMap(a -> a.story().id(), a -> finder.relatedTo(a.story(), KS[KS.length - 1])));
        }
    }

    /**
     * Which half of the corpus an article's precision counts in: 0 for the half the signals' weights were chosen
     * on, 1 for the half held out (the corpus has no test split of its own). Every article is still indexed.
     */
    static int half(String id) {
        return (id.hashCode() & 0x7fffffff) % 2;
    }

    /** Seeded random picks among all other articles, or among those of the same category. */
    private Map<String, List<String>> randomPicks(boolean sameCategory) {
        Random random = new Random(SEED);
        return articles.stream().collect(Collectors.toMap(a -> a.story().id(), a -> {
            List<String> pool = new ArrayList<>(articles.stream()
                    .filter(o -> !o.story().id().equals(a.story().id()))
                    .filter(o -> !sameCategory
                            || o.story().category().equals(a.story().category()))
                    .map(o -> o.story().id())
                    .toList());
            Collections.shuffle(pool, random);
            return pool.subList(0, Math.min(KS[KS.length - 1], pool.size()));
        }));
    }

    private void report(String name, Map<String, List<String>> links) {
        StringBuilder row = new StringBuilder(String.format("%-52s", name));
        for (int k : KS) {
            row.append(String.format(" %6.3f", precisionAt(k, links, a -> true)));
        }
        row.append(String.format(
                " %8.3f", precisionAt(5, links, a -> half(a.story().id()) == 0)));
        row.append(String.format(
                " %8.3f", precisionAt(5, links, a -> half(a.story().id()) == 1)));
        System.out.println(row);
    }

    /**
     * Mean over the chosen articles of (relevant links among the first k) / k; missing links count as misses.
     */
    private double precisionAt(int k, Map<String, List<String>> links, Predicate<Article> chosen) {
        return articles.stream()
                .filter(chosen)
                .mapToDouble(a -> {
                    List<String> top = links.get(a.story().id());
                    long relevant = top.subList(0, Math.min(k, top.size())).stream()
                            .filter(id -> !Collections.disjoint(topics.get(id), a.topics()))
                            .count();
                    return (double) relevant / k;
                })
                .average()
                .orElse(0);
    }
}
