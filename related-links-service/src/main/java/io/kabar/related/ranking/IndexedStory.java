package io.kabar.related.ranking;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * A story with what the ranking compares for every candidate of every list, worked out once when it is indexed
 * rather than once per list that considers it.
 *
 * @param titleTerms analysed headline terms, for {@link TitleSimilarity}
 * @param titleTokens lower-cased headline words, for the near-duplicate check ({@link Overlap#titleTokens})
 * @param tags normalised editorial tags ({@link Overlap#tags})
 */
record IndexedStory(Story story, Set<String> titleTerms, Set<String> titleTokens, Set<String> tags) {

    static IndexedStory of(Story story, Analyzer analyzer) {
        // Immutable copies: a compact array per set rather than a hash table, for every story held.
        return new IndexedStory(
                story,
                Set.copyOf(TitleSimilarity.terms(analyzer, story.title())),
                Set.copyOf(Overlap.titleTokens(story.title())),
                Set.copyOf(Overlap.tags(story.tags())));
    }
}
