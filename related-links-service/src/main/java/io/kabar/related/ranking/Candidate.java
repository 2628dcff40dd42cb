package io.kabar.related.ranking;

/**
 * A story considered for a source's list with its score: the raw text score of the search, then the full score of
 * the re-ranking.
 */
record Candidate(IndexedStory indexed, double score) {

    Story story() {
        return indexed.story();
    }

    RelatedLink link() {
        return new RelatedLink(story().id(), story().title(), story().url(), score);
    }
}
