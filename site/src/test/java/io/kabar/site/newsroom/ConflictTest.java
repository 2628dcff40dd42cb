package io.kabar.site.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConflictTest {

    private static final ArticleForm OPENED =
            new ArticleForm("Judul", "Ringkas", "Satu\n\nDua", "Internasional", "Rusia", "Ayu", "", "", "", false);

    @Test
    void theirChangesAreShownAndTheEditorsOwnChangesAreReappliedOnTheNewestRevision() {
        ArticleForm theirs = with(OPENED, "Judul baru", OPENED.summary());
        ArticleForm mine = with(OPENED, OPENED.title(), "Ringkasan saya");

        Conflict conflict = Conflict.of(OPENED, mine, theirs);

        assertThat(conflict.changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("title");
            assertThat(c.theirs()).isEqualTo("Judul baru");
            assertThat(c.both()).isFalse();
        });
        assertThat(conflict.merged().title()).isEqualTo("Judul baru");
        assertThat(conflict.merged().summary()).isEqualTo("Ringkasan saya");
    }

    @Test
    void aFieldBothChangedKeepsTheEditorsValueAndIsMarked() {
        Conflict conflict =
                Conflict.of(OPENED, with(OPENED, "Mine", OPENED.summary()), with(OPENED, "Theirs", OPENED.summary()));

        assertThat(conflict.changes())
                .singleElement()
                .satisfies(c -> assertThat(c.both()).isTrue());
        assertThat(conflict.merged().title()).isEqualTo("Mine");
    }

    private static ArticleForm with(ArticleForm f, String title, String summary) {
        return new ArticleForm(
                title,
                summary,
                f.body(),
                f.category(),
                f.tags(),
                f.author(),
                f.editor(),
                f.source(),
                f.imageUrl(),
                f.breaking());
    }
}
