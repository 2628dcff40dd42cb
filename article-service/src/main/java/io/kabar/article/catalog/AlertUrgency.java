package io.kabar.article.catalog;

import java.util.Locale;

/** How urgent an article's breaking alert is: critical alerts reach subscribers even in their quiet hours. */
public enum AlertUrgency {
    NORMAL,
    CRITICAL;

    /** The API's spelling: {@code normal} or {@code critical}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
