package io.kabar.related.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class TitleSimilarityTest {

    private final Analyzer analyzer = TextAnalysis.INFLECTIONAL.create();

    @Test
    void sameWordsInAnotherOrderAndCaseAreFullySimilar() {
        assertThat(new TitleSimilarity(analyzer, "BI Pangkas Suku Bunga").to("suku bunga, BI pangkas!"))
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void sharedWordsScoreTheCosineOfTheTwoWordSets() {
        // {bi, pangkas, suku, bunga} and {suku, bunga, naik}: 2 shared, 2 / sqrt(4 * 3)
        assertThat(new TitleSimilarity(analyzer, "BI Pangkas Suku Bunga").to("Suku Bunga Naik"))
                .isCloseTo(2 / Math.sqrt(12), within(1e-9));
    }

    @Test
    void headlinesSharingOnlyStopWordsOrNumbersAreNotSimilar() {
        assertThat(new TitleSimilarity(analyzer, "Harga Beras di Pasar Naik 5 Persen").to("Klub di Liga Menang 5 Gol"))
                .isZero();
    }
}
