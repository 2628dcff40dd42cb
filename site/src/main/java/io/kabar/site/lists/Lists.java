package io.kabar.site.lists;

import java.util.List;

/**
 * The lists other services compute, as article ids in their order: "Baca Juga" from related-links-service,
 * "Terpopuler" and "Sedang tren" from trending-service. Empty when the service has none yet; answered from memory.
 */
public interface Lists {

    /** The related articles of one article, best first. */
    List<String> related(String articleId);

    /** A ranking ({@code 1h}, {@code 24h} or {@code rising}), over all categories when {@code category} is null. */
    List<String> ranking(String window, String category);
}
