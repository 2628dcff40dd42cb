package io.kabar.notification.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fan-out benchmark's receivers, as cheap as a receiver can be: one thread and one selector for every host
 * (127.0.0.1 ... 127.0.0.{hosts}), keep-alive HTTP/1.1, each request answered {@code 200} with an empty body
 * {@code delayMillis} after it arrived. Real receivers are other machines; these share the benchmark's two cores, so
 * the less they cost, the more the run measures the service. It records only when each path was first called.
 */
final class LightReceivers implements AutoCloseable {

    /** A request read and not yet answered: its connection and when the answer is due. */
    private record Due(ReceiverConnection connection, long atNanos) {}

    private final Selector selector;
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final long delayNanos;
    private final ArrayDeque<Due> answers = new ArrayDeque<>();
    private final Map<String, Long> firstArrivals = new ConcurrentHashMap<>();
    /** Requests by their path's first segment ({@code /hook/}, {@code /push/}, {@code /warm/}). */
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private final int[] answering;
    private final int[] mostAnswering;
    private final Thread loop;
    private volatile boolean running = true;

    LightReceivers(int hosts, long delayMillis) {
        this.delayNanos = delayMillis * 1_000_000;
        this.answering = new int[hosts];
        this.mostAnswering = new int[hosts];
        try {
            selector = Selector.open();
            for (int h = 0; h < hosts; h++) {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress("127.0.0." + (h + 1), 0), 1024);
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT, h);
                servers.add(server);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loop = Thread.ofPlatform().name("light-receivers").start(this::run);
    }

    /** {@code http://host:port} of each receiver. */
    List<String> baseUrls() {
        return servers.stream()
                .map(s -> {
                    try {
                        var address = (InetSocketAddress) s.getLocalAddress();
                        return "http://" + address.getHostString() + ":" + address.getPort();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    Map<String, Long> firstArrivals() {
        return firstArrivals;
    }

    /** Requests to paths starting with {@code prefix} ({@code /} or a first segment such as {@code /hook/}). */
    int requests(String prefix) {
        return requests.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    /** The sum over hosts of the most requests each was answering at once. */
    synchronized int mostAtOnce() {
        int sum = 0;
        for (int most : mostAnswering) {
            sum += most;
        }
        return sum;
    }

    /** Forgets what was received so far (after a warm-up). */
    synchronized void forget() {
        firstArrivals.clear();
        requests.clear();
        System.arraycopy(answering, 0, mostAnswering, 0, answering.length);
    }

    private void run() {
        try {
            while (running) {
                Due next = answers.peek();
                long wait = next == null ? 0 : Math.max(1, (next.atNanos() - System.nanoTime()) / 1_000_000);
                selector.select(wait);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        accept(key);
                    } else if (key.isReadable()) {
                        read(key);
                    }
                }
                selector.selectedKeys().clear();
                answerDue();
            }
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void accept(SelectionKey key) throws IOException {
        SocketChannel channel = ((ServerSocketChannel) key.channel()).accept();
        if (channel != null) {
            channel.configureBlocking(false);
            channel.register(
                    selector, SelectionKey.OP_READ, new ReceiverConnection(channel, (Integer) key.attachment()));
        }
    }

    private void read(SelectionKey key) {
        ReceiverConnection connection = (ReceiverConnection) key.attachment();
        try {
            if (!connection.read()) {
                key.cancel();
                return;
            }
            for (String path = connection.nextRequestPath(); path != null; path = connection.nextRequestPath()) {
                received(connection, path);
            }
        } catch (IOException e) {
            key.cancel();
        }
    }

    /** Records a request and schedules its answer. */
    private void received(ReceiverConnection connection, String path) {
        long now = System.nanoTime();
        firstArrivals.putIfAbsent(path, System.currentTimeMillis());
        int segment = path.indexOf('/', 1);
        requests.computeIfAbsent(segment < 0 ? path : path.substring(0, segment + 1), p -> new AtomicInteger())
                .incrementAndGet();
        synchronized (this) {
            mostAnswering[connection.host()] =
                    Math.max(mostAnswering[connection.host()], ++answering[connection.host()]);
        }
        answers.add(new Due(connection, now + delayNanos));
    }

    private void answerDue() {
        long now = System.nanoTime();
        for (Due due = answers.peek(); due != null && due.atNanos() <= now; due = answers.peek()) {
            answers.poll();
            synchronized (this) {
                answering[due.connection().host()]--;
            }
            due.connection().answer();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
            selector.close();
            for (ServerSocketChannel server : servers) {
                server.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
