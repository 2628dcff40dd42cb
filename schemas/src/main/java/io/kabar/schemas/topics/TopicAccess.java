package io.kabar.schemas.topics;

import java.util.Objects;
import java.util.Set;

/**
 * Which services may write and read a topic; the source of Kabar's Kafka ACLs. A platform topic has exactly one
 * writer; a dead-letter topic is written by every reader of its topic and read by operators only.
 *
 * @param writers services that produce to the topic
 * @param readers services that consume it
 */
public record TopicAccess(Set<Service> writers, Set<Service> readers) {

    public TopicAccess {
        writers = Set.copyOf(Objects.requireNonNull(writers, "writers"));
        readers = Set.copyOf(Objects.requireNonNull(readers, "readers"));
    }

    /** A platform topic's one writer; name its readers with {@link #readBy}. */
    public static TopicAccess writtenBy(Service writer) {
        return new TopicAccess(Set.of(writer), Set.of());
    }

    /** The same writers, read by these services. */
    public TopicAccess readBy(Service... services) {
        return new TopicAccess(writers, Set.of(services));
    }

    /** The topic's dead letters: written by whoever reads the topic, read by no service. */
    TopicAccess deadLetter() {
        return new TopicAccess(readers, Set.of());
    }
}
