package io.kabar.trending.streams;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.trending.TrendingProperties;
import io.kabar.trending.counting.Counting;
import io.kabar.trending.counting.CountingOptions;
import io.kabar.trending.ranking.TrendingTopology;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;

/**
 * Runs the counting loops beside the ranking topology, in the group {@code <application id>-counting}, as the same
 * static member as the Streams side and with their snapshots in the same state directory.
 */
@Configuration(proxyBeanMethods = false)
class CountingConfiguration {

    /** Closed before the state directory (a dependency) is deleted, so its snapshots land there. */
    @Bean(destroyMethod = "close")
    Counting trendingCounting(
            TrendingProperties properties,
            KafkaClients clients,
            KafkaStreamsConfiguration streamsConfig,
            StateDirectory stateDirectory,
            GroupMembership membership,
            DeadLetters trendingDeadLetters) {
        String applicationId = streamsConfig.asProperties().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        return new Counting(new CountingOptions(
                properties.settings(),
                TrendingTopology.countingGroup(applicationId),
                applicationId,
                membership.instanceId(),
                stateDirectory.path(),
                properties.countingCommitInterval(),
                properties.countingThreads(),
                clients.consumerProperties(),
                clients.producerProperties(),
                clients.schemaRegistry(),
                trendingDeadLetters::accept));
    }

    @Bean
    CountingLifecycle trendingCountingLifecycle(Counting counting) {
        return new CountingLifecycle(counting);
    }

    @Bean("counting")
    CountingHealthIndicator countingHealthIndicator(Counting counting) {
        return new CountingHealthIndicator(counting);
    }
}
