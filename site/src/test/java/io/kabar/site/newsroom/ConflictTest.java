package io.kabar.site.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConflictTest {

    private static final ArticleForm OPENED = new ArticleForm(
            "Judul",
            "Ringkas",
            "Satu\n\nDua",
            "Internasional",
            "Rusia",
            "Ayu",
            "",
            "",
            "",
            false,
            "lain-1, lain-2",
            false,
            "pemilu-2029",
            "normal");

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

    @Test
    void theEditorialControlsOfBacaJugaMergeLikeAnyOtherField() {
        ArticleForm theirs = editorial(OPENED, "lain-2", false, "pemilu-2029");
        ArticleForm mine = editorial(OPENED, OPENED.relatedPins(), true, "");

        Conflict conflict = Conflict.of(OPENED, mine, theirs);

        assertThat(conflict.changes()).extracting(Conflict.Change::field).containsExactly("relatedPins");
        assertThat(conflict.merged().relatedPins()).isEqualTo("lain-2");
        assertThat(conflict.merged().isExcludedFromRelated()).isTrue();
        assertThat(conflict.merged().request()).doesNotContainKey("storyPackage");
    }

    @Test
    void aCriticalAlertIsKeptOnSaveAndAnUncheckedBoxSendsNormal() {
        ArticleForm critical = ArticleForm.of(Map.of("title", "T", "alertUrgency", "critical"));
        assertThat(critical.request()).containsEntry("alertUrgency", "critical");
        assertThat(ArticleForm.fromValues(critical.values()).isCritical()).isTrue();

        ArticleForm unchecked = with(OPENED, OPENED.title(), OPENED.summary());
        assertThat(unchecked.request()).containsEntry("alertUrgency", "normal");
    }

    private static ArticleForm editorial(ArticleForm f, String pins, boolean excluded, String storyPackage) {
        return new ArticleForm(
                f.title(),
                f.summary(),
                f.body(),
                f.category(),
                f.tags(),
                f.author(),
                f.editor(),
                f.source(),
                f.imageUrl(),
                f.breaking(),
                pins,
                excluded,
                storyPackage,
                f.alertUrgency());
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
                f.breaking(),
                f.relatedPins(),
                f.excludeFromRelated(),
                f.storyPackage(),
                f.alertUrgency());
    }
}
