package io.kabar.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a server-sent event stream in the background and collects its events. */
final class SseClient implements AutoCloseable {

    /** One event: its name, id and data. */
    record Event(String name, String id, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final HttpClient client = HttpClient.newHttpClient();

    SseClient(String url, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        // The response starts once the server has registered the stream.
        HttpResponse<Stream<String>> started = response.get(10, TimeUnit.SECONDS);
        if (started.statusCode() != 200) {
            throw new AssertionError("stream answered " + started.statusCode());
        }
        Thread reader = new Thread(() -> read(started.body()), "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    List<Event> events() {
        return events;
    }

    private void read(Stream<String> lines) {
        String[] current = new String[3];
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (current[2] != null) {
                        events.add(new Event(current[0], current[1], current[2]));
                    }
                    current[0] = current[1] = current[2] = null;
                } else if (line.startsWith("event:")) {
                    current[0] = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    current[1] = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    current[2] = line.substring(5).strip();
                }
            });
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
    }
}
