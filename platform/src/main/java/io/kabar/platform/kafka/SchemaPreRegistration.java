package io.kabar.platform.kafka;

import io.kabar.schemas.compat.SchemaCompatibilityGate;
import io.kabar.schemas.serde.SchemaRegistry;
import java.time.Duration;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Registers the current schema of every contract when the service starts, in the background and again until it
 * succeeds (the broker may be down at start), so that a first write does not wait for its schema's registration.
 */
final class SchemaPreRegistration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchemaPreRegistration.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final SchemaRegistry registry;
    private volatile boolean running;
    private Thread thread;

    SchemaPreRegistration(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("schema-pre-registration").start(this::registerAll);
    }

    private void registerAll() {
        for (Schema schema : SchemaCompatibilityGate.currentSchemas().values()) {
            while (running) {
                try {
                    registry.register(schema);
                    break;
                } catch (RuntimeException e) {
                    log.warn("cannot register {} yet, trying again: {}", schema.getName(), e.toString());
                    try {
                        Thread.sleep(RETRY);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
