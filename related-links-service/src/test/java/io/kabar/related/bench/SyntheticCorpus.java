package io.kabar.related.bench;

import io.kabar.related.ranking.Story;
import io.kabar.testing.load.SyntheticNews;
import java.time.Instant;
import java.util.Random;

/** test-support's {@link SyntheticNews} as the ranking's stories. */
final class SyntheticCorpus {

    static final Instant NOW = SyntheticNews.NOW;

    private final SyntheticNews news;

    SyntheticCorpus(Random random) {
        this.news = new SyntheticNews(random);
    }

    static String id(int n) {
        return SyntheticNews.id(n);
    }

    Story story(int n) {
        SyntheticNews.Item item = news.item(n);
        return new Story(
                item.id(),
                1,
                item.title(),
                item.paragraphs(),
                item.category(),
                item.tags(),
                item.publishedAt(),
                "https://kabar.example/" + item.id());
    }
}
