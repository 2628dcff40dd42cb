package io.kabar.related.bench;

import io.kabar.related.index.StoryRecords;
import io.kabar.related.ranking.Story;
import io.kabar.related.ranking.StoryIndex;
import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Indexing while consuming: article events read from {@code news.articles} on a real broker, decoded and indexed as
 * the service's mirror does, next to a raw consumer reading the same records in the same run.
 */
public final class ConsumingIndexBenchmark {

    private static final int PARTITIONS = 6;

    private ConsumingIndexBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (KafkaBroker broker =
                KafkaBroker.start(PARTITIONS).createTopics(PARTITIONS, List.of(Topics.ARTICLES.name()))) {
            write(broker.bootstrapServers(), articles);
            double raw = consume(broker.bootstrapServers(), articles, new ByteArrayDeserializer(), value -> {});
            try (StoryIndex index = new StoryIndex()) {
                double indexing = consume(
                        broker.bootstrapServers(),
                        articles,
                        new AvroDeserializer<>(ArticleEvent.class),
                        event -> index.upsert(StoryRecords.fromAvro(event.getArticle())));
                System.out.printf(
                        "%,d article events: raw consumer %,.0f records/s; consumed and indexed %,.0f articles/s"
                                + " = %.3f x raw (index holds %,d)%n",
                        articles, raw, indexing, indexing / raw, index.size());
            }
        }
    }

    private static void write(String bootstrap, int articles) throws Exception {
        SyntheticCorpus corpus = new SyntheticCorpus(new Random(42));
        // One request in flight: a pipelining idempotent producer on a just-created topic can retry into out-of-order
        // sequence errors it never leaves (seen with Kafka 4.1); writing the input is not what is measured.
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1,
                ProducerConfig.LINGER_MS_CONFIG,
                20);
        try (var producer =
                new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(ArticleEvent.class))) {
            for (int i = 0; i < articles; i++) {
                Story story = corpus.story(i);
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), story.id(), event(story)));
            }
            producer.flush();
        }
    }

    /** Reads {@code count} records from the start of the topic, handing each value on; answers records per second. */
    private static <V> double consume(
            String bootstrap, int count, Deserializer<V> values, java.util.function.Consumer<V> action) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (Consumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            int seen = 0;
            while (seen < count) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    action.accept(record.value());
                    seen++;
                }
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static ArticleEvent event(Story story) {
        Article article = Article.newBuilder()
                .setId(story.id())
                .setRevision(story.revision())
                .setSlug(story.id())
                .setUrl(story.url())
                .setTitle(story.title())
                .setBody(story.paragraphs())
                .setCategory(story.category())
                .setTags(story.tags())
                .setAuthor("Redaksi")
                .setPublishedAt(story.publishedAt())
                .setUpdatedAt(story.publishedAt())
                .build();
        return ArticleEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventType(ArticleEventType.PUBLISHED)
                .setOccurredAt(story.publishedAt())
                .setArticle(article)
                .build();
    }
}
