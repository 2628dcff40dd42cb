package io.kabar.related.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The insertion check of a back-link refresh ({@link RelatedFinder#offer}): new neighbours scored against a story
 * whose list is kept with its scores, and the list chosen again from its links and them, without a search of the
 * whole index.
 */
final class InsertionCheck {

    private final StoryIndex index;
    private final TextMatches matches;
    private final Rescoring rescoring;

    InsertionCheck(StoryIndex index, TextMatches matches, Rescoring rescoring) {
        this.index = index;
        this.matches = matches;
        this.rescoring = rescoring;
    }

    /** See {@link RelatedFinder#offer}. */
    List<RelatedLink> offer(Story story, List<RelatedLink> ranked, Collection<String> candidates, int limit) {
        RankingSettings.requireLimit(limit);
        IndexedStory source = matches.sourceOf(story);
        Set<String> offered = new HashSet<>(candidates);
        offered.add(story.id()); // its own match is the text term's yardstick, as in a full ranking
        List<Candidate> scored = index.search(searcher -> {
            // Only the offered stories are scored, each where the search would score it, without a search.
            Map<String, Float> text = DocumentScores.of(searcher, matches.queryFor(searcher, story), offered);
            List<Candidate> hits = new ArrayList<>();
            text.forEach((id, score) -> {
                IndexedStory found = index.indexed(id);
                // A story removed after this snapshot was taken is skipped rather than linked.
                if (found != null) {
                    hits.add(new Candidate(found, score));
                }
            });
            return rescoring.rescored(source, hits);
        });
        Map<String, RelatedLink> pool = new LinkedHashMap<>();
        ranked.forEach(link -> pool.put(link.id(), link));
        scored.forEach(c -> pool.put(c.story().id(), c.link()));
        List<RelatedLink> ordered = new ArrayList<>(pool.values());
        ordered.sort(Comparator.comparingDouble(RelatedLink::score).reversed().thenComparing(RelatedLink::id));
        return rescoring.withoutNearDuplicates(ordered, limit);
    }
}
