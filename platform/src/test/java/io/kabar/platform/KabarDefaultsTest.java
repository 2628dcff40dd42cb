package io.kabar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KabarDefaultsTest {

    @Test
    void aServiceOnAnUnsecuredBrokerCreatesItsTopics() {
        StandardEnvironment environment = environmentWith(Map.of());

        assertThat(environment.getProperty("spring.kafka.admin.auto-create", Boolean.class, true))
                .isTrue();
        assertThat(environment.getProperty("spring.kafka.properties.security.protocol"))
                .isNull();
    }

    @Test
    void aServiceLoggedInAsItsOwnPrincipalLeavesTopicCreationToTheAdmin() {
        StandardEnvironment environment = environmentWith(Map.of(
                "kabar.kafka.security.protocol", "SASL_PLAINTEXT",
                "kabar.kafka.sasl.mechanism", "PLAIN",
                "kabar.kafka.sasl.username", "related-links-service",
                "kabar.kafka.sasl.password", "secret"));

        assertThat(environment.getProperty("spring.kafka.admin.auto-create", Boolean.class, true))
                .isFalse();
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism"))
                .isEqualTo("PLAIN");
    }

    @Test
    void anOperatorMayStillLetAPrivilegedPrincipalCreateTopics() {
        StandardEnvironment environment = environmentWith(Map.of(
                "kabar.kafka.security.protocol", "SASL_PLAINTEXT",
                "kabar.kafka.sasl.username", "article-service",
                "kabar.kafka.sasl.password", "secret",
                "spring.kafka.admin.auto-create", "true"));

        assertThat(environment.getProperty("spring.kafka.admin.auto-create", Boolean.class))
                .isTrue();
    }

    private static StandardEnvironment environmentWith(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new KabarDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
