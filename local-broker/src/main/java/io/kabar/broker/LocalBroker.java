package io.kabar.broker;

import java.nio.file.Path;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a real single-node KRaft Kafka broker in the foreground, with its data in a local folder, for the local stack. */
public final class LocalBroker {

    private static final Logger log = LoggerFactory.getLogger(LocalBroker.class);

    private LocalBroker() {}

    public static void main(String[] args) throws Exception {
        BrokerOptions options;
        try {
            options = BrokerOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path serverProperties = BrokerConfig.write(options);
        if (StorageFormat.formatIfNeeded(options, serverProperties)) {
            log.info("Formatted new Kafka storage in {}", options.dataDir());
        }

        // KafkaRaftServer rather than kafka.Kafka.main: startup() returns only once the broker is
        // unfenced, so the "listening" line below is true when printed, and nothing calls System.exit.
        KafkaRaftServer server =
                new KafkaRaftServer(KafkaConfig.fromProps(BrokerConfig.properties(options), false), Time.SYSTEM);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("Stopping Kafka broker");
                            server.shutdown();
                            log.info("Kafka broker stopped");
                        },
                        "kabar-broker-shutdown"));
        try {
            server.startup();
        } catch (Throwable e) {
            log.error("Kafka broker failed to start", e);
            System.exit(1);
        }
        log.info("Kafka broker listening on {}, data in {}", options.bootstrapServers(), options.dataDir());
        server.awaitShutdown();
    }
}
