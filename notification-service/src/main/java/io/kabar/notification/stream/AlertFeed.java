package io.kabar.notification.stream;

import io.kabar.notification.alerts.AlertRecords;
import io.kabar.platform.kafka.TopicFollower;
import io.kabar.schemas.BreakingAlert;
import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code news.breaking-alerts} from its end and fans every alert out to this instance's open streams; a
 * stream that resumes from an earlier position is first replayed from the topic up to where the feed stood when the
 * stream joined, with a consumer of its own.
 */
final class AlertFeed extends TopicFollower<BreakingAlert> {

    private static final Logger log = LoggerFactory.getLogger(AlertFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Supplier<Consumer<String, BreakingAlert>> consumers;
    private final ExecutorService replays;
    /**
     * A concurrent set, not a copy-on-write list: a join adds under the position lock, where a copy of every open
     * stream per join had thousands of streams opening at once waiting on that lock.
     */
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();

    private final Map<Integer, Long> position = new HashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);

    AlertFeed(Supplier<Consumer<String, BreakingAlert>> consumers, ExecutorService replays) {
        super("alert-feed", consumers);
        this.consumers = consumers;
        this.replays = replays;
    }

    /**
     * Adds a stream, live from now or resuming after {@code resume}; false if the feed is not following the topic yet.
     *
     * @throws Unreachable when {@code resume} lies beyond anything this topic has produced
     * @throws RejectedExecutionException when the replay queue is full
     */
    boolean join(StreamClient client, Optional<StreamPosition> resume) throws InterruptedException {
        if (!ready.await(5, TimeUnit.SECONDS)) {
            return false;
        }
        StreamPosition now;
        synchronized (position) {
            now = new StreamPosition(position);
            Optional<String> unreachable = resume.flatMap(from -> from.beyond(now));
            if (unreachable.isPresent()) {
                throw new Unreachable(unreachable.get());
            }
            client.startAt(resume.orElse(now), resume.isPresent());
            clients.add(client);
        }
        client.startWriting();
        if (resume.isPresent()) {
            try {
                replays.execute(() -> replay(client, resume.get(), now));
            } catch (RejectedExecutionException full) {
                leave(client);
                throw full;
            }
        }
        return true;
    }

    /** A resume position that this topic could not have produced. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }

    /** Streams open on this instance. */
    int open() {
        return clients.size();
    }

    void leave(StreamClient client) {
        client.close();
        clients.remove(client);
    }

    private void replay(StreamClient client, StreamPosition from, StreamPosition until) {
        try (Consumer<String, BreakingAlert> c = consumers.get()) {
            List<TopicPartition> partitions = until.next().keySet().stream()
                    .map(p -> new TopicPartition(Topics.BREAKING_ALERTS.name(), p))
                    .toList();
            c.assign(partitions);
            for (TopicPartition p : partitions) {
                // A partition the id does not name is replayed from its start; retention bounds how far that goes.
                Long offset = from.next().get(p.partition());
                if (offset == null) {
                    c.seekToBeginning(List.of(p));
                } else {
                    c.seek(p, offset);
                }
            }
            while (!client.closed()
                    && partitions.stream()
                            .anyMatch(p -> c.position(p) < until.next().get(p.partition()))) {
                for (ConsumerRecord<String, BreakingAlert> r : c.poll(POLL)) {
                    if (r.value() != null && r.offset() < until.next().get(r.partition())) {
                        client.replayed(read(r)); // waits for room in the client's buffer, or drops it
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("replay of missed alerts failed, closing the stream: {}", e.toString());
            client.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
        }
        client.caughtUp();
    }

    @Override
    protected void stopping() {
        // Streams never end by themselves; ended here, before the web server's graceful shutdown waits for them.
        clients.forEach(StreamClient::close);
        clients.clear();
        replays.shutdownNow();
    }

    @Override
    protected void follow(Consumer<String, BreakingAlert> c) {
        List<TopicPartition> partitions = c.partitionsFor(Topics.BREAKING_ALERTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        c.assign(partitions);
        c.seekToEnd(partitions);
        synchronized (position) {
            for (TopicPartition p : partitions) {
                Long known = position.get(p.partition());
                if (known == null) {
                    position.put(p.partition(), c.position(p));
                } else {
                    c.seek(p, known);
                }
            }
        }
        ready.countDown();
        long lastBeat = System.nanoTime();
        while (following()) {
            deliver(c);
            if (System.nanoTime() - lastBeat > HEARTBEAT.toNanos()) {
                clients.forEach(StreamClient::heartbeat);
                lastBeat = System.nanoTime();
            }
            clients.removeIf(StreamClient::closed);
        }
    }

    private void deliver(Consumer<String, BreakingAlert> c) {
        for (ConsumerRecord<String, BreakingAlert> r : poll(c)) {
            synchronized (position) {
                position.put(r.partition(), r.offset() + 1);
                if (r.value() != null) {
                    StreamClient.Read read = read(r);
                    clients.forEach(client -> client.live(read));
                }
            }
        }
    }

    private static StreamClient.Read read(ConsumerRecord<String, BreakingAlert> r) {
        return new StreamClient.Read(r.partition(), r.offset(), AlertRecords.fromAvro(r.value()));
    }
}
