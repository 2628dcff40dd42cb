package io.kabar.article.publishing;

import io.kabar.article.ArticleServiceApplication;
import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleRecords;
import io.kabar.article.catalog.Editorial;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.testing.KafkaBroker;
import io.kabar.testing.TestTokens;
import io.kabar.testing.load.ClosedLoop;
import io.kabar.testing.load.HttpLoad;
import io.kabar.testing.load.Measurement;
import io.kabar.testing.load.RawProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures article publishing against raw Kafka in one run on one broker: raw producer throughput for records the
 * size of a serialized {@link ArticleEvent}, the service's own publish path in-process, and HTTP publishing.
 * Test-scope code in the publishing package, so that it drives {@link ArticleCommands} (command, owner's
 * transaction, outcome) as the controller does.
 */
public final class ArticleBenchmark {

    private static final int CALLERS = Integer.getInteger("bench.callers", 8);
    private static final int RAW_RECORDS = Integer.getInteger("bench.raw", 50_000);
    private static final int PUBLISHES = Integer.getInteger("bench.publishes", 4_000);
    private static final int WARM_UP = 300;
    private static final Caller BENCHMARK = new Caller("benchmark", false);

    private ArticleBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(6);
                ConfigurableApplicationContext service = startService(broker.bootstrapServers())) {
            byte[] event = serializedSampleEvent();
            RawProducer raw = new RawProducer(broker.bootstrapServers(), event);
            ArticleCommands publisher = service.getBean(ArticleCommands.class);
            String url = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) service).getWebServer().getPort() + "/api/articles";
            HttpLoad http = new HttpLoad();
            String token = TestTokens.writer();

            raw.pipelined(WARM_UP * 10);
            publishInProcess(publisher, WARM_UP, "warm-up");
            http.run(
                    "warm-up",
                    WARM_UP,
                    CALLERS,
                    201,
                    i -> HttpLoad.postJson(url, token, requestJson("Pemanasan " + i)));

            Measurement ceiling = raw.pipelined(RAW_RECORDS);
            Measurement sameShape = raw.transactionPerRecord(PUBLISHES, CALLERS);
            Measurement inProcess = publishInProcess(
                    publisher, PUBLISHES, "article-service publish path, in-process, " + CALLERS + " callers");
            Measurement overHttp = http.run(
                    "HTTP POST /api/articles, " + CALLERS + " callers",
                    PUBLISHES,
                    CALLERS,
                    201,
                    i -> HttpLoad.postJson(url, token, requestJson("Berita uji beban nomor " + i)));

            System.out.printf(
                    "%nArticle publishing on %d cores, record size %d bytes (serialized ArticleEvent)%n",
                    Runtime.getRuntime().availableProcessors(), event.length);
            for (Measurement m : List.of(ceiling, sameShape, inProcess, overHttp)) {
                System.out.println(m.line(ceiling));
            }
            System.out.printf(
                    "publish path vs raw with the same shape (1 record per transaction): %.3f x%n",
                    inProcess.perSecond() / sameShape.perSecond());
            System.out.printf(
                    "HTTP vs raw with the same shape: %.3f x%n", overHttp.perSecond() / sameShape.perSecond());
        }
    }

    private static ConfigurableApplicationContext startService(String bootstrap) throws InterruptedException {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ArticleServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--kabar.auth.public-key-location=" + TestTokens.publicKeyLocation(),
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--server.tomcat.threads.max=64",
                        // Every load client is on 127.0.0.1: the per-client write limit would measure itself.
                        "--kabar.limits.rates.article-writes.requests=1000000000");
        for (TopicMirror<?> mirror : context.getBeansOfType(TopicMirror.class).values()) {
            mirror.awaitCaughtUp(Duration.ofSeconds(60));
        }
        return context;
    }

    private static Measurement publishInProcess(ArticleCommands publisher, int count, String name) throws Exception {
        return ClosedLoop.run(
                name, count, CALLERS, i -> publisher.publish(draft(name + " " + i), BENCHMARK, null, null));
    }

    /** A news-sized article: eighteen paragraphs of about 250 characters, like the seed page. */
    private static List<String> paragraphs() {
        return IntStream.range(0, 18)
                .mapToObj(i -> ("Paragraf " + i + " menceritakan pertemuan para pemimpin, "
                                + "kerja sama ekonomi dan militer, serta tanggapan para analis di Jakarta dan di luar negeri. ")
                        .repeat(2)
                        .strip())
                .toList();
    }

    private static ArticleDraft draft(String title) {
        return new ArticleDraft(
                title,
                null,
                paragraphs(),
                "id",
                "Internasional",
                List.of("rusia", "korea-utara"),
                "Redaksi",
                "Editor",
                "Kabar",
                null,
                null,
                false,
                Editorial.NONE,
                null);
    }

    private static String requestJson(String title) {
        return JsonMapper.builder()
                .build()
                .writeValueAsString(Map.of(
                        "title",
                        title,
                        "body",
                        String.join("\n\n", paragraphs()),
                        "category",
                        "Internasional",
                        "tags",
                        List.of("rusia", "korea-utara"),
                        "author",
                        "Redaksi"));
    }

    private static byte[] serializedSampleEvent() {
        Instant now = Instant.now();
        Article article = new Article(
                UUID.randomUUID().toString(),
                1,
                "contoh",
                "https://kabar.example/contoh",
                "Contoh judul berita yang panjangnya wajar",
                null,
                paragraphs(),
                "id",
                "Internasional",
                List.of("rusia", "korea-utara"),
                "Redaksi",
                "Editor",
                "Kabar",
                null,
                now,
                now,
                false,
                Editorial.NONE,
                Article.Status.PUBLISHED,
                null);
        ArticleEvent event = ArticleRecords.toEvent(article, ArticleEventType.PUBLISHED, now, "benchmark");
        return new AvroSerializer<>(ArticleEvent.class).serialize("bench", event);
    }
}
