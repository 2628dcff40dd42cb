package io.kabar.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    @Test
    void plaintextByDefaultAddsNoClientSettings() {
        assertThat(KafkaSecurity.fromEnvironment(Map.of()).clientProperties()).isEmpty();
    }

    @Test
    void scramOverTlsFromTheEnvironment() {
        KafkaSecurity security = KafkaSecurity.fromEnvironment(Map.of(
                "KABAR_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KABAR_KAFKA_SASL_USERNAME", "notification-service",
                "KABAR_KAFKA_SASL_PASSWORD", "s3cr\"et",
                "KABAR_KAFKA_SSL_TRUSTSTORE", "/certs/ca.crt"));

        assertThat(security.clientProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                + " username=\"notification-service\" password=\"s3cr\\\"et\";")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/certs/ca.crt");
        assertThat(security.toString()).contains("notification-service").doesNotContain("s3cr");
    }

    @Test
    void saslWithoutCredentialsIsRefusedAtStart() {
        assertThatThrownBy(() -> KafkaSecurity.fromEnvironment(Map.of("KABAR_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")))
                .hasMessageContaining("KABAR_KAFKA_SASL_USERNAME");
        assertThatThrownBy(() -> KafkaSecurity.fromEnvironment(Map.of("KABAR_KAFKA_SASL_MECHANISM", "GSSAPI")))
                .hasMessageContaining("KABAR_KAFKA_SASL_MECHANISM");
    }
}
