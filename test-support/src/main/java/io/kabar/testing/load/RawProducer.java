package io.kabar.testing.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka producers writing opaque records of a given size: the baselines that Kabar's paths are compared with. */
public final class RawProducer {

    private final String bootstrap;
    private final byte[] value;

    public RawProducer(String bootstrap, byte[] value) {
        this.bootstrap = bootstrap;
        this.value = value;
    }

    /** The ceiling: one idempotent acks=all producer sending asynchronously as fast as it can, then flushing. */
    public Measurement pipelined(int records) throws Exception {
        String topic = topic(6);
        try (KafkaProducer<String, byte[]> producer = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 5))) {
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
            }
            producer.flush();
            return Measurement.throughput("raw Kafka, async idempotent acks=all", records, System.nanoTime() - start);
        }
    }

    /**
     * The same shape as a request-driven writer: {@code threads} callers each sending one record in its own
     * transaction and waiting for the commit.
     */
    public Measurement transactionPerRecord(int records, int threads) throws Exception {
        String topic = topic(6);
        return ClosedLoop.run("raw Kafka, 1 record per transaction, " + threads + " callers", records, threads, () -> {
            KafkaProducer<String, byte[]> producer = producer(Map.of(
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    "bench-" + UUID.randomUUID(),
                    ProducerConfig.LINGER_MS_CONFIG,
                    0));
            producer.initTransactions();
            return new OneRecordTransactions(producer, topic, value);
        });
    }

    /** One caller's transactional producer, committing one record per transaction. */
    private record OneRecordTransactions(KafkaProducer<String, byte[]> producer, String topic, byte[] value)
            implements ClosedLoop.Operation, AutoCloseable {

        @Override
        public void run(int number) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
            producer.commitTransaction();
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    private KafkaProducer<String, byte[]> producer(Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true));
        props.putAll(overrides);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A new topic whose partitions have each taken one record: a pipelined idempotent producer that meets a
     * partition before its leader is known retries into out-of-order sequence errors on Kafka 4.1 and never recovers.
     */
    private String topic(int partitions) throws ExecutionException, InterruptedException {
        String name = "bench.raw." + UUID.randomUUID();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get();
        }
        try (KafkaProducer<String, byte[]> primer = producer(Map.of())) {
            for (int partition = 0; partition < partitions; partition++) {
                primer.send(new ProducerRecord<>(name, partition, "primer", value))
                        .get();
            }
        }
        return name;
    }
}
