package io.kabar.notification.stream;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A place in {@code news.breaking-alerts}: the next offset to read in each partition, written as the SSE event id
 * {@code 0-12.1-7.2-30} so that a client's {@code Last-Event-ID} says exactly where to resume.
 */
record StreamPosition(Map<Integer, Long> next) {

    StreamPosition {
        next = Map.copyOf(next);
    }

    String encode() {
        return new TreeMap<>(next)
                .entrySet().stream().map(e -> e.getKey() + "-" + e.getValue()).collect(Collectors.joining("."));
    }

    /**
     * Why this position cannot have come from a topic now at {@code end}: a partition it does not have, or an offset
     * past its end; empty when it could have.
     */
    Optional<String> beyond(StreamPosition end) {
        for (Map.Entry<Integer, Long> e : new TreeMap<>(next).entrySet()) {
            Long last = end.next().get(e.getKey());
            if (last == null) {
                return Optional.of("the alert topic has no partition " + e.getKey());
            }
            if (e.getValue() > last) {
                return Optional.of("partition " + e.getKey() + " has not reached offset " + e.getValue() + " yet");
            }
        }
        return Optional.empty();
    }

    /** The position an event id names, or empty when it is not one of ours. */
    static Optional<StreamPosition> parse(String id) {
        if (id == null || id.isBlank() || id.length() > 4096) {
            return Optional.empty();
        }
        Map<Integer, Long> next = new TreeMap<>();
        try {
            for (String part : id.strip().split("\\.")) {
                int dash = part.indexOf('-');
                int partition = Integer.parseInt(part.substring(0, dash));
                long offset = Long.parseLong(part.substring(dash + 1));
                if (partition < 0 || offset < 0) {
                    return Optional.empty();
                }
                next.put(partition, offset);
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new StreamPosition(next));
    }
}
