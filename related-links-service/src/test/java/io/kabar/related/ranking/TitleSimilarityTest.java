package io.kabar.related.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class TitleSimilarityTest {

    private final Analyzer analyzer = TextAnalysis.INFLECTIONAL.create();

    private double similarity(String source, String other) {
        return new TitleSimilarity(TitleSimilarity.terms(analyzer, source)).to(TitleSimilarity.terms(analyzer, other));
    }

    @Test
    void sameWordsInAnotherOrderAndCaseAreFullySimilar() {
        assertThat(similarity("BI Pangkas Suku Bunga", "suku bunga, BI pangkas!"))
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void sharedWordsScoreTheCosineOfTheTwoWordSets() {
        // {bi, pangkas, suku, bunga} and {suku, bunga, naik}: 2 shared, 2 / sqrt(4 * 3)
        assertThat(similarity("BI Pangkas Suku Bunga", "Suku Bunga Naik")).isCloseTo(2 / Math.sqrt(12), within(1e-9));
    }

    @Test
    void headlinesSharingOnlyStopWordsOrNumbersAreNotSimilar() {
        assertThat(similarity("Harga Beras di Pasar Naik 5 Persen", "Klub di Liga Menang 5 Gol"))
                .isZero();
    }
}
