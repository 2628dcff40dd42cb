package io.kabar.article.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void makesLowerCaseAsciiWordsJoinedByDashes() {
        assertThat(Slugs.of("Pertemuan Vladimir Putin dan Kim Jong-Un, Babak Baru?"))
                .isEqualTo("pertemuan-vladimir-putin-dan-kim-jong-un-babak-baru");
    }

    @Test
    void foldsAccentsAndDropsSymbols() {
        assertThat(Slugs.of("Café «Déjà vu» — 100% naik!")).isEqualTo("cafe-deja-vu-100-naik");
    }

    @Test
    void cutsLongTitlesBetweenWords() {
        String slug = Slugs.of("kata ".repeat(40));

        assertThat(slug).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-").endsWith("kata");
    }

    @Test
    void fallsBackForTitlesWithoutLatinLetters() {
        assertThat(Slugs.of("東京 ニュース")).isEqualTo("artikel");
    }

    @Test
    void disambiguatesWithAPieceOfTheIdAfterADoubleDashNoTitleMakes() {
        assertThat(Slugs.disambiguated("judul", "4b1c2a8e-0c1d-4a51-9f1a-1e2d3c4b5a69"))
                .isEqualTo("judul--4b1c2a8e");
        assertThat(Slugs.of("Judul -- 4b1c2a8e")).isEqualTo("judul-4b1c2a8e");
    }
}
