package io.kabar.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Gives every Kabar service the same defaults (quiet Kafka logs, Actuator probes and Prometheus, problem details,
 * the local broker address) at the lowest precedence, so a service's own configuration and the environment win.
 */
public final class KabarDefaults implements EnvironmentPostProcessor {

    private static final String DEFAULTS = "kabar-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("kabarDefaults", new ClassPathResource(DEFAULTS)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
    }
}
