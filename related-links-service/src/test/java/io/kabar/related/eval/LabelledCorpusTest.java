package io.kabar.related.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledCorpusTest {

    @Test
    void readsQuotedMultiParagraphBodiesAndSplitsTopicsWithoutTaggingTheStory(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("mini.csv");
        Files.writeString(csv, """
        id,title,url,published_at,category,topics,body
        7,"Harga Cabai ""Meroket"" di Pasar",https://kabar.example/7,2025-10-10T13:41:00+07:00,Ekonomi,inflasi;pangan,"Harga cabai naik.

        Pedagang mengeluh, pembeli berkurang."
        """);

        List<LabelledCorpus.Article> articles = LabelledCorpus.read(csv);

        assertThat(articles).singleElement().satisfies(a -> {
            assertThat(a.story().title()).isEqualTo("Harga Cabai \"Meroket\" di Pasar");
            assertThat(a.story().paragraphs())
                    .containsExactly("Harga cabai naik.", "Pedagang mengeluh, pembeli berkurang.");
            assertThat(a.story().publishedAt()).isEqualTo(Instant.parse("2025-10-10T06:41:00Z"));
            assertThat(a.story().tags()).isEmpty();
            assertThat(a.topics()).containsExactlyInAnyOrder("inflasi", "pangan");
        });
    }
}
