package io.kabar.notification.stream;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.Interests;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: queues the alerts it is interested in (named by their type: {@code alert.created},
 * {@code alert.updated}, {@code alert.retracted}), each with the position after it as its id, in a bounded
 * buffer that a writer thread of its own sends, so that the feed never waits for a client. A client whose buffer
 * overflows is disconnected (it resumes with {@code Last-Event-ID}); one sent no alert for the idle time gets a final
 * {@code reconnect} event and is ended. While its missed alerts are being replayed, live ones are held back and sent
 * after them, so none is lost or sent twice.
 */
final class StreamClient {

    /** An alert read at a position of the topic. */
    record Read(int partition, long offset, Alert alert) {}

    /** What ends a stream from our side, for the metrics. */
    interface Ending {
        void fellBehind();
    }

    /** An event waiting to be written; only alerts count as activity. */
    private record Outgoing(SseEmitter.SseEventBuilder builder, boolean alert) {}

    private static final Outgoing END = new Outgoing(SseEmitter.event(), false);
    private static final Duration REPLAY_PATIENCE = Duration.ofSeconds(10);

    private final SseEmitter emitter;
    private final Interests interests;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Ending ending;
    private final int buffer;
    private final BlockingQueue<Outgoing> outbox;
    private final Map<Integer, Long> cursor = new HashMap<>();
    private List<Read> heldBack = new ArrayList<>();
    private volatile boolean closed;

    StreamClient(
            SseEmitter emitter, Interests interests, int buffer, Duration idleTimeout, Clock clock, Ending ending) {
        this.emitter = emitter;
        this.interests = interests;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.ending = ending;
        this.buffer = buffer;
        this.outbox = new ArrayBlockingQueue<>(buffer);
    }

    /** Starts the client's writer: a virtual thread, bounded in number by the platform's cap on open streams. */
    void startWriting() {
        Thread.ofVirtual().name("sse-writer").start(this::write);
    }

    boolean closed() {
        return closed;
    }

    /** Ends the stream from our side (its writer completes the response) or after the client left. */
    void close() {
        closed = true;
        outbox.clear();
        outbox.offer(END);
    }

    /** Where this client starts: the live position, or the replay's start while catching up. */
    synchronized void startAt(StreamPosition position, boolean replaying) {
        cursor.putAll(position.next());
        if (!replaying) {
            heldBack = null;
        }
    }

    /** A live alert from the feed; never waits. */
    synchronized void live(Read read) {
        if (heldBack == null) {
            outgoing(read).ifPresent(this::queue);
        } else if (heldBack.size() < buffer) {
            heldBack.add(read);
        } else {
            fellBehind();
        }
    }

    /** An alert the client missed, read back from the topic: waits a while for room, without holding the feed up. */
    void replayed(Read read) throws InterruptedException {
        Optional<Outgoing> event;
        synchronized (this) {
            event = outgoing(read);
        }
        if (event.isPresent()
                && !closed
                && !outbox.offer(event.get(), REPLAY_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            fellBehind();
        }
    }

    /** Replay done: send what arrived live meanwhile, then go live. */
    synchronized void caughtUp() {
        List<Read> pending = heldBack;
        heldBack = null;
        if (pending != null) {
            pending.forEach(r -> outgoing(r).ifPresent(this::queue));
        }
    }

    void heartbeat() {
        queue(new Outgoing(SseEmitter.event().comment("keep-alive"), false));
    }

    private Optional<Outgoing> outgoing(Read read) {
        cursor.put(read.partition(), read.offset() + 1);
        if (!interests.matches(read.alert())) {
            return Optional.empty();
        }
        return Optional.of(new Outgoing(
                SseEmitter.event()
                        .name(read.alert().type().wireName())
                        .id(new StreamPosition(cursor).encode())
                        .data(read.alert().json(), MediaType.APPLICATION_JSON),
                true));
    }

    private void queue(Outgoing event) {
        if (!closed && !outbox.offer(event)) {
            fellBehind();
        }
    }

    private void fellBehind() {
        // Holding more would grow without bound; the client resumes from its last id instead.
        if (!closed) {
            ending.fellBehind();
        }
        close();
    }

    /**
     * The writer: sends what is queued until the stream ends, ending it after the idle time without an alert, as the
     * service's clock tells (looked at whenever the writer wakes: an event, a heartbeat, or the idle time's end).
     */
    private void write() {
        long idleSince = clock.millis();
        try {
            while (true) {
                long left = idleTimeout.toMillis() - (clock.millis() - idleSince);
                if (left <= 0) {
                    closed = true;
                    emitter.send(SseEmitter.event()
                            .name("reconnect")
                            .data("{\"reason\":\"idle\"}", MediaType.APPLICATION_JSON));
                    emitter.complete();
                    return;
                }
                Outgoing event = outbox.poll(left, TimeUnit.MILLISECONDS);
                if (event == END) {
                    emitter.complete(); // a no-op when the client already left
                    return;
                }
                if (event != null) {
                    emitter.send(event.builder());
                    if (event.alert()) {
                        idleSince = clock.millis();
                    }
                }
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away; the feed drops closed clients.
            closed = true;
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            closed = true;
            emitter.complete();
        }
    }
}
