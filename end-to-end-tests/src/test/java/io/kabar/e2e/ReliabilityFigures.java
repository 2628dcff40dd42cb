package io.kabar.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run of the fault-injection suite, one row per scenario, written as the Markdown table of
 * {@code docs/reliability.md} to {@code target/reliability-figures.md} and to the test output.
 */
final class ReliabilityFigures {

    static final Path FILE = Path.of("target", "reliability-figures.md");

    /**
     * One scenario's outcome; {@code fiveHundreds} is null where nothing was fuzzed and {@code recovery} null where
     * nothing had to recover.
     */
    record Row(
            String scenario,
            String injected,
            String acknowledged,
            long lost,
            String duplicates,
            Long fiveHundreds,
            Duration recovery) {}

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(Row row) {
        rows.add(row);
        System.out.println("[reliability] " + row);
        write();
    }

    synchronized String table() {
        StringBuilder table = new StringBuilder(
                "| scenario | what was injected | acknowledged | acknowledged-lost | duplicates | 5xx under fuzz "
                        + "| recovery time |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            table.append("| ")
                    .append(String.join(
                            " | ",
                            row.scenario(),
                            row.injected(),
                            row.acknowledged(),
                            String.valueOf(row.lost()),
                            row.duplicates(),
                            row.fiveHundreds() == null ? "—" : String.valueOf(row.fiveHundreds()),
                            row.recovery() == null ? "—" : seconds(row.recovery())))
                    .append(" |\n");
        }
        return table.toString();
    }

    private void write() {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, table());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
