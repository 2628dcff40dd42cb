package io.kabar.notification;

import io.kabar.testing.Http;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One notification-service instance in this JVM on the shared test broker, for tests that need several or a restart. */
public final class Instance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Instance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance with the {@code it} profile and a random port; {@code properties} as {@code key=value}. */
    public static Instance start(String brokers, String... properties) {
        return startWith(List.of(), brokers, properties);
    }

    /** Starts an instance as above with {@code configurations} added to the application's (test doubles). */
    public static Instance startWith(List<Class<?>> configurations, String brokers, String... properties) {
        // Command-line arguments, so that they win over application.properties (its server.port above all).
        List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + brokers, "--server.port=0"));
        List.of(properties).forEach(p -> args.add("--" + p));
        List<Class<?>> sources = new ArrayList<>(List.of(NotificationServiceApplication.class));
        sources.addAll(configurations);
        return new Instance(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .profiles("it")
                .run(args.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Http http() {
        return new Http(port());
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The Actuator endpoints (management port). */
    public Http management() {
        return new Http(Integer.parseInt(context.getEnvironment().getProperty("local.management.port")));
    }

    @Override
    public void close() {
        context.close();
    }
}
