package io.kabar.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/** Formats the KRaft storage once, the equivalent of {@code kafka-storage.sh format}, so that later starts reuse the data. */
final class StorageFormat {

    private StorageFormat() {}

    /** Returns true if it formatted, false if the data dir was formatted already. */
    static boolean formatIfNeeded(BrokerOptions options, Path serverProperties) throws IOException {
        if (Files.exists(BrokerConfig.logDir(options).resolve("meta.properties"))) {
            return false;
        }
        String[] args = {
            "format", "--config", serverProperties.toString(), "--cluster-id", clusterId(options), "--ignore-formatted"
        };
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // StorageTool.main would call System.exit; execute returns the code and lets us keep going.
            exitCode = StorageTool.execute(args, out);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Formatting " + options.dataDir() + " failed: " + e.getMessage() + "\n" + output, e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException(
                    "Formatting " + options.dataDir() + " failed (exit " + exitCode + "):\n" + output);
        }
        return true;
    }

    // Kept in the data dir so that a half-finished format is retried with the same id.
    private static String clusterId(BrokerOptions options) throws IOException {
        Path file = options.dataDir().resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n");
        return id;
    }
}
