package io.kabar.trending;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Takes in reader page views, counts them with Kafka Streams and serves the "Terpopuler" rankings. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrendingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrendingServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
