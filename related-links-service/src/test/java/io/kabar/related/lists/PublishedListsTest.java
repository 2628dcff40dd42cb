package io.kabar.related.lists;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.related.ranking.RelatedLink;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PublishedListsTest {

    private final PublishedLists lists = new PublishedLists();

    @Test
    void knowsWhichListsShowAnArticle() {
        lists.put(list("a", "x", "y"));
        lists.put(list("b", "x"));

        assertThat(lists.listsShowing("x")).containsExactlyInAnyOrder("a", "b");
        assertThat(lists.listsShowing("y")).containsExactly("a");
        assertThat(lists.listsShowing("a")).isEmpty();
    }

    @Test
    void aNewerListReplacesTheLinksOfTheOldOne() {
        lists.put(list("a", "x", "y"));
        lists.put(list("a", "z"));

        assertThat(lists.find("a").orElseThrow().links())
                .extracting(RelatedLink::id)
                .containsExactly("z");
        assertThat(lists.listsShowing("x")).isEmpty();
        assertThat(lists.listsShowing("z")).containsExactly("a");
    }

    @Test
    void aDeletedListShowsNothing() {
        lists.put(list("a", "x"));
        lists.remove("a");
        lists.remove("never-there");

        assertThat(lists.find("a")).isEmpty();
        assertThat(lists.listsShowing("x")).isEmpty();
        assertThat(lists.size()).isZero();
    }

    private static LinkList list(String id, String... linked) {
        return new LinkList(
                id,
                Instant.EPOCH,
                1,
                Arrays.stream(linked)
                        .map(l -> new RelatedLink(l, "Judul " + l, "https://kabar.example/" + l, 1.0))
                        .toList());
    }
}
