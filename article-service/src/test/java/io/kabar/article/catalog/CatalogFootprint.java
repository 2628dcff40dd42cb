package io.kabar.article.catalog;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Measures how much heap article-service's read model takes per news-sized article, and so how many fit per GiB. */
public final class CatalogFootprint {

    private static final int ARTICLES = Integer.getInteger("bench.articles", 20_000);

    private CatalogFootprint() {}

    public static void main(String[] args) {
        long before = usedHeapAfterGc();
        ArticleCatalog catalog = new ArticleCatalog();
        Instant now = Instant.now();
        for (int i = 0; i < ARTICLES; i++) {
            String id = UUID.randomUUID().toString();
            catalog.apply(new Article(
                    id,
                    1,
                    "judul-berita-" + i,
                    "https://kabar.example/judul-berita-" + i,
                    "Judul berita nomor " + i + " tentang ekonomi dan politik",
                    "Ringkasan berita nomor " + i,
                    paragraphs(i),
                    "id",
                    "Ekonomi",
                    List.of("ekonomi", "politik", "jakarta"),
                    "Redaksi",
                    "Editor",
                    "Kabar",
                    null,
                    now.minusSeconds(i),
                    now,
                    false,
                    Editorial.NONE,
                    Article.Status.PUBLISHED,
                    null));
        }
        long perArticle = (usedHeapAfterGc() - before) / ARTICLES;
        System.out.printf(
                "read model: %d articles of ~4,700 characters, %,d bytes of heap each, %,d articles per GiB%n",
                catalog.size(), perArticle, (1L << 30) / perArticle);
    }

    /** Eighteen distinct paragraphs of about 260 characters: the size of the seed page. */
    private static List<String> paragraphs(int article) {
        return IntStream.range(0, 18)
                .mapToObj(p -> ("Paragraf " + p + " dari berita " + article + " menceritakan "
                                + "pertemuan para pemimpin, kerja sama ekonomi dan militer, serta tanggapan para analis. ")
                        .repeat(2))
                .toList();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
