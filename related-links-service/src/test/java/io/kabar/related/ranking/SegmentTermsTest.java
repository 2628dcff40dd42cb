package io.kabar.related.ranking;

import static io.kabar.related.ranking.NewsFixtures.ALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** {@link SegmentTerms}: lookups kept across snapshots give what a fresh lookup in the snapshot gives. */
class SegmentTermsTest {

    @Test
    void keptLookupsGiveTheStatisticsAndScoresOfAFreshLookupAsSegmentsAreAddedMergedAndDeletedFrom()
            throws IOException {
        // Every segment read whole, every segment looked up term by term with a bound that drops everything often,
        // and the defaults, each kept across all the snapshots below.
        List<SegmentTerms> kept =
                List.of(new SegmentTerms(Integer.MAX_VALUE, 0), new SegmentTerms(0, 25), new SegmentTerms());
        try (StoryIndex index = new StoryIndex()) {
            for (int round = 0; round < 3; round++) {
                for (Story story : ALL) {
                    // A new revision replaces the story: a deletion in an older segment, a new segment for it.
                    index.upsert(revised(story, round));
                    index.search(searcher -> {
                        for (SegmentTerms terms : kept) {
                            assertSameAsFresh(index, searcher, terms);
                        }
                        return null;
                    });
                }
            }
        }
    }

    private static void assertSameAsFresh(StoryIndex index, IndexSearcher searcher, SegmentTerms kept)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        TermLookup cached = new TermLookup(reader, kept);
        for (String field : List.of(StoryIndex.TITLE, StoryIndex.BODY, StoryIndex.PHRASES)) {
            for (String term : vocabulary(index)) {
                TermStates states = cached.states(field, term);
                Term t = new Term(field, term);
                assertThat(states.docFreq()).as("%s", t).isEqualTo(reader.docFreq(t));
                assertThat(states.totalTermFreq()).as("%s", t).isEqualTo(reader.totalTermFreq(t));
            }
        }
        for (Story story : ALL) {
            assertThat(scores(index, searcher, story, cached))
                    .isEqualTo(scores(index, searcher, story, new TermLookup(reader, new SegmentTerms())));
        }
    }

    private static List<String> scores(StoryIndex index, IndexSearcher searcher, Story story, TermLookup lookup)
            throws IOException {
        var query = LikeQuery.build(story, index.analyzer(), lookup, RankingSettings.DEFAULTS, true);
        List<String> hits = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, 20).scoreDocs) {
            hits.add(hit.doc + "=" + hit.score);
        }
        return hits;
    }

    private static Set<String> vocabulary(StoryIndex index) {
        Set<String> terms = new HashSet<>();
        for (Story story : ALL) {
            String text = story.title() + "\n" + BodyText.of(story);
            Phrases.scan(index.analyzer(), text, terms::add, terms::add);
        }
        terms.add("tidak-ada-di-indeks");
        return terms;
    }

    private static Story revised(Story story, int round) {
        return new Story(
                story.id(),
                story.revision() + round,
                story.title(),
                story.paragraphs(),
                story.category(),
                story.tags(),
                story.publishedAt(),
                story.url());
    }
}
