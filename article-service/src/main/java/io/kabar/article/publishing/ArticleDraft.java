package io.kabar.article.publishing;

import io.kabar.article.catalog.AlertUrgency;
import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.Editorial;
import java.time.Instant;
import java.util.List;

/** The newsroom's content of an article, before it gets an id, revision, slug and URL. */
record ArticleDraft(
        String title,
        String summary,
        List<String> paragraphs,
        String language,
        String category,
        List<String> tags,
        String author,
        String editor,
        String source,
        String imageUrl,
        Instant publishedAt,
        boolean breaking,
        Editorial editorial,
        AlertUrgency alertUrgency) {

    private static final int SUMMARY_LENGTH = 200;

    ArticleDraft {
        editorial = editorial == null ? Editorial.NONE : editorial;
        alertUrgency = alertUrgency == null ? AlertUrgency.NORMAL : alertUrgency;
    }

    /** Whether this draft asks for what only {@code articles:breaking} may: breaking news or a critical alert. */
    boolean critical() {
        return alertUrgency == AlertUrgency.CRITICAL;
    }

    /** The given summary, or the first paragraph cut at a word boundary. */
    String summaryOrLead() {
        if (summary != null) {
            return summary;
        }
        String lead = paragraphs.isEmpty() ? "" : paragraphs.get(0);
        if (lead.length() <= SUMMARY_LENGTH) {
            return lead;
        }
        int cut = lead.lastIndexOf(' ', SUMMARY_LENGTH);
        return lead.substring(0, cut > 0 ? cut : SUMMARY_LENGTH) + "…";
    }

    /** The published article this draft becomes at the given identity, address and times. */
    Article published(String id, long revision, String slug, String url, Instant publishedAt, Instant updatedAt) {
        return new Article(
                id,
                revision,
                slug,
                url,
                title,
                summaryOrLead(),
                paragraphs,
                language,
                category,
                tags,
                author,
                editor,
                source,
                imageUrl,
                publishedAt,
                updatedAt,
                breaking,
                editorial,
                Article.Status.PUBLISHED,
                alertUrgency);
    }
}
