package io.kabar.related.ranking;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;

/** Reads the story ids of search hits from the {@link StoryIndex#ID} doc values. */
final class HitIds {

    private HitIds() {}

    /**
     * The story ids of the given hits of a snapshot, in the hits' order.
     *
     * @param reader the snapshot the hits come from
     */
    static String[] ids(IndexReader reader, ScoreDoc[] hits) throws IOException {
        // Doc values iterators only move forward: visit the hits in doc id order, one iterator per segment.
        Integer[] byDoc = new Integer[hits.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = reader.leaves();
        String[] ids = new String[hits.length];
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = leaf.reader().getBinaryDocValues(StoryIndex.ID);
            }
            if (values != null && values.advanceExact(doc - leaf.docBase)) {
                ids[i] = values.binaryValue().utf8ToString();
            }
        }
        return ids;
    }
}
