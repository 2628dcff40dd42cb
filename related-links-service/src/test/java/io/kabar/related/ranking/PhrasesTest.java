package io.kabar.related.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class PhrasesTest {

    private final Analyzer analyzer = TextAnalysis.INFLECTIONAL.create();

    @Test
    void adjacentAnalysedTermsFormPhrases() {
        assertThat(Phrases.of(analyzer, "Bank sentral memangkas suku bunganya"))
                .containsExactly("bank sentral", "sentral memangkas", "memangkas suku", "suku bunga");
    }

    @Test
    void aDroppedStopWordSplitsThePhrase() {
        assertThat(Phrases.of(analyzer, "ekspor dan impor")).isEmpty();
    }

    @Test
    void bareNumbersMakeNoPhrase() {
        assertThat(Phrases.of(analyzer, "utang 600 triliun")).isEmpty();
    }
}
