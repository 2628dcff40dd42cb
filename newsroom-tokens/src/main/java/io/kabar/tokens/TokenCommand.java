package io.kabar.tokens;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./kabar}'s token tool: {@code key <folder>} makes sure the local signing key exists, {@code token <folder>
 * [--editor] [--subject NAME]} prints a newsroom token valid 12 hours as the last line of its output.
 */
public final class TokenCommand {

    static final Duration VALID_FOR = Duration.ofHours(12);

    private TokenCommand() {}

    public static void main(String[] args) {
        try {
            System.out.println(
                    String.join("\n", run(List.of(args), Instant.now().truncatedTo(ChronoUnit.SECONDS))));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: key <folder> | token <folder> [--editor] [--subject NAME]");
            System.exit(2);
        }
    }

    /** The lines to print for {@code args}. */
    static List<String> run(List<String> args, Instant now) {
        if (args.size() < 2 || !List.of("key", "token").contains(args.get(0))) {
            throw new IllegalArgumentException("expected a command and the key folder");
        }
        Path folder = Path.of(args.get(1));
        NewsroomTokens tokens = NewsroomTokens.inFolder(folder);
        if (args.get(0).equals("key")) {
            return List.of(folder.resolve(NewsroomTokens.PUBLIC_KEY_FILE).toString());
        }
        List<String> scopes = new ArrayList<>(List.of(NewsroomTokens.WRITE));
        String subject = null;
        for (int i = 2; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--editor" -> scopes.add(NewsroomTokens.BREAKING);
                case "--subject" -> {
                    if (i + 1 == args.size() || args.get(i + 1).isBlank()) {
                        throw new IllegalArgumentException("--subject needs a name");
                    }
                    subject = args.get(++i);
                }
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        if (subject == null) {
            subject = scopes.contains(NewsroomTokens.BREAKING) ? "local-editor" : "local-writer";
        }
        return List.of(
                "Bearer token for subject " + subject + ", scopes \"" + String.join(" ", scopes) + "\", valid until "
                        + now.plus(VALID_FOR) + ":",
                tokens.mint(subject, scopes, now, VALID_FOR));
    }
}
