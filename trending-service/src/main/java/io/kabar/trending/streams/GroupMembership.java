package io.kabar.trending.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * How this instance belongs to the Streams application's consumer group: as a static member ({@code
 * group.instance.id}) when its state outlives a restart, so that the restarted instance takes its tasks back at once
 * instead of waiting out the previous session; otherwise as a dynamic member that leaves the group when it stops, so
 * that the others take its tasks at once.
 *
 * <p>The id is the configured one or, with a kept state directory, one generated on first start and stored there: it
 * is then as stable as the state it names, and distinct per instance, since two instances cannot share a state
 * directory (Streams locks it).
 *
 * @param instanceId the static member id, empty for a dynamic member
 */
record GroupMembership(Optional<String> instanceId) {

    static final String ID_FILE = "kabar-instance-id";

    static GroupMembership of(String configured, StateDirectory stateDirectory) {
        if (configured != null && !configured.isBlank()) {
            return new GroupMembership(Optional.of(configured.strip()));
        }
        if (stateDirectory.temporary()) {
            return new GroupMembership(Optional.empty());
        }
        return new GroupMembership(Optional.of(storedIn(stateDirectory.path())));
    }

    /** A dynamic member leaves on close; a static one stays, to be replaced by its own restart without a rebalance. */
    boolean leaveGroupOnClose() {
        return instanceId.isEmpty();
    }

    private static String storedIn(Path directory) {
        Path file = directory.resolve(ID_FILE);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            String created = "trending-" + UUID.randomUUID();
            Files.createDirectories(directory);
            Path written = Files.writeString(
                    Files.createTempFile(directory, ID_FILE, ".tmp"), created, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or store the instance id in " + directory, e);
        }
    }
}
