package io.kabar.article.publishing;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles into ASCII URL slugs. */
final class Slugs {

    private static final int MAX_LENGTH = 80;

    private Slugs() {}

    /** Lower-case ASCII words joined by dashes, accents folded, at most 80 characters, cut between words. */
    static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int lastDash = slug.lastIndexOf('-');
            slug = lastDash > MAX_LENGTH / 2 ? slug.substring(0, lastDash) : slug;
        }
        return slug.isEmpty() ? "artikel" : slug;
    }

    /**
     * The slug made unique for another article that has the same title, by a piece of its id after a double dash:
     * {@link #of} never makes a double dash, so no other title's slug can be the same.
     */
    static String disambiguated(String slug, String id) {
        return slug + "--" + id.replace("-", "").substring(0, 8);
    }
}
