package io.kabar.trending.bench;

import io.kabar.schemas.PageView;
import io.kabar.schemas.serde.SchemaHistory;
import io.kabar.schemas.topics.Topics;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Throwaway gate: a plain consume-count-produce loop under transactions over the benchmark's backlog. */
final class CountingSpike {

    private CountingSpike() {}

    static double run(String bootstrap, int views, int pass) {
        Map<String, Object> c = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "trending-spike-" + pass,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        Map<String, Object> p = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "trending-spike-" + pass,
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        BinaryMessageDecoder<PageView> decoder =
                new BinaryMessageDecoder<>(SpecificData.getForClass(PageView.class), PageView.getClassSchema());
        SchemaHistory.released("PageView").forEach(decoder::addSchema);
        Map<String, List<long[]>> sessionTimes = new HashMap<>();
        Map<String, List<String>> sessionArticles = new HashMap<>();
        Map<String, List<String>> clientSessions = new HashMap<>();
        Map<String, long[]> pending = new HashMap<>();
        long streamTime = Long.MIN_VALUE;
        long grace = Duration.ofMinutes(5).toMillis();
        long interval = Duration.ofMinutes(30).toMillis();
        try (var consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(Topics.PAGE_VIEWS.name()));
            long start = System.nanoTime();
            long cpu = TrendingBenchmark.processCpuNanos();
            long read = 0;
            long lastCommit = System.nanoTime();
            long produced = 0;
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            PageView reuse = null;
            producer.beginTransaction();
            while (read < views) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    read++;
                    offsets.put(
                            new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                    PageView view;
                    try {
                        view = decoder.decode(new ByteArrayInputStream(record.value()), reuse);
                    } catch (Exception e) {
                        continue;
                    }
                    reuse = view;
                    long t = view.getViewedAt().toEpochMilli();
                    streamTime = Math.max(streamTime, t);
                    if (t < streamTime - grace) {
                        continue;
                    }
                    String article = view.getArticleId();
                    String session = view.getSessionId();
                    long minute = Math.floorDiv(t, 60_000L);
                    if (view.getClient() != null) {
                        List<String> s = clientSessions.computeIfAbsent(
                                article + "|" + view.getClient() + "|" + minute, k -> new ArrayList<>());
                        if (!s.contains(session)) {
                            if (s.size() >= 20) continue;
                            s.add(session);
                        }
                    }
                    List<long[]> times = sessionTimes.computeIfAbsent(session, k -> new ArrayList<>());
                    List<String> arts = sessionArticles.computeIfAbsent(session, k -> new ArrayList<>());
                    boolean dup = false;
                    int inMinute = 0;
                    for (int i = 0; i < arts.size(); i++) {
                        long v = times.get(i)[0];
                        if (arts.get(i).equals(article) && Math.abs(t - v) < interval) dup = true;
                        if (Math.floorDiv(v, 60_000L) == minute) inMinute++;
                    }
                    if (dup || inMinute >= 30) continue;
                    times.add(new long[] {t});
                    arts.add(article);
                    pending.computeIfAbsent(minute + "|" + article, k -> new long[1])[0]++;
                }
                if (System.nanoTime() - lastCommit > 100_000_000L || read >= views) {
                    for (var e : pending.entrySet()) {
                        producer.send(new ProducerRecord<>(
                                "trending-spike-counts", e.getKey(), Long.toString(e.getValue()[0])));
                        produced++;
                    }
                    pending.clear();
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                    producer.beginTransaction();
                    lastCommit = System.nanoTime();
                }
            }
            producer.abortTransaction();
            double rate = read / ((System.nanoTime() - start) / 1e9);
            System.out.printf(
                    "SPIKE counting loop: %,.0f views/s (CPU of the whole JVM: %.1f us per view; %,d count records, %,d sessions)%n",
                    rate,
                    (TrendingBenchmark.processCpuNanos() - cpu) / (double) read / 1e3,
                    produced,
                    sessionTimes.size());
            return rate;
        }
    }
}
