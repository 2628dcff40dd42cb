package io.kabar.trending.bench;

import io.kabar.schemas.serde.SchemaRegistry;
import io.kabar.trending.counting.Counting;
import io.kabar.trending.counting.CountingOptions;
import io.kabar.trending.ranking.TrendingSettings;
import io.kabar.trending.ranking.TrendingTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/** What trending-service runs: the counting loops and the ranking topology, as one static member, on one state dir. */
final class Pipeline implements AutoCloseable {

    private final String countingGroup;
    private final Counting counting;
    private final KafkaStreams streams;

    Pipeline(TrendingSettings settings, Properties streamsProps) {
        String bootstrap = streamsProps.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        Path stateDir = Path.of(streamsProps.getProperty(StreamsConfig.STATE_DIR_CONFIG));
        this.countingGroup =
                TrendingTopology.countingGroup(streamsProps.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
        this.counting = new Counting(new CountingOptions(
                settings,
                countingGroup,
                streamsProps.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
                Optional.of(streamsProps.getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)),
                stateDir,
                Duration.ofMillis(Long.getLong("bench.countingCommitMs", 100)),
                Integer.getInteger("bench.countingThreads", 1),
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                SchemaRegistry.NONE,
                (record, error) -> System.out.println("dead letter: " + error)));
        this.streams = new KafkaStreams(new TrendingTopology(settings).build(), streamsProps);
    }

    String countingGroup() {
        return countingGroup;
    }

    KafkaStreams streams() {
        return streams;
    }

    Counting counting() {
        return counting;
    }

    void start() {
        streams.start();
        counting.start();
    }

    boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING && counting.ready();
    }

    @Override
    public void close() throws InterruptedException {
        counting.close();
        streams.close();
    }
}
