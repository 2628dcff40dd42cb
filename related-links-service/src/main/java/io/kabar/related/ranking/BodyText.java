package io.kabar.related.ranking;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A story's body as the ranking indexes and queries it: without inline "Baca Juga" teasers and ad markers, which
 * point at other articles and would make unrelated stories look similar.
 */
final class BodyText {

    private BodyText() {}

    static String of(Story story) {
        return story.paragraphs().stream().filter(p -> !isBoilerplate(p)).collect(Collectors.joining("\n"));
    }

    private static boolean isBoilerplate(String paragraph) {
        String p = paragraph.strip().toLowerCase(Locale.ROOT);
        return p.startsWith("baca juga") || p.equals("advertisement") || p.startsWith("scroll to continue");
    }
}
