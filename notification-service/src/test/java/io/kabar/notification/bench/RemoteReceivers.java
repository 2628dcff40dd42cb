package io.kabar.notification.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's receivers (127.0.0.1 ... 127.0.0.{hosts}, each answering after a delay) in a {@link Peer} process of
 * their own, so that their CPU time is not the service's.
 */
final class RemoteReceivers implements AutoCloseable {

    private final PeerProcess peer;
    private final List<String> baseUrls;

    RemoteReceivers(int hosts, int delayMillis) {
        this.peer = PeerProcess.start("2g", "receivers", String.valueOf(hosts), String.valueOf(delayMillis));
        this.baseUrls = List.of(peer.greeting().split(" "));
    }

    /** The URL of {@code path} on the {@code host}-th receiver (from 0). */
    String url(int host, String path) {
        return baseUrls.get(host) + path;
    }

    /** How many paths were called at least once. */
    int reached() {
        return Integer.parseInt(peer.ask("reached"));
    }

    /** Requests to paths starting with {@code prefix}, repeats included. */
    int requests(String prefix) {
        return Integer.parseInt(peer.ask("requests " + prefix));
    }

    /** The sum of each receiver's most requests answered at once. */
    int mostAtOnce() {
        return Integer.parseInt(peer.ask("most"));
    }

    /** Forgets what was received so far (after a warm-up). */
    void forget() {
        peer.ask("forget");
    }

    /** When each path starting with {@code prefix} was first called, epoch milliseconds, in no particular order. */
    long[] firstArrivals(String prefix) {
        String answer = peer.ask("arrivals " + prefix);
        return answer.isEmpty()
                ? new long[0]
                : Arrays.stream(answer.split(",")).mapToLong(Long::parseLong).toArray();
    }

    long cpuNanos() {
        return peer.cpuNanos();
    }

    @Override
    public void close() {
        peer.close();
    }
}
