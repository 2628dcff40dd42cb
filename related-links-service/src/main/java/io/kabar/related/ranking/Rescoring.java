package io.kabar.related.ranking;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scores a source's text matches with every signal of the ranking ({@link RelatedFinder}'s formula) and chooses a
 * list from scored links, best first, without near-duplicate headlines.
 */
final class Rescoring {

    private final StoryIndex index;
    private final RankingSettings settings;
    private final Clock clock;

    Rescoring(StoryIndex index, RankingSettings settings, Clock clock) {
        this.index = index;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Text matches scored for the source: the story itself, near-duplicates of its headline and candidates below the
     * minimum score left out, in no particular order.
     */
    List<Candidate> rescored(IndexedStory source, List<Candidate> hits) {
        // Normalise by the best match, which is the story itself when indexed, so the text term is an absolute
        // similarity in [0, 1] rather than a raw BM25 score that varies with query length.
        double best = hits.stream().mapToDouble(Candidate::score).max().orElse(1);
        TitleSimilarity titles = new TitleSimilarity(source.titleTerms());
        String id = source.story().id();
        return hits.stream()
                .filter(c -> !c.story().id().equals(id))
                .filter(c -> !isNearDuplicate(source.titleTokens(), c.indexed().titleTokens()))
                .map(c -> new Candidate(c.indexed(), score(source, c, best, titles)))
                .filter(c -> c.score() >= settings.minScore())
                .toList();
    }

    /** The first {@code limit} links, best first, skipping any whose headline nearly repeats a link kept before it. */
    List<RelatedLink> withoutNearDuplicates(List<RelatedLink> ranked, int limit) {
        List<RelatedLink> links = new ArrayList<>(limit);
        List<Set<String>> chosenTitles = new ArrayList<>(limit);
        for (RelatedLink link : ranked) {
            IndexedStory indexed = index.indexed(link.id());
            // Precomputed for an indexed story; a link kept from an earlier list may name one since removed.
            Set<String> title = indexed != null ? indexed.titleTokens() : Overlap.titleTokens(link.title());
            if (chosenTitles.stream().anyMatch(t -> isNearDuplicate(t, title))) {
                continue;
            }
            chosenTitles.add(title);
            links.add(link);
            if (links.size() == limit) {
                break;
            }
        }
        return links;
    }

    boolean isNearDuplicate(Set<String> a, Set<String> b) {
        return Overlap.jaccard(a, b) >= settings.nearDuplicateJaccard();
    }

    private double score(IndexedStory indexedSource, Candidate candidate, double best, TitleSimilarity titles) {
        Story source = indexedSource.story();
        Story story = candidate.story();
        double text = candidate.score() / best;
        double tags = Overlap.jaccard(indexedSource.tags(), candidate.indexed().tags());
        boolean sameCategory = !source.category().isBlank() && source.category().equalsIgnoreCase(story.category());
        return settings.textWeight() * text
                + settings.tagWeight() * tags
                + (sameCategory ? settings.categoryBonus() : 0)
                + settings.recencyWeight() * freshness(story)
                + signalScore(source, candidate.indexed(), titles);
    }

    private double signalScore(Story source, IndexedStory candidate, TitleSimilarity titles) {
        RankingSettings.Signals signals = settings.signals();
        double score = 0;
        if (signals.titleWeight() > 0) {
            score += signals.titleWeight() * titles.to(candidate.titleTerms());
        }
        if (signals.proximityWeight() > 0) {
            score += signals.proximityWeight() * proximity(source, candidate.story());
        }
        return score;
    }

    /** 1 for stories published at the same moment, halving every proximity half-life apart, either way. */
    private double proximity(Story source, Story candidate) {
        Duration apart =
                Duration.between(source.publishedAt(), candidate.publishedAt()).abs();
        return Math.pow(
                0.5,
                (double) apart.toSeconds()
                        / settings.signals().proximityHalfLife().toSeconds());
    }

    /** 1 for a story published now (or later), halving every half-life of age; ties go to the newer. */
    private double freshness(Story story) {
        Duration age = Duration.between(story.publishedAt(), clock.instant());
        if (age.isNegative()) {
            return 1;
        }
        return Math.pow(
                0.5, (double) age.toSeconds() / settings.recencyHalfLife().toSeconds());
    }
}
