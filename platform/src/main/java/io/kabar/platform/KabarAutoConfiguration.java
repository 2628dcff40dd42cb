package io.kabar.platform;

import io.kabar.platform.kafka.KafkaConfiguration;
import io.kabar.platform.web.ProblemAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires what every Kabar service shares: topics, Kafka clients with Avro, dead letters, health and problem details. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KabarKafkaProperties.class)
@Import(KafkaConfiguration.class)
public class KabarAutoConfiguration {

    /** Problem details for web services only; consumers without HTTP APIs skip it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        ProblemAdvice kabarProblemAdvice() {
            return new ProblemAdvice();
        }
    }
}
