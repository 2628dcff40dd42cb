package io.kabar.site.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the mirrored lists answer as records and tombstones of their topics arrive. */
class MirroredListsTest {

    private final MirroredLists lists = new MirroredLists();

    @Test
    void anArticlesNewestListReplacesItsOldOneAndATombstoneLeavesNone() {
        lists.relatedChanged("a", List.of("b", "c"));
        lists.relatedChanged("a", List.of("d"));

        assertThat(lists.related("a")).containsExactly("d");

        lists.relatedChanged("a", null);

        assertThat(lists.related("a")).isEmpty();
    }

    @Test
    void rankingsAreFoundByWindowAndCategoryAndForgottenByTheirRecordKeysTombstone() {
        lists.rankingChanged("1h|*", "1h", null, List.of("a", "b"));
        lists.rankingChanged("1h|Olahraga", "1h", "Olahraga", List.of("c"));

        assertThat(lists.ranking("1h", null)).containsExactly("a", "b");
        assertThat(lists.ranking("1h", "Olahraga")).containsExactly("c");
        assertThat(lists.ranking("24h", null)).isEmpty();

        lists.rankingChanged("1h|*", null, null, null);

        assertThat(lists.ranking("1h", null)).isEmpty();
        assertThat(lists.ranking("1h", "Olahraga")).containsExactly("c");
    }

    @Test
    void keepsOnlyTheHeadOfALongList() {
        List<String> many = IntStream.range(0, 50).mapToObj(String::valueOf).toList();

        lists.relatedChanged("a", many);

        assertThat(lists.related("a")).hasSize(MirroredLists.KEPT).startsWith("0", "1");
    }
}
