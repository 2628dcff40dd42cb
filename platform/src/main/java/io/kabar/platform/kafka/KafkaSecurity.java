package io.kabar.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How a Kabar process authenticates to Kafka, from {@code KABAR_KAFKA_SECURITY_PROTOCOL}, {@code
 * KABAR_KAFKA_SASL_MECHANISM}, {@code KABAR_KAFKA_SASL_USERNAME}, {@code KABAR_KAFKA_SASL_PASSWORD} (or {@code
 * KABAR_KAFKA_SASL_PASSWORD_FILE}, a file holding it) and {@code KABAR_KAFKA_SSL_TRUSTSTORE} (a PEM file of the CAs to
 * trust), turned into Kafka client settings. The password only ever reaches {@code sasl.jaas.config}, which Kafka
 * prints as {@code [hidden]}; {@link #toString()} leaves it out.
 *
 * @param protocol   PLAINTEXT (default), SSL, SASL_PLAINTEXT or SASL_SSL
 * @param mechanism  SCRAM-SHA-512 (default), SCRAM-SHA-256 or PLAIN
 * @param username   the principal's user name; required with SASL
 * @param password   its password; required with SASL
 * @param truststore path of a PEM file of trusted CA certificates; empty for the JVM's default trust
 * @param keystore   path of a PKCS12 keystore with a client certificate, for clients that log in by TLS certificate
 *                   (the operators' admin over SSL); its password from {@code KABAR_KAFKA_SSL_KEYSTORE_PASSWORD}
 * @param keystorePassword the keystore's password
 */
public record KafkaSecurity(
        SecurityProtocol protocol,
        String mechanism,
        String username,
        String password,
        String truststore,
        String keystore,
        String keystorePassword) {

    private static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    public KafkaSecurity {
        if (!MECHANISMS.contains(mechanism)) {
            throw new IllegalArgumentException(
                    "KABAR_KAFKA_SASL_MECHANISM must be one of " + MECHANISMS + ", not " + mechanism);
        }
        if (sasl(protocol) && (username.isBlank() || password.isEmpty())) {
            throw new IllegalArgumentException("KABAR_KAFKA_SECURITY_PROTOCOL=" + protocol
                    + " needs KABAR_KAFKA_SASL_USERNAME and KABAR_KAFKA_SASL_PASSWORD");
        }
    }

    /**
     * Reads the settings through {@code lookup}, which answers a property name in Spring's canonical form ({@code
     * kabar.kafka.sasl.username}) or null; Spring's relaxed binding maps the environment variables onto these.
     */
    public static KafkaSecurity from(UnaryOperator<String> lookup) {
        return new KafkaSecurity(
                SecurityProtocol.forName(or(lookup.apply("kabar.kafka.security.protocol"), "PLAINTEXT")),
                or(lookup.apply("kabar.kafka.sasl.mechanism"), "SCRAM-SHA-512"),
                or(lookup.apply("kabar.kafka.sasl.username"), ""),
                password(lookup),
                or(lookup.apply("kabar.kafka.ssl.truststore"), ""),
                or(lookup.apply("kabar.kafka.ssl.keystore"), ""),
                or(lookup.apply("kabar.kafka.ssl.keystore.password"), ""));
    }

    private static String password(UnaryOperator<String> lookup) {
        String file = lookup.apply("kabar.kafka.sasl.password.file");
        if (file == null || file.isBlank()) {
            return or(lookup.apply("kabar.kafka.sasl.password"), "");
        }
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KABAR_KAFKA_SASL_PASSWORD_FILE " + file, e);
        }
    }

    /** Reads the settings from environment variables, for command-line tools outside Spring. */
    public static KafkaSecurity fromEnvironment(Map<String, String> env) {
        return from(name -> env.get(name.toUpperCase().replace('.', '_').replace("-", "")));
    }

    /** The Kafka client settings (producer, consumer, admin and Streams alike); empty for plaintext. */
    public Map<String, String> clientProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        if (protocol == SecurityProtocol.PLAINTEXT) {
            return props;
        }
        props.put("security.protocol", protocol.name);
        if (sasl(protocol)) {
            props.put("sasl.mechanism", mechanism);
            String module = mechanism.equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            props.put(
                    "sasl.jaas.config",
                    module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";");
        }
        if (!truststore.isBlank()) {
            props.put("ssl.truststore.type", "PEM");
            props.put("ssl.truststore.location", truststore);
        }
        if (!keystore.isBlank()) {
            props.put("ssl.keystore.type", "PKCS12");
            props.put("ssl.keystore.location", keystore);
            props.put("ssl.keystore.password", keystorePassword);
        }
        return props;
    }

    @Override
    public String toString() {
        return "KafkaSecurity[" + protocol + (sasl(protocol) ? " " + mechanism + " as " + username : "") + "]";
    }

    private static boolean sasl(SecurityProtocol protocol) {
        return protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL;
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
