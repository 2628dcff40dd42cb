package io.kabar.related.index;

import java.util.List;

/**
 * What the newsroom decided about an article's related links, as carried on the article in {@code news.articles}.
 *
 * @param pins         ids of the articles to show first, in order (up to three)
 * @param excluded     the article appears in no other article's list
 * @param storyPackage the series the article belongs to, or null
 */
public record EditorialControls(List<String> pins, boolean excluded, String storyPackage) {

    /** An article the newsroom said nothing about. */
    public static final EditorialControls NONE = new EditorialControls(List.of(), false, null);

    public EditorialControls {
        pins = pins == null ? List.of() : List.copyOf(pins);
    }
}
