package io.kabar.notification.bench;

import io.kabar.testing.KafkaBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A fan-out benchmark's helper process: the broker ({@code broker <partitions>}) or the receivers ({@code receivers
 * <hosts> <delayMillis>}, {@link LightReceivers}) in a JVM of their own, so that the benchmark can tell the service's CPU time from theirs.
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
                try (var receivers = new LightReceivers(Integer.parseInt(args[1]), Integer.parseInt(args[2]))) {
                    converse(in, String.join(" ", receivers.baseUrls()), command -> answer(receivers, command));
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

    private static String answer(LightReceivers receivers, String command) {
        String[] words = command.split(" ", 2);
        String prefix = words.length > 1 ? words[1] : "/";
        return switch (words[0]) {
            case "reached" -> String.valueOf(receivers.firstArrivals().size());
            case "requests" -> String.valueOf(receivers.requests(prefix));
            case "most" -> String.valueOf(receivers.mostAtOnce());
            case "forget" -> {
                receivers.forget();
                yield "ok";
            }
            case "arrivals" ->
                receivers.firstArrivals().entrySet().stream()
                        .filter(e -> e.getKey().startsWith(prefix))
                        .map(e -> String.valueOf(e.getValue()))
                        .collect(Collectors.joining(","));
            default -> "?";
        };
    }
}
