package io.kabar.related.ranking;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Looks terms up in every segment of one index snapshot, through the lookups kept per segment ({@link
 * SegmentTerms}), reusing one terms enumeration per segment and field for what has to be looked up afresh.
 *
 * <p>The {@link TermStates} it returns carry the document frequency the query weighs a term by and, handed to a
 * {@code TermQuery}, spare the search a second lookup of the same term in every segment.
 */
final class TermLookup {

    private final IndexReaderContext top;
    private final List<LeafReaderContext> leaves;
    private final SegmentTerms.Segment[] segments;
    private final Map<String, TermsEnum[]> enums = new HashMap<>();

    TermLookup(IndexReader reader, SegmentTerms kept) {
        this.top = reader.getContext();
        this.leaves = reader.leaves();
        this.segments = new SegmentTerms.Segment[leaves.size()];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = kept.of(leaves.get(i).reader());
        }
    }

    /** Stories in the snapshot, replaced and removed ones included until a merge drops them (as docFreq counts). */
    int maxDoc() {
        return top.reader().maxDoc();
    }

    /** The term's states in this snapshot; {@link TermStates#docFreq()} is 0 when no segment has it. */
    TermStates states(String field, String term) throws IOException {
        TermsEnum[] perLeaf = enums.get(field);
        if (perLeaf == null) {
            perLeaf = open(field);
            enums.put(field, perLeaf);
        }
        TermStates states = new TermStates(top);
        BytesRef bytes = new BytesRef(term);
        for (int i = 0; i < perLeaf.length; i++) {
            LeafReaderContext leaf = leaves.get(i);
            SegmentTerms.Entry entry = segments[i].find(leaf.reader(), field, term, bytes, perLeaf[i]);
            if (entry != SegmentTerms.MISSING) {
                states.register(entry.state(), leaf.ord, entry.docFreq(), entry.totalTermFreq());
            }
        }
        return states;
    }

    private TermsEnum[] open(String field) throws IOException {
        TermsEnum[] perLeaf = new TermsEnum[leaves.size()];
        for (int i = 0; i < perLeaf.length; i++) {
            Terms terms = leaves.get(i).reader().terms(field);
            perLeaf[i] = terms == null ? null : terms.iterator();
        }
        return perLeaf;
    }
}
