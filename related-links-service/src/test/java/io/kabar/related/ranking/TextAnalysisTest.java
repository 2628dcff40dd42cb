package io.kabar.related.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    private static List<String> terms(TextAnalysis analysis, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (Analyzer analyzer = analysis.create();
                TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @Test
    void inflectionalChainKeepsWordsTheDerivationalStemmerMangles() throws IOException {
        String text = "kerjasama menteri pemerintah";

        assertThat(terms(TextAnalysis.DERIVATIONAL, text)).containsExactly("rjasama", "teri", "erintah");
        assertThat(terms(TextAnalysis.INFLECTIONAL, text)).containsExactly("kerjasama", "menteri", "pemerintah");
    }

    @Test
    void inflectionalChainStripsPossessiveSuffixesAndStopWords() throws IOException {
        assertThat(terms(TextAnalysis.INFLECTIONAL, "Bukunya dan rumahnya")).containsExactly("buku", "rumah");
    }
}
