package io.kabar.notification.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of {@link StreamBenchmark}, in a JVM of its own: opens the streams (one virtual thread and one plain
 * HTTP/1.0 connection each, so the events arrive unchunked), prints {@code CONNECTED} once all are registered, then,
 * once every stream has received every alert (or after a timeout), one line per event received: article id and
 * arrival time in epoch milliseconds, and {@code END}.
 */
public final class StreamClients {

    /** Streams being opened at once (not yet registered). */
    private static final int OPENING = Integer.getInteger("opening", 256);

    private static final Pattern ARTICLE = Pattern.compile("\"articleId\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int streams = Integer.parseInt(args[1]);
        int alerts = Integer.parseInt(args[2]);
        String category = args[3];
        CountDownLatch connected = new CountDownLatch(streams);
        CountDownLatch done = new CountDownLatch(streams);
        Queue<String> received = new ConcurrentLinkedQueue<>();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        // Streams open OPENING at a time, each slot freed once its stream is registered: ten thousand requests at once
        // leave the service's request threads queueing on its locks for the two cores, and registration crawls.
        Semaphore opening = new Semaphore(OPENING);
        for (int i = 0; i < streams; i++) {
            threads.execute(() -> {
                try {
                    // A connection refused or reset while thousands arrive at once is tried again.
                    while (!follow(port, category, alerts, connected, received, opening)) {
                        Thread.sleep(100);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        long started = System.nanoTime();
        // Progress on stderr (the benchmark passes it through): how fast streams register on a loaded machine.
        while (!connected.await(10, TimeUnit.SECONDS) && System.nanoTime() - started < TimeUnit.MINUTES.toNanos(10)) {
            System.err.printf(
                    "%ds: %d of %d streams registered%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                    streams - connected.getCount(),
                    streams);
        }
        if (connected.getCount() > 0) {
            out.println("only " + (streams - connected.getCount()) + " streams connected");
            out.flush();
            System.exit(1);
        }
        out.println("CONNECTED");
        out.flush();
        done.await(alerts + 120L, TimeUnit.SECONDS);
        received.forEach(out::println);
        out.println("END");
        out.flush();
        System.exit(0);
    }

    /** One stream until it has every alert; false if it failed before it was registered. */
    private static boolean follow(
            int port, String category, int alerts, CountDownLatch connected, Queue<String> received, Semaphore opening)
            throws InterruptedException {
        boolean registered = false;
        opening.acquire();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream request = socket.getOutputStream();
            request.write(("GET /api/alerts/stream?categories=" + category + " HTTP/1.0\r\n"
                            + "Accept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            BufferedReader events =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int seen = 0;
            String line;
            while (seen < alerts && (line = events.readLine()) != null) {
                if (line.startsWith(":connected")) {
                    registered = true;
                    opening.release();
                    connected.countDown();
                } else if (line.startsWith("data:")) {
                    long at = System.currentTimeMillis();
                    Matcher article = ARTICLE.matcher(line);
                    if (article.find()) {
                        received.add(article.group(1) + " " + at);
                        seen++;
                    }
                }
            }
        } catch (IOException e) {
            if (registered) {
                System.err.println("stream failed: " + e);
            }
        } finally {
            if (!registered) {
                opening.release();
            }
        }
        return registered;
    }
}
