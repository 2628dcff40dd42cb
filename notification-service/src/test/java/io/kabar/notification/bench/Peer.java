package io.kabar.notification.bench;

import io.kabar.notification.Receiver;
import io.kabar.testing.KafkaBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A fan-out benchmark's helper process: the broker ({@code broker <partitions>}) or the receivers ({@code receivers
 * <hosts> <delayMillis>}) in a JVM of their own, so that the benchmark can tell the service's CPU time from theirs.
 * It answers one line per command read on standard input (see {@link PeerProcess}) and ends when its input does.
 */
public final class Peer {

    /** Marks the lines of the conversation on standard output, which logging may share. */
    static final String ANSWER = "@@ ";

    private Peer() {}

    public static void main(String[] args) throws Exception {
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (args[0]) {
            case "broker" -> {
                try (KafkaBroker broker = KafkaBroker.start(Integer.parseInt(args[1]))) {
                    converse(in, broker.bootstrapServers(), command -> "?");
                }
            }
            case "receivers" -> {
                int delay = Integer.parseInt(args[2]);
                List<Receiver> receivers = IntStream.rangeClosed(1, Integer.parseInt(args[1]))
                        .mapToObj(h -> Receiver.onVirtualThreads("127.0.0." + h, delay))
                        .toList();
                try {
                    String urls = receivers.stream().map(r -> r.url("")).collect(Collectors.joining(" "));
                    converse(in, urls, command -> answer(receivers, command));
                } finally {
                    receivers.forEach(Receiver::close);
                }
            }
            default -> throw new IllegalArgumentException("broker or receivers, not " + args[0]);
        }
        System.exit(0);
    }

    private static void converse(BufferedReader in, String greeting, Function<String, String> answers)
            throws Exception {
        System.out.println(ANSWER + greeting);
        System.out.flush();
        for (String command = in.readLine(); command != null; command = in.readLine()) {
            System.out.println(ANSWER + answers.apply(command));
            System.out.flush();
        }
    }

    private static String answer(List<Receiver> receivers, String command) {
        String[] words = command.split(" ", 2);
        String prefix = words.length > 1 ? words[1] : "/";
        return switch (words[0]) {
            case "reached" ->
                String.valueOf(receivers.stream().mapToInt(Receiver::paths).sum());
            case "requests" ->
                String.valueOf(receivers.stream().mapToInt(r -> r.total(prefix)).sum());
            case "most" ->
                String.valueOf(receivers.stream().mapToInt(Receiver::mostAtOnce).sum());
            case "forget" -> {
                receivers.forEach(Receiver::forget);
                yield "ok";
            }
            case "arrivals" ->
                receivers.stream()
                        .flatMap(r -> r.firstArrivals(prefix).stream())
                        .map(Instant::toEpochMilli)
                        .map(String::valueOf)
                        .collect(Collectors.joining(","));
            default -> "?";
        };
    }
}
