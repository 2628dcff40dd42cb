package io.kabar.related.ranking;

import static io.kabar.related.ranking.NewsFixtures.ALL;
import static io.kabar.related.ranking.NewsFixtures.CLOCK;
import static io.kabar.related.ranking.NewsFixtures.NOW;
import static io.kabar.related.ranking.NewsFixtures.PUTIN_MEETS_KIM;
import static io.kabar.related.ranking.NewsFixtures.RUPIAH;
import static io.kabar.related.ranking.NewsFixtures.indexOf;
import static io.kabar.related.ranking.NewsFixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StoryIndexTest {

    @Test
    void upsertReplacesAStoryInsteadOfAddingASecondCopy() throws Exception {
        try (StoryIndex index = indexOf(ALL)) {
            Story revised = new Story(
                    RUPIAH.id(),
                    2,
                    "Rupiah Menguat terhadap Dolar AS",
                    RUPIAH.paragraphs(),
                    RUPIAH.category(),
                    RUPIAH.tags(),
                    RUPIAH.publishedAt(),
                    RUPIAH.url());

            assertThat(index.upsert(revised)).isTrue();

            assertThat(index.size()).isEqualTo(ALL.size());
            assertThat(index.find("rupiah")).contains(revised);
            assertThat(index.<Integer>search(s -> s.getIndexReader().numDocs())).isEqualTo(ALL.size());
        }
    }

    @Test
    void ignoresAnOlderRevisionArrivingLate() throws Exception {
        try (StoryIndex index = new StoryIndex()) {
            Story second = new Story("a", 2, "Judul baru", List.of("isi"), "", List.of(), NOW, "");
            Story first = new Story("a", 1, "Judul lama", List.of("isi"), "", List.of(), NOW, "");
            index.upsert(second);

            assertThat(index.upsert(first)).isFalse();
            assertThat(index.find("a")).contains(second);
        }
    }

    @Test
    void removeReportsWhetherTheStoryWasIndexed() throws Exception {
        try (StoryIndex index = indexOf(ALL)) {
            assertThat(index.remove("derbi")).isTrue();
            assertThat(index.remove("derbi")).isFalse();
            assertThat(index.size()).isEqualTo(ALL.size() - 1);
        }
    }

    @Test
    void indexesBodyWithoutInlineReadAlsoTeasers() {
        Story story = story(
                "x",
                "",
                0,
                "Judul",
                List.of(),
                "Paragraf pertama.",
                "Baca Juga: IHSG Dibuka Menguat",
                "ADVERTISEMENT",
                "Paragraf kedua.");

        assertThat(BodyText.of(story)).isEqualTo("Paragraf pertama.\nParagraf kedua.");
    }

    @Test
    void readersKeepWorkingWhileStoriesAreWritten() throws Exception {
        try (StoryIndex index = indexOf(ALL)) {
            RelatedFinder finder = new RelatedFinder(index, RankingSettings.DEFAULTS, CLOCK);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> writer = pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        index.upsert(story(
                                "tambahan-" + i,
                                "Internasional",
                                0,
                                "Kabar Rusia nomor " + i,
                                List.of(),
                                "Rusia dan Korea Utara memperluas kerja sama militer, laporan " + i));
                        index.remove("tambahan-" + (i - 1));
                    }
                });
                Future<?> reader = pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        assertThat(finder.relatedTo(PUTIN_MEETS_KIM, 5)).isNotEmpty();
                    }
                });
                writer.get();
                reader.get();
            } finally {
                pool.shutdown();
            }
            assertThat(index.size()).isEqualTo(ALL.size() + 1);
        }
    }
}
