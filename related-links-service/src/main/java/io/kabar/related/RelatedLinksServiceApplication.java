package io.kabar.related;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Computes every article's "Baca Juga" list, publishes it on Kafka and serves it back over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RelatedLinksServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelatedLinksServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
