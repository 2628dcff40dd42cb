package io.kabar.schemas.compat;

import io.kabar.schemas.serde.SchemaHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Releases the current schemas: writes each one that differs from its latest released version as the next
 * {@code v<N>.avsc} under the history folder given as the only argument.
 */
public final class SchemaRelease {

    private SchemaRelease() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SchemaRelease <schemas/src/main/avro/history>");
            System.exit(2);
        }
        Path history = Path.of(args[0]);
        List<String> violations = SchemaCompatibilityGate.violations();
        if (!violations.isEmpty()) {
            violations.forEach(System.err::println);
            System.exit(1);
        }
        for (var entry : SchemaCompatibilityGate.currentSchemas().entrySet()) {
            List<Schema> released = SchemaHistory.released(entry.getKey());
            if (!released.isEmpty() && released.get(released.size() - 1).equals(entry.getValue())) {
                continue;
            }
            Path file = history.resolve(entry.getKey()).resolve("v" + (released.size() + 1) + ".avsc");
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.getValue().toString(true) + "\n");
            System.out.println("released " + file);
        }
    }
}
