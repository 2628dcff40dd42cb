package io.kabar.related.ranking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/** Finds the stories whose text is like a source story's ({@link LikeQuery}) in one index snapshot. */
final class TextMatches {

    private final StoryIndex index;
    private final RankingSettings settings;

    TextMatches(StoryIndex index, RankingSettings settings) {
        this.index = index;
        this.settings = settings;
    }

    /** Raw text matches in one snapshot, best first, including the story itself if indexed. */
    List<Candidate> of(IndexSearcher searcher, Story story, int count) throws IOException {
        Query query = queryFor(searcher, story);
        // Hits beyond the first `count` are not counted, so the search may skip documents that cannot make the
        // top (block-max WAND / MAXSCORE) instead of scoring every story sharing any query term.
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(count, count));
        String[] ids = HitIds.ids(searcher.getIndexReader(), top.scoreDocs);
        List<Candidate> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < ids.length; i++) {
            IndexedStory found = ids[i] == null ? null : index.indexed(ids[i]);
            // A story removed after this snapshot was taken is skipped rather than linked.
            if (found != null) {
                hits.add(new Candidate(found, top.scoreDocs[i].score));
            }
        }
        return hits;
    }

    /** The story's {@link LikeQuery} in this snapshot. */
    Query queryFor(IndexSearcher searcher, Story story) throws IOException {
        boolean indexed = index.find(story.id()).isPresent();
        return LikeQuery.build(story, index.analyzer(), index.termLookup(searcher), settings, indexed);
    }

    /** The source's precomputed data: from the index when this revision is indexed, else worked out now. */
    IndexedStory sourceOf(Story story) {
        IndexedStory indexed = index.indexed(story.id());
        boolean current =
                indexed != null && (indexed.story() == story || indexed.story().equals(story));
        return current ? indexed : IndexedStory.of(story, index.analyzer());
    }
}
