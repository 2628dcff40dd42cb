package io.kabar.related.ranking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds a "more like this story" query from the story's most distinctive title and body terms.
 *
 * <p>Hand-rolled rather than Lucene's MoreLikeThis so that source-title terms count extra and every
 * term is searched in both fields with the title boosted.
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
        Map<String, Integer> frequencies = new HashMap<>();
        count(analyzer, StoryIndex.TITLE, story.title(), settings.sourceTitleWeight(), frequencies);
        count(analyzer, StoryIndex.BODY, StoryIndex.bodyText(story), 1, frequencies);

        // maxDoc, not numDocs: docFreq still counts replaced and removed stories until a merge drops them, and
        // against the live count a term in every story would get a negative weight (Lucene 10 refuses the boost).
        int others = reader.maxDoc() - (sourceIndexed ? 1 : 0);
        List<Map.Entry<String, Double>> weighted = new ArrayList<>();
        for (Map.Entry<String, Integer> e : frequencies.entrySet()) {
            String term = e.getKey();
            int docFreq = Math.max(
                            reader.docFreq(new Term(StoryIndex.BODY, term)),
                            reader.docFreq(new Term(StoryIndex.TITLE, term)))
                    - (sourceIndexed ? 1 : 0);
            if (docFreq <= 0 || !hasLetter(term)) {
                continue; // matches nothing else, or a bare number (dates, amounts) that links anything
            }
            double idf = Math.log(1 + (others - docFreq + 0.5) / (docFreq + 0.5));
            weighted.add(Map.entry(term, (1 + Math.log(e.getValue())) * idf));
        }
        if (weighted.isEmpty()) {
            return new MatchNoDocsQuery("no distinctive terms");
        }
        weighted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        List<Map.Entry<String, Double>> top = weighted.subList(0, Math.min(settings.queryTerms(), weighted.size()));
        double max = top.get(0).getValue();

        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> e : top) {
            float boost = (float) (e.getValue() / max);
            query.add(
                    new BoostQuery(
                            new TermQuery(new Term(StoryIndex.TITLE, e.getKey())), boost * settings.titleBoost()),
                    BooleanClause.Occur.SHOULD);
            query.add(
                    new BoostQuery(new TermQuery(new Term(StoryIndex.BODY, e.getKey())), boost),
                    BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static void count(
            Analyzer analyzer, String field, String text, int weight, Map<String, Integer> frequencies)
            throws IOException {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                frequencies.merge(term.toString(), weight, Integer::sum);
            }
            stream.end();
        }
    }

    private static boolean hasLetter(String term) {
        return term.codePoints().anyMatch(Character::isLetter);
    }
}
