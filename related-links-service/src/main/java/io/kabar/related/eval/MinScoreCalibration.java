package io.kabar.related.eval;

import io.kabar.related.eval.LabelledCorpus.Article;
import io.kabar.related.ranking.RelatedLink;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints what a minimum score does to the first five links of every list: their precision, how many lists come out
 * shorter or empty, and how often the links it removes were relevant, for a range of minimums.
 */
final class MinScoreCalibration {

    private static final int SHOWN = 5;
    private static final double[] MINIMUMS = {0, 0.1, 0.15, 0.2, 0.225, 0.25, 0.275, 0.3, 0.35, 0.4, 0.5};

    private final List<Article> articles;
    private final Map<String, Set<String>> topics;

    MinScoreCalibration(List<Article> articles, Map<String, Set<String>> topics) {
        this.articles = articles;
        this.topics = topics;
    }

    /** One row per minimum, for lists ranked with no minimum ({@code scored}); marks the one in use. */
    void print(Map<String, List<RelatedLink>> scored, double inUse) {
        System.out.printf(
                "%nMinimum score, first %d links (precision = relevant shown / shown; p@5 counts a missing link as a"
                        + " miss):%n%-10s %9s %6s %8s %7s %9s%n",
                SHOWN, "minimum", "precision", "p@5", "shorter", "empty", "removed");
        for (double minimum : MINIMUMS) {
            long shown = 0;
            long relevantShown = 0;
            long removed = 0;
            long relevantRemoved = 0;
            int shorter = 0;
            int empty = 0;
            for (Article article : articles) {
                List<RelatedLink> top = scored.get(article.story().id());
                top = top.subList(0, Math.min(SHOWN, top.size()));
                int kept = 0;
                for (RelatedLink link : top) {
                    boolean relevant = !Collections.disjoint(topics.get(link.id()), article.topics());
                    if (link.score() >= minimum) {
                        kept++;
                        relevantShown += relevant ? 1 : 0;
                    } else {
                        removed++;
                        relevantRemoved += relevant ? 1 : 0;
                    }
                }
                shown += kept;
                shorter += kept < SHOWN ? 1 : 0;
                empty += kept == 0 ? 1 : 0;
            }
            System.out.printf(
                    "%-10s %9.3f %6.3f %7.1f%% %6.1f%% %9s%n",
                    minimum + (minimum == inUse ? " *" : ""),
                    shown == 0 ? 0 : (double) relevantShown / shown,
                    (double) relevantShown / (SHOWN * articles.size()),
                    100.0 * shorter / articles.size(),
                    100.0 * empty / articles.size(),
                    removed == 0
                            ? "-"
                            : String.format("%d, %.0f%% relevant", removed, 100.0 * relevantRemoved / removed));
        }
    }
}
