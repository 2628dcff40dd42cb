package io.kabar.related.ranking;

import static io.kabar.related.ranking.NewsFixtures.ALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;

/** {@link DocumentScores}: the scores a search gives, to the last bit, without a search. */
class DocumentScoresTest {

    private static final List<String> IDS = ALL.stream().map(Story::id).toList();

    @Test
    void everyStoryScoresExactlyAsTheSearchScoresItInASnapshotOfManySegmentsWithReplacedStories() throws IOException {
        try (StoryIndex index = new StoryIndex()) {
            for (int round = 0; round < 2; round++) {
                for (Story story : ALL) {
                    // One segment per write, and from the second round on a replaced (deleted) document per story.
                    index.upsert(story);
                    index.search(searcher -> {
                        for (Story source : ALL) {
                            if (index.find(source.id()).isPresent()) {
                                Query query = LikeQuery.build(
                                        source,
                                        index.analyzer(),
                                        index.termLookup(searcher),
                                        RankingSettings.DEFAULTS,
                                        true);
                                assertThat(DocumentScores.of(searcher, query, IDS))
                                        .as(source.id())
                                        .isEqualTo(searched(searcher, query));
                            }
                        }
                        return null;
                    });
                }
            }
        }
    }

    @Test
    void storiesNotInTheSnapshotAreLeftOut() throws IOException {
        try (StoryIndex index = NewsFixtures.indexOf(ALL)) {
            index.search(searcher -> {
                Query query = LikeQuery.build(
                        ALL.get(0), index.analyzer(), index.termLookup(searcher), RankingSettings.DEFAULTS, true);
                assertThat(DocumentScores.of(searcher, query, List.of("unknown")))
                        .isEmpty();
                return null;
            });
        }
    }

    private static Map<String, Float> searched(IndexSearcher searcher, Query query) throws IOException {
        TopDocs top = searcher.search(query, 100);
        String[] ids = HitIds.ids(searcher.getIndexReader(), top.scoreDocs);
        Map<String, Float> scores = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            scores.put(ids[i], top.scoreDocs[i].score);
        }
        return scores;
    }
}
