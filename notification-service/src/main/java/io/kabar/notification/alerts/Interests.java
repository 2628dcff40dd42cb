package io.kabar.notification.alerts;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a reader wants to hear about: an alert matches when its category is one of the categories or it shares any
 * tag (case-insensitive); with neither categories nor tags, every alert matches.
 */
public record Interests(List<String> categories, List<String> tags) {

    public Interests {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }

    public static Interests everything() {
        return new Interests(List.of(), List.of());
    }

    public boolean matches(Alert alert) {
        if (categories.isEmpty() && tags.isEmpty()) {
            return true;
        }
        if (normalized(categories).contains(alert.category().toLowerCase(Locale.ROOT))) {
            return true;
        }
        Set<String> wanted = normalized(tags);
        return alert.tags().stream().anyMatch(tag -> wanted.contains(tag.toLowerCase(Locale.ROOT)));
    }

    private static Set<String> normalized(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
