package io.kabar.site.reader;

import io.kabar.site.stories.Story;

/**
 * What a page says about itself in {@code <head>}: title, description, canonical address, OpenGraph and Twitter
 * card, structured data, and the article a page view counts for.
 *
 * @param image    may be null
 * @param jsonLd   the page's JSON-LD, already safe inside a script element; may be null
 * @param story    the article the page shows, null elsewhere
 */
public record Head(
        String title, String description, String canonical, String type, String image, String jsonLd, Story story) {

    static Head page(String title, String description, String canonical) {
        return new Head(title, description, canonical, "website", null, null, null);
    }
}
