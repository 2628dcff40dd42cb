package io.kabar.platform.web;

import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Puts Actuator on a port of its own, the service port plus {@value #OFFSET} unless {@code kabar.management.port}
 * ({@code KABAR_MANAGEMENT_PORT}) says otherwise, computed when asked so that every way of setting
 * {@code server.port} counts. A random service port ({@code 0}) gets a random management port of its own.
 */
public final class ManagementPort extends PropertySource<Object> {

    static final int OFFSET = 1000;
    private static final String PROPERTY = "management.server.port";

    // Not the source: Spring Boot expands a property source whose source is an environment into that environment's
    // sources, which would include this one again, without end.
    private final Environment environment;

    public ManagementPort(Environment environment) {
        super("kabarManagementPort");
        this.environment = environment;
    }

    @Override
    public Object getProperty(String name) {
        if (!PROPERTY.equals(name)) {
            return null;
        }
        String configured = environment.getProperty("kabar.management.port");
        if (configured != null) {
            return configured;
        }
        int server = environment.getProperty("server.port", Integer.class, 8080);
        return server <= 0 ? server : server + OFFSET;
    }
}
