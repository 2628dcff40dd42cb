package io.kabar.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docker-compose.yml} in step with the services Kafka knows: a service added to {@link Service} without
 * a password, a volume and a login in the compose file would make {@code kafka-setup} fail (it sets every service's
 * SCRAM password) or leave the service unable to log in.
 */
class ComposePrincipalsTest {

    @Test
    void everyServiceLogsInToTheComposeClusterAsItsOwnPrincipal() throws IOException {
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));
        String init = Files.readString(Path.of("..", "scripts", "kafka-init", "certs.sh"));

        for (Service service : Service.values()) {
            String user = service.user();
            assertThat(compose)
                    .as(user + " logs in as itself")
                    .contains("KABAR_KAFKA_SASL_USERNAME: \"" + user + "\"")
                    .as(user + "'s password volume, mounted into the service")
                    .contains("secrets-" + user + ":/run/kabar-secrets:ro")
                    .as(user + "'s password volume, for kafka-init and kafka-setup")
                    .contains("secrets-" + user + ":/secrets/" + user + "\n")
                    .contains("secrets-" + user + ":/secrets/" + user + ":ro");
            assertThat(init)
                    .as("kafka-init makes " + user + "'s password")
                    .containsPattern("SERVICES=\"[^\"]*\\b" + user + "\\b");
        }
    }
}
