package io.kabar.trending.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.FileSystemUtils;

/**
 * Where Kafka Streams keeps its stores: the configured directory, or a temporary one of this instance alone, so that
 * tests and a second instance on the same machine never contend for the same state directory lock.
 */
final class StateDirectory implements DisposableBean {

    private final Path path;
    private final boolean temporary;

    private StateDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static StateDirectory of(Path configured) {
        if (configured != null) {
            return new StateDirectory(configured, false);
        }
        try {
            return new StateDirectory(Files.createTempDirectory("trending-state-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary state directory", e);
        }
    }

    Path path() {
        return path;
    }

    /** Whether the directory is this run's alone (deleted on shutdown), so no state outlives the instance. */
    boolean temporary() {
        return temporary;
    }

    /** Runs after Kafka Streams has stopped, since the Streams factory bean depends on this one. */
    @Override
    public void destroy() throws IOException {
        if (temporary) {
            FileSystemUtils.deleteRecursively(path);
        }
    }
}
