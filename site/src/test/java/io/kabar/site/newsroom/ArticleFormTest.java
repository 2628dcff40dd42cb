package io.kabar.site.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleFormTest {

    private static final Map<String, Object> ARTICLE = Map.of(
            "title",
            "Judul",
            "paragraphs",
            List.of("Satu", "Dua"),
            "category",
            "Internasional",
            "tags",
            List.of("Rusia", "Korea Utara"),
            "author",
            "Ayu",
            "breaking",
            false,
            "relatedPins",
            List.of("pin-b", "pin-a"),
            "excludeFromRelated",
            true,
            "storyPackage",
            "putin-kim-2023");

    @Test
    void anArticleSavedUnchangedKeepsItsPinsExclusionAndStoryPackage() {
        Map<String, Object> request = ArticleForm.of(ARTICLE).request();

        assertThat(request)
                .containsEntry("relatedPins", List.of("pin-b", "pin-a"))
                .containsEntry("excludeFromRelated", true)
                .containsEntry("storyPackage", "putin-kim-2023")
                .containsEntry("tags", List.of("Rusia", "Korea Utara"))
                .containsEntry("body", "Satu\n\nDua");
    }

    @Test
    void theFormShowsPinsCommaSeparatedAndSendsThemTrimmedInOrder() {
        ArticleForm form = ArticleForm.of(ARTICLE);
        assertThat(form.values())
                .containsEntry("relatedPins", "pin-b, pin-a")
                .containsEntry("excludeFromRelated", "true")
                .containsEntry("storyPackage", "putin-kim-2023");

        ArticleForm typed = ArticleForm.fromValues(Map.of("relatedPins", " pin-c ,, pin-a ", "storyPackage", "  "));
        assertThat(typed.request())
                .containsEntry("relatedPins", List.of("pin-c", "pin-a"))
                .containsEntry("excludeFromRelated", false)
                .doesNotContainKey("storyPackage");
    }
}
