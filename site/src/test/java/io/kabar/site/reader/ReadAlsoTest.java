package io.kabar.site.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.site.stories.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadAlsoTest {

    @Test
    void theSeedPagesEighteenParagraphsGetLinksAfterParagraphs3_6_10_14And17() {
        assertThat(linkPositions(18, 10)).containsExactly(3, 6, 10, 14, 17);
    }

    @Test
    void fewerRelatedStoriesThanSlotsPlaceOnlyThoseStartingAfterTheThirdParagraph() {
        assertThat(linkPositions(18, 1)).containsExactly(3);
        assertThat(linkPositions(18, 2)).containsExactly(3, 17);
    }

    @Test
    void shortArticlesGetOneLinkAndNeverOneAfterTheLastParagraph() {
        assertThat(linkPositions(3, 5)).containsExactly(2);
        assertThat(linkPositions(1, 5)).isEmpty();
        assertThat(linkPositions(7, 5)).containsExactly(3, 6);
    }

    @Test
    void noRelatedStoriesLeaveTheParagraphsAlone() {
        assertThat(ReadAlso.interleave(List.of("a", "b", "c", "d"), List.of()))
                .extracting(ReadAlso.Block::paragraph)
                .containsExactly("a", "b", "c", "d");
    }

    /** The paragraph numbers (1-based) after which a link stands. */
    private static List<Integer> linkPositions(int paragraphs, int related) {
        List<String> text =
                IntStream.rangeClosed(1, paragraphs).mapToObj(i -> "p" + i).toList();
        List<Story> stories =
                IntStream.range(0, related).mapToObj(ReadAlsoTest::story).toList();
        List<Integer> positions = new ArrayList<>();
        int seen = 0;
        for (ReadAlso.Block block : ReadAlso.interleave(text, stories)) {
            if (block.paragraph() != null) {
                seen++;
            } else {
                positions.add(seen);
            }
        }
        return positions;
    }

    static Story story(int i) {
        Instant at = Instant.parse("2023-09-14T05:06:00Z").plusSeconds(i);
        return new Story(
                "id-" + i,
                1,
                "slug-" + i,
                "https://kabar.example/slug-" + i,
                "Judul " + i,
                "Ringkasan",
                List.of("p"),
                "id",
                "Internasional",
                List.of("Rusia"),
                "Penulis",
                null,
                null,
                null,
                at,
                at,
                false,
                true);
    }
}
