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
 * Looks terms up in every segment of one index snapshot, reusing one terms enumeration per segment and field.
 *
 * <p>The {@link TermStates} it returns carry the document frequency the query weighs a term by and, handed to a
 * {@code TermQuery}, spare the search a second lookup of the same term in every segment; {@code
 * IndexReader.docFreq} would also open a fresh enumeration per segment for every term.
 */
final class TermLookup {

    private final IndexReaderContext top;
    private final List<LeafReaderContext> leaves;
    private final Map<String, TermsEnum[]> enums = new HashMap<>();

    TermLookup(IndexReader reader) {
        this.top = reader.getContext();
        this.leaves = reader.leaves();
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
            TermsEnum segment = perLeaf[i];
            if (segment != null && segment.seekExact(bytes)) {
                states.register(segment.termState(), leaves.get(i).ord, segment.docFreq(), segment.totalTermFreq());
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
