package io.kabar.related.ranking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;

/**
 * The text scores of a few given stories under a {@link LikeQuery}, as a search of the snapshot would give them, but
 * without a search: each clause's postings are only advanced to the given stories' documents.
 *
 * <p>A search sets every clause up in every segment that may hold a hit (a terms enumeration, block-max impacts, a
 * scorer), which for the insertion check's two or three stories was most of its work. The score is the same: per
 * clause the searcher's similarity, collection and term statistics with the clause's boost (as {@code TermQuery}
 * weighs it) and the document's frequency and length norm (as {@code TermScorer} scores it); the clauses' float
 * scores summed as a double, as the search does, then cast to float.
 */
final class DocumentScores {

    private DocumentScores() {}

    /**
     * The score of each given story that matches at least one clause, by story id; stories not in the snapshot and
     * stories matching no clause are left out, as a search would leave them out.
     *
     * @param query a disjunction of boosted term clauses ({@link LikeQuery#build}), or a query matching nothing
     */
    static Map<String, Float> of(IndexSearcher searcher, Query query, Collection<String> ids) throws IOException {
        if (!(query instanceof BooleanQuery disjunction)) {
            return Map.of(); // no distinctive terms: nothing matches
        }
        List<Clause> clauses = new ArrayList<>();
        for (BooleanClause clause : disjunction.clauses()) {
            BoostQuery boosted = (BoostQuery) clause.query();
            TermQuery term = (TermQuery) boosted.getQuery();
            TermStates states = term.getTermStates();
            CollectionStatistics collection =
                    searcher.collectionStatistics(term.getTerm().field());
            if (states.docFreq() > 0 && collection != null) {
                TermStatistics statistics =
                        searcher.termStatistics(term.getTerm(), states.docFreq(), states.totalTermFreq());
                Similarity.SimScorer scorer =
                        searcher.getSimilarity().scorer(boosted.getBoost(), collection, statistics);
                clauses.add(new Clause(term.getTerm().field(), term.getTerm().bytes(), states, scorer));
            }
        }
        Map<String, Float> scores = new HashMap<>();
        for (String id : ids) {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                int doc = liveDoc(leaf.reader(), id);
                if (doc != DocIdSetIterator.NO_MORE_DOCS) {
                    score(leaf, doc, clauses).ifPresent(score -> scores.put(id, score));
                    break;
                }
            }
        }
        return scores;
    }

    private static Optional<Float> score(LeafReaderContext leaf, int doc, List<Clause> clauses) throws IOException {
        Map<String, Field> fields = new HashMap<>();
        double sum = 0;
        boolean matched = false;
        for (Clause clause : clauses) {
            IOSupplier<TermState> state = clause.states().get(leaf);
            if (state == null) {
                continue; // not in this segment
            }
            Field field = fields.get(clause.field());
            if (field == null) {
                field = Field.of(leaf.reader(), clause.field(), doc);
                fields.put(clause.field(), field);
            }
            field.terms().seekExact(clause.term(), state.get());
            field.postings = field.terms().postings(field.postings, PostingsEnum.FREQS);
            if (field.postings.advance(doc) == doc) {
                sum += clause.scorer().score(field.postings.freq(), field.norm());
                matched = true;
            }
        }
        return matched ? Optional.of((float) sum) : Optional.empty();
    }

    /** One field of the segment at one document: its terms, reused postings and the document's length norm. */
    private static final class Field {

        private final TermsEnum terms;
        private final long norm;
        private PostingsEnum postings;

        private Field(TermsEnum terms, long norm) {
            this.terms = terms;
            this.norm = norm;
        }

        static Field of(LeafReader reader, String name, int doc) throws IOException {
            // As TermScorer: the norm when the field has norms (title, body), else 1 (phrases).
            NumericDocValues norms = reader.getNormValues(name);
            long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
            return new Field(reader.terms(name).iterator(), norm);
        }

        TermsEnum terms() {
            return terms;
        }

        long norm() {
            return norm;
        }
    }

    /** The story's live document in the segment, or {@code NO_MORE_DOCS}: a replaced revision stays, deleted. */
    private static int liveDoc(LeafReader reader, String id) throws IOException {
        Terms ids = reader.terms(StoryIndex.ID);
        if (ids == null) {
            return DocIdSetIterator.NO_MORE_DOCS;
        }
        TermsEnum each = ids.iterator();
        if (!each.seekExact(new BytesRef(id))) {
            return DocIdSetIterator.NO_MORE_DOCS;
        }
        PostingsEnum docs = each.postings(null, PostingsEnum.NONE);
        Bits live = reader.getLiveDocs();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if (live == null || live.get(doc)) {
                return doc;
            }
        }
        return DocIdSetIterator.NO_MORE_DOCS;
    }

    private record Clause(String field, BytesRef term, TermStates states, Similarity.SimScorer scorer) {}
}
