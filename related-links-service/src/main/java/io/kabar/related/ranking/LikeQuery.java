package io.kabar.related.ranking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds a "more like this story" query from the story's most distinctive terms, two-word phrases and names.
 *
 * <p>Hand-rolled rather than Lucene's MoreLikeThis so that source-title terms count extra, every term is
 * searched in both fields with the title boosted, and phrases and names ({@link Phrases}, {@link Names}) add
 * clauses of their own: a shared "suku bunga" or "Sri Mulyani" says more than the shared single words.
 */
final class LikeQuery {

    private LikeQuery() {}

    /**
     * @param sourceIndexed whether the story itself is in the reader, so that its own occurrence is
     *     discounted and terms no other story contains are not wasted on the query
     */
    static Query build(
            Story story, Analyzer analyzer, IndexReader reader, RankingSettings settings, boolean sourceIndexed)
            throws IOException {
        // One analysis of title and body yields both the single terms and the phrases.
        Map<String, Integer> frequencies = new HashMap<>();
        Map<String, Integer> phrases = new HashMap<>();
        count(analyzer, story.title(), settings.sourceTitleWeight(), frequencies, phrases);
        count(analyzer, StoryIndex.bodyText(story), 1, frequencies, phrases);

        Weigher weigher = new Weigher(reader, sourceIndexed);
        List<Map.Entry<String, Double>> terms =
                weigher.top(frequencies, settings.queryTerms(), StoryIndex.BODY, StoryIndex.TITLE);
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery("no distinctive terms");
        }
        double max = terms.get(0).getValue();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> e : terms) {
            float boost = (float) (e.getValue() / max);
            add(query, StoryIndex.TITLE, e.getKey(), boost * settings.titleBoost());
            add(query, StoryIndex.BODY, e.getKey(), boost);
        }
        if (settings.signals().phraseBoost() > 0) {
            for (Map.Entry<String, Double> e :
                    weigher.top(phrases, settings.signals().terms(), StoryIndex.PHRASES)) {
                add(query, StoryIndex.PHRASES, e.getKey(), (float)
                        (e.getValue() / max * settings.signals().phraseBoost()));
            }
        }
        if (settings.signals().nameBoost() > 0) {
            Map<String, Integer> names = new HashMap<>();
            Names.of(StoryIndex.bodyParagraphs(story)).forEach(n -> names.merge(n, 1, Integer::sum));
            for (Map.Entry<String, Double> e :
                    weigher.top(names, settings.signals().terms(), StoryIndex.NAMES)) {
                add(query, StoryIndex.NAMES, e.getKey(), (float)
                        (e.getValue() / max * settings.signals().nameBoost()));
            }
        }
        return query.build();
    }

    private static void add(BooleanQuery.Builder query, String field, String term, float boost) {
        query.add(new BoostQuery(new TermQuery(new Term(field, term)), boost), BooleanClause.Occur.SHOULD);
    }

    private static void count(
            Analyzer analyzer, String text, int weight, Map<String, Integer> terms, Map<String, Integer> phrases) {
        Phrases.scan(
                analyzer,
                text,
                term -> terms.merge(term, weight, Integer::sum),
                phrase -> phrases.merge(phrase, weight, Integer::sum));
    }

    /** Weighs source terms by {@code (1 + ln tf) · idf}, idf as BM25 computes it over the other stories. */
    private record Weigher(IndexReader reader, boolean sourceIndexed) {

        /** The {@code count} best terms, best first; terms no other story has and bare numbers are skipped. */
        List<Map.Entry<String, Double>> top(Map<String, Integer> frequencies, int count, String... fields)
                throws IOException {
            // maxDoc, not numDocs: docFreq still counts replaced and removed stories until a merge drops them, and
            // against the live count a term in every story would get a negative weight (Lucene 10 refuses it).
            int self = sourceIndexed ? 1 : 0;
            int others = reader.maxDoc() - self;
            List<Map.Entry<String, Double>> weighted = new ArrayList<>();
            for (Map.Entry<String, Integer> e : frequencies.entrySet()) {
                String term = e.getKey();
                if (!Phrases.hasLetter(term)) {
                    continue; // a bare number (dates, amounts) links anything
                }
                int docFreq = 0;
                for (String field : fields) {
                    docFreq = Math.max(docFreq, reader.docFreq(new Term(field, term)));
                }
                docFreq -= self;
                if (docFreq > 0) {
                    double idf = Math.log(1 + (others - docFreq + 0.5) / (docFreq + 0.5));
                    weighted.add(Map.entry(term, (1 + Math.log(e.getValue())) * idf));
                }
            }
            weighted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
            return weighted.subList(0, Math.min(count, weighted.size()));
        }
    }
}
