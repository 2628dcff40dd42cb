package io.kabar.platform;

import io.kabar.platform.kafka.KafkaSecurity;
import io.kabar.platform.web.ManagementPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Gives every Kabar service the same defaults (quiet Kafka logs, Actuator probes and Prometheus on a management port
 * of its own, the local broker address) as Spring Boot default properties, the lowest precedence of all: a service's own configuration, the
 * environment and an application's own default properties all win.
 */
public final class KabarDefaults implements EnvironmentPostProcessor {

    private static final String DEFAULTS = "kabar-defaults.properties";
    private static final String DEFAULT_PROPERTIES = "defaultProperties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> merged = new LinkedHashMap<>();
        try {
            PropertiesLoaderUtils.loadProperties(new ClassPathResource(DEFAULTS))
                    .forEach((k, v) -> merged.put((String) k, v));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
        PropertySource<?> existing = environment.getPropertySources().get(DEFAULT_PROPERTIES);
        if (existing instanceof MapPropertySource map) {
            merged.putAll(map.getSource());
            environment
                    .getPropertySources()
                    .replace(DEFAULT_PROPERTIES, new MapPropertySource(DEFAULT_PROPERTIES, merged));
        } else if (existing == null) {
            environment.getPropertySources().addLast(new MapPropertySource(DEFAULT_PROPERTIES, merged));
        } else {
            // Not a map to merge into: rank just above it, still below everything else.
            environment
                    .getPropertySources()
                    .addBefore(DEFAULT_PROPERTIES, new MapPropertySource("kabarDefaults", merged));
        }
        environment.getPropertySources().addLast(new ManagementPort(environment));
        addKafkaSecurity(environment);
    }

    /**
     * Turns {@code KABAR_KAFKA_SECURITY_PROTOCOL}, {@code KABAR_KAFKA_SASL_*} and {@code KABAR_KAFKA_SSL_TRUSTSTORE}
     * into {@code spring.kafka.properties.*}, which every producer, consumer, admin and Streams client of the service
     * gets; explicit {@code spring.kafka.properties.*} settings still win. A service that logs in to a secured cluster
     * does not create or grow topics at start ({@code spring.kafka.admin.auto-create=false} unless set): its principal
     * may not, and the operators' {@code Acls apply} creates them as the super user before the services start.
     */
    private static void addKafkaSecurity(ConfigurableEnvironment environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        KafkaSecurity.from(environment::getProperty)
                .clientProperties()
                .forEach((key, value) -> properties.put("spring.kafka.properties." + key, value));
        if (!properties.isEmpty()) {
            properties.put("spring.kafka.admin.auto-create", "false");
            environment.getPropertySources().addLast(new MapPropertySource("kabarKafkaSecurity", properties));
        }
    }
}
