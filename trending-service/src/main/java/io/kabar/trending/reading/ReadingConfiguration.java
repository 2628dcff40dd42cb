package io.kabar.trending.reading;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.TrendingRanking;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the ranking board and keeps it fed from the compacted {@code news.trending}. */
@Configuration(proxyBeanMethods = false)
class ReadingConfiguration {

    @Bean
    RankingBoard rankingBoard(MeterRegistry meters) {
        RankingBoard board = new RankingBoard();
        Gauge.builder("kabar.trending.rankings", board, RankingBoard::size)
                .description("rankings held in the read model")
                .register(meters);
        return board;
    }

    @Bean
    TopicMirror<TrendingRanking> trendingMirror(KafkaClients clients, RankingBoard board) {
        return clients.mirror(Topics.TRENDING, board::apply);
    }
}
