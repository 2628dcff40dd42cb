package io.kabar.related.ranking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds a "more like this story" query from the story's most distinctive terms and two-word phrases.
 *
 * <p>Hand-rolled rather than Lucene's MoreLikeThis so that source-title terms count extra, every term is
 * searched in both fields with the title boosted, and phrases ({@link Phrases}) add clauses of their own: a
 * shared "suku bunga" says more than the shared single words. Terms found in more than {@link
 * RankingSettings#commonTermShare()} of the stories (and in more than 50) are left out: they say little and their long posting lists
 * are most of a search's work.
 */
final class LikeQuery {

    /**
     * A term in this many other stories or fewer is never too common: in a small index the coverage of one matter
     * alone can be a fifth of all stories.
     */
    private static final int NEVER_COMMON = 50;

    private LikeQuery() {}

    /**
     * @param sourceIndexed whether the story itself is in the reader, so that its own occurrence is
     *     discounted and terms no other story contains are not wasted on the query
     */
    static Query build(
            Story story, Analyzer analyzer, TermLookup lookup, RankingSettings settings, boolean sourceIndexed)
            throws IOException {
        // One analysis of title and body yields both the single terms and the phrases.
        Map<String, Integer> frequencies = new HashMap<>();
        Map<String, Integer> phrases = new HashMap<>();
        count(analyzer, story.title(), settings.sourceTitleWeight(), frequencies, phrases);
        count(analyzer, BodyText.of(story), 1, frequencies, phrases);

        Weigher weigher = new Weigher(lookup, lookup.maxDoc(), sourceIndexed, settings.commonTermShare());
        List<Weighted> terms = weigher.top(frequencies, settings.queryTerms(), StoryIndex.BODY, StoryIndex.TITLE);
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery("no distinctive terms");
        }
        double max = terms.get(0).weight();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Weighted t : terms) {
            float boost = (float) (t.weight() / max);
            add(query, StoryIndex.TITLE, t, 1, boost * settings.titleBoost());
            add(query, StoryIndex.BODY, t, 0, boost);
        }
        if (settings.signals().phraseBoost() > 0) {
            for (Weighted t : weigher.top(phrases, settings.signals().terms(), StoryIndex.PHRASES)) {
                add(query, StoryIndex.PHRASES, t, 0, (float)
                        (t.weight() / max * settings.signals().phraseBoost()));
            }
        }
        return query.build();
    }

    /** A clause for the term in one of the fields it was weighed in ({@code field} is the {@code fieldIndex}-th). */
    private static void add(BooleanQuery.Builder query, String field, Weighted term, int fieldIndex, float boost) {
        TermQuery clause = new TermQuery(new Term(field, term.term()), term.states()[fieldIndex]);
        query.add(new BoostQuery(clause, boost), BooleanClause.Occur.SHOULD);
    }

    private static void count(
            Analyzer analyzer, String text, int weight, Map<String, Integer> terms, Map<String, Integer> phrases) {
        Phrases.scan(
                analyzer,
                text,
                term -> terms.merge(term, weight, Integer::sum),
                phrase -> phrases.merge(phrase, weight, Integer::sum));
    }

    /** A source term, its weight and its states in each field it was weighed in, in the order the fields were given. */
    private record Weighted(String term, double weight, TermStates[] states) {}

    /** Weighs source terms by {@code (1 + ln tf) · idf}, idf as BM25 computes it over the other stories. */
    private record Weigher(TermLookup lookup, int maxDoc, boolean sourceIndexed, double commonShare) {

        /**
         * The {@code count} best terms, best first; terms no other story has, terms more than {@code commonShare} of
         * the other stories (and more than {@link #NEVER_COMMON}) have, and bare numbers are skipped.
         */
        List<Weighted> top(Map<String, Integer> frequencies, int count, String... fields) throws IOException {
            // maxDoc, not numDocs: docFreq still counts replaced and removed stories until a merge drops them, and
            // against the live count a term in every story would get a negative weight (Lucene 10 refuses it).
            int self = sourceIndexed ? 1 : 0;
            int others = maxDoc - self;
            List<Weighted> weighted = new ArrayList<>();
            for (Map.Entry<String, Integer> e : frequencies.entrySet()) {
                String term = e.getKey();
                if (!Phrases.hasLetter(term)) {
                    continue; // a bare number (dates, amounts) links anything
                }
                TermStates[] states = new TermStates[fields.length];
                int docFreq = 0;
                for (int f = 0; f < fields.length; f++) {
                    states[f] = lookup.states(fields[f], term);
                    docFreq = Math.max(docFreq, states[f].docFreq());
                }
                docFreq -= self;
                if (docFreq > 0 && (docFreq <= NEVER_COMMON || docFreq <= commonShare * others)) {
                    double idf = Math.log(1 + (others - docFreq + 0.5) / (docFreq + 0.5));
                    weighted.add(new Weighted(term, (1 + Math.log(e.getValue())) * idf, states));
                }
            }
            weighted.sort(Comparator.comparingDouble(Weighted::weight).reversed());
            return weighted.subList(0, Math.min(count, weighted.size()));
        }
    }
}
