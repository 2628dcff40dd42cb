package io.kabar.related.ranking;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Set-overlap measures for titles and tags, kept analyzer-free so a duplicate check never stems. */
final class Overlap {

    private Overlap() {}

    /** Lower-cased word tokens of a headline; punctuation and spacing differences vanish. */
    static Set<String> titleTokens(String title) {
        return Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
    }

    static Set<String> tags(Collection<String> tags) {
        return tags.stream()
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
    }

    /** |a ∩ b| / |a ∪ b|, and 0 when both are empty so that missing data never looks similar. */
    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        int common = 0;
        for (String element : smaller) {
            if (larger.contains(element)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
