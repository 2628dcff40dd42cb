package io.kabar.article.catalog;

import java.util.List;

/**
 * The newsroom's say over an article's "Baca Juga" links, carried on the article so that it lives in the log.
 *
 * @param relatedPins        ids of up to three articles shown first, in this order
 * @param excludeFromRelated true: the article appears in no other article's related links
 * @param storyPackage       the series the article belongs to (members link to the newest other members first), or
 *                           null
 */
public record Editorial(List<String> relatedPins, boolean excludeFromRelated, String storyPackage) {

    /** No pins, not excluded, in no package: what every article had before editorial controls existed. */
    public static final Editorial NONE = new Editorial(List.of(), false, null);

    /** Pins an article may carry at most. */
    public static final int MAX_PINS = 3;

    public Editorial {
        relatedPins = relatedPins == null ? List.of() : List.copyOf(relatedPins);
    }
}
