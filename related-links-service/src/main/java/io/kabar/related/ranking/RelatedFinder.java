package io.kabar.related.ranking;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ranks the "Baca Juga" links of a story: text-similar candidates from the index, re-ranked by
 * {@code textWeight*text + tagWeight*tagJaccard + categoryBonus*sameCategory + recencyWeight*fresh
 * + titleWeight*headlineSimilarity + proximityWeight*closeInTime} ({@link Rescoring}).
 *
 * <p>Stateless apart from the index it reads, so one instance can serve any number of threads.
 */
public final class RelatedFinder {

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
            .reversed()
            .thenComparing(c -> c.story().publishedAt(), Comparator.reverseOrder())
            .thenComparing(c -> c.story().id());

    private final StoryIndex index;
    private final RankingSettings settings;
    private final TextMatches matches;
    private final Rescoring rescoring;
    private final InsertionCheck insertion;

    public RelatedFinder(StoryIndex index, RankingSettings settings, Clock clock) {
        this.index = Objects.requireNonNull(index, "index");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.matches = new TextMatches(index, settings);
        this.rescoring = new Rescoring(index, settings, Objects.requireNonNull(clock, "clock"));
        this.insertion = new InsertionCheck(index, matches, rescoring);
    }

    /** Links for an indexed story, {@link RankingSettings#defaultLimit()} of them; empty if unknown. */
    public List<RelatedLink> relatedTo(String id) {
        return index.find(id).map(s -> relatedTo(s, settings.defaultLimit())).orElse(List.of());
    }

    /**
     * Links for a story, indexed or not, best first; never the story itself nor a story whose
     * headline nearly repeats the story's or an already chosen link's.
     *
     * @param limit 1..{@link RankingSettings#MAX_LIMIT}
     */
    public List<RelatedLink> relatedTo(Story story, int limit) {
        RankingSettings.requireLimit(limit);
        IndexedStory source = matches.sourceOf(story);
        List<Candidate> ranked = index.search(searcher -> {
            List<Candidate> hits = matches.of(searcher, story, settings.candidatePool() + 1);
            return rescoring.rescored(source, hits).stream().sorted(BEST_FIRST).toList();
        });
        return rescoring.withoutNearDuplicates(
                ranked.stream().map(Candidate::link).toList(), limit);
    }

    /**
     * {@code ranked}, a list this finder gave for {@code story} earlier (best first, scores kept), with the given
     * candidates offered to it: each is scored against the story as {@link #relatedTo(Story, int)} would score it
     * now, but without searching the index for other candidates, and the list is chosen again from its links and
     * these candidates alone (best first, near-duplicate headlines skipped, at most {@code limit}). What a full
     * ranking would give differs in that the links already there keep the scores they were given then (idf and
     * freshness have moved since), and a story that fell off the end earlier is not reconsidered.
     *
     * @param candidates ids of indexed stories; unknown ones, the story itself and near-duplicates of its headline
     *     are left out
     */
    public List<RelatedLink> offer(Story story, List<RelatedLink> ranked, Collection<String> candidates, int limit) {
        return insertion.offer(story, ranked, candidates, limit);
    }

    /**
     * Ids of the stories whose lists should be recomputed because this story appeared, changed or is
     * about to be removed: its {@link RankingSettings#refreshFanout()} most text-similar stories.
     * Similarity is symmetric enough that these are the lists the story can enter or leave.
     */
    public List<String> listsToRefresh(Story story) {
        return listsToRefresh(story, settings.refreshFanout());
    }

    public List<String> listsToRefresh(Story story, int count) {
        Set<String> sourceTitle = matches.sourceOf(story).titleTokens();
        return index.search(searcher -> matches.of(searcher, story, count + settings.candidatePool())).stream()
                .filter(c -> !c.story().id().equals(story.id()))
                .filter(c -> !rescoring.isNearDuplicate(sourceTitle, c.indexed().titleTokens()))
                .limit(count)
                .map(c -> c.story().id())
                .toList();
    }
}
