package io.kabar.related.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void aRunOfCapitalisedWordsInsideASentenceIsOneName() {
        assertThat(Names.of(List.of("Kemarin Menteri Keuangan Sri Mulyani bertemu pengusaha di Surabaya.")))
                .containsExactly("menteri keuangan sri mulyani", "surabaya");
    }

    @Test
    void aWordOpeningASentenceCountsOnlyWhenTheStoryAlsoCapitalisesItMidSentence() {
        List<String> names = Names.of(List.of(
                "Menurut Wiranto, harga gabah naik. Petani senang.", "Pejabat dinas memanggil Wiranto kemarin."));

        assertThat(names).containsExactly("wiranto", "wiranto").doesNotContain("menurut", "petani");
    }

    @Test
    void acronymsCountEvenAtTheStartOfASentence() {
        assertThat(Names.of(List.of("KPK menahan dua tersangka. Lalu OTT digelar lagi.")))
                .containsExactly("kpk", "ott");
    }

    @Test
    void punctuationEndsANameAndDaysAndMonthsAreNoNames() {
        assertThat(Names.of(
                        List.of("Ia bertemu Budi, Ani dan Kementerian Keuangan (Kemenkeu) pada Senin di bulan Maret.")))
                .containsExactly("budi", "ani", "kementerian keuangan", "kemenkeu");
    }

    @Test
    void aDateInsideARunEndsTheName() {
        assertThat(Names.of(List.of("Hal itu dikatakan Prabowo Senin malam."))).containsExactly("prabowo");
    }
}
