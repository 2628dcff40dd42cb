package io.kabar.notification.stream;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.Interests;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: sends the alerts it is interested in, each with the position after it as its id. While its
 * missed alerts are being replayed, live ones are held back and sent after them, so none is lost or sent twice.
 */
final class StreamClient {

    /** An alert read at a position of the topic. */
    record Read(int partition, long offset, Alert alert) {}

    private final SseEmitter emitter;
    private final Interests interests;
    private final Map<Integer, Long> cursor = new HashMap<>();
    private List<Read> heldBack = new ArrayList<>();
    private volatile boolean closed;

    StreamClient(SseEmitter emitter, Interests interests) {
        this.emitter = emitter;
        this.interests = interests;
    }

    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    /** Ends the stream from the server side, so that shutdown need not wait for the client to hang up. */
    synchronized void end() {
        closed = true;
        emitter.complete();
    }

    /** Where this client starts: the live position, or the replay's start while catching up. */
    synchronized void startAt(StreamPosition position, boolean replaying) {
        cursor.putAll(position.next());
        if (!replaying) {
            heldBack = null;
        }
    }

    /** A live alert from the feed. */
    synchronized void live(Read read) {
        if (heldBack != null) {
            heldBack.add(read);
        } else {
            send(read);
        }
    }

    /** An alert the client missed, read back from the topic. */
    synchronized void replayed(Read read) {
        send(read);
    }

    /** Replay done: send what arrived live meanwhile, then go live. */
    synchronized void caughtUp() {
        List<Read> pending = heldBack;
        heldBack = null;
        if (pending != null) {
            pending.forEach(this::send);
        }
    }

    synchronized void heartbeat() {
        write(SseEmitter.event().comment("keep-alive"));
    }

    private void send(Read read) {
        cursor.put(read.partition(), read.offset() + 1);
        if (interests.matches(read.alert())) {
            write(SseEmitter.event()
                    .name("alert")
                    .id(new StreamPosition(cursor).encode())
                    .data(read.alert().json(), MediaType.APPLICATION_JSON));
        }
    }

    private void write(SseEmitter.SseEventBuilder event) {
        if (closed) {
            return;
        }
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The client went away; the feed drops closed clients.
            closed = true;
            emitter.completeWithError(e);
        }
    }
}
