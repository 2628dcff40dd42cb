package io.kabar.site.newsroom;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The console's article form, field by field as the newsroom API names them: paragraphs separated by blank lines,
 * tags and pinned article ids by commas. Every save sends the editorial controls of "Baca Juga" too, because a
 * {@code PUT} that leaves them out clears them; likewise the alert's urgency, which only editors see.
 */
record ArticleForm(
        String title,
        String summary,
        String body,
        String category,
        String tags,
        String author,
        String editor,
        String source,
        String imageUrl,
        Boolean breaking,
        String relatedPins,
        Boolean excludeFromRelated,
        String storyPackage,
        String alertUrgency) {

    /** The fields in the order the form shows them, with their Indonesian labels. */
    static final Map<String, String> LABELS = labels();

    static ArticleForm empty() {
        return new ArticleForm("", "", "", "", "", "", "", "", "", false, "", false, "", "normal");
    }

    /** The form filled from an article as article-service answers it. */
    static ArticleForm of(Map<String, Object> article) {
        return new ArticleForm(
                text(article.get("title")),
                text(article.get("summary")),
                String.join("\n\n", strings(article.get("paragraphs"))),
                text(article.get("category")),
                String.join(", ", strings(article.get("tags"))),
                text(article.get("author")),
                text(article.get("editor")),
                text(article.get("source")),
                text(article.get("imageUrl")),
                Boolean.TRUE.equals(article.get("breaking")),
                String.join(", ", strings(article.get("relatedPins"))),
                Boolean.TRUE.equals(article.get("excludeFromRelated")),
                text(article.get("storyPackage")),
                text(article.get("alertUrgency")));
    }

    /** The request body article-service takes; blank optional fields are left out. */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", text(title));
        body.put("body", text(this.body));
        body.put("category", text(category));
        body.put("tags", items(tags));
        body.put("author", text(author));
        putIfPresent(body, "summary", summary);
        putIfPresent(body, "editor", editor);
        putIfPresent(body, "source", source);
        putIfPresent(body, "imageUrl", imageUrl);
        body.put("breaking", isBreaking());
        body.put("relatedPins", items(relatedPins));
        body.put("excludeFromRelated", isExcludedFromRelated());
        putIfPresent(body, "storyPackage", storyPackage);
        body.put("alertUrgency", isCritical() ? "critical" : "normal");
        return body;
    }

    public boolean isBreaking() {
        return Boolean.TRUE.equals(breaking);
    }

    public boolean isCritical() {
        return "critical".equals(alertUrgency);
    }

    public boolean isExcludedFromRelated() {
        return Boolean.TRUE.equals(excludeFromRelated);
    }

    /** Each field's value as text, keyed as {@link #LABELS} is (public: the templates read it). */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", text(title));
        values.put("summary", text(summary));
        values.put("body", text(body).replace("\r\n", "\n").strip());
        values.put("category", text(category));
        values.put("tags", String.join(", ", items(tags)));
        values.put("author", text(author));
        values.put("editor", text(editor));
        values.put("source", text(source));
        values.put("imageUrl", text(imageUrl));
        values.put("breaking", String.valueOf(isBreaking()));
        values.put("relatedPins", String.join(", ", items(relatedPins)));
        values.put("excludeFromRelated", String.valueOf(isExcludedFromRelated()));
        values.put("storyPackage", text(storyPackage).strip());
        values.put("alertUrgency", isCritical() ? "critical" : "normal");
        return values;
    }

    static ArticleForm fromValues(Map<String, String> v) {
        return new ArticleForm(
                v.get("title"),
                v.get("summary"),
                v.get("body"),
                v.get("category"),
                v.get("tags"),
                v.get("author"),
                v.get("editor"),
                v.get("source"),
                v.get("imageUrl"),
                Boolean.parseBoolean(v.get("breaking")),
                v.get("relatedPins"),
                Boolean.parseBoolean(v.get("excludeFromRelated")),
                v.get("storyPackage"),
                v.get("alertUrgency"));
    }

    private static void putIfPresent(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    /** A comma-separated field (tags, pinned ids) as its non-blank items, in order. */
    private static List<String> items(String field) {
        return Arrays.stream(text(field).split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(Objects::toString).toList()
                : List.of();
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("title", "Judul");
        labels.put("summary", "Ringkasan");
        labels.put("body", "Isi");
        labels.put("category", "Kategori");
        labels.put("tags", "Tags");
        labels.put("author", "Penulis");
        labels.put("editor", "Editor");
        labels.put("source", "Sumber");
        labels.put("imageUrl", "Gambar (URL)");
        labels.put("breaking", "Berita terkini (breaking)");
        labels.put("relatedPins", "Baca Juga disematkan");
        labels.put("excludeFromRelated", "Tidak tampil di Baca Juga artikel lain");
        labels.put("storyPackage", "Paket berita");
        labels.put("alertUrgency", "Peringatan kritis (melewati jam tenang)");
        return labels;
    }
}
