package io.kabar.notification;

import io.kabar.platform.kafka.TopicMirror;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Starts the service's Kafka listeners (matcher, webhook workers) only once the subscription view has caught up
 * with its log: a listener started earlier would fan an alert out to a half-loaded view, or take a subscription
 * that is merely not loaded yet for a deleted one. The listeners' containers are created with auto-startup off.
 */
final class ListenerGate implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ListenerGate.class);
    private static final Duration REPORT = Duration.ofSeconds(10);

    private final KafkaListenerEndpointRegistry registry;
    private final TopicMirror<?> view;
    private volatile boolean running;
    private Thread waiter;

    ListenerGate(KafkaListenerEndpointRegistry registry, TopicMirror<?> view) {
        this.registry = registry;
        this.view = view;
    }

    @Override
    public void start() {
        running = true;
        // Waits on a thread of its own, so that the context (and its health endpoint) finishes starting meanwhile.
        waiter = new Thread(this::openWhenCaughtUp, "listener-gate");
        waiter.setDaemon(true);
        waiter.start();
    }

    private void openWhenCaughtUp() {
        try {
            while (running && !view.awaitCaughtUp(REPORT)) {
                log.info("listeners wait for the mirror of {} to catch up", view.topic());
            }
        } catch (InterruptedException e) {
            return;
        }
        synchronized (this) {
            if (running) {
                log.info("mirror of {} caught up: starting the Kafka listeners", view.topic());
                registry.getListenerContainers().forEach(container -> container.start());
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (waiter != null) {
            waiter.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the mirrors (same default phase) have started, before the web server stops accepting requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
