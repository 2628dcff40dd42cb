package io.kabar.article.publishing;

import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.article.catalog.Editorial;
import io.kabar.platform.web.ApiProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses pins that could never show: to an article that is not published here, to one excluded from related
 * links, to the article itself, or the same one twice. A pin whose article is unpublished later is left out of the
 * list by related-links-service, so this check is the newsroom's feedback, not the rule's only guard.
 */
final class PinChecks {

    private PinChecks() {}

    /**
     * @param self the id of the article being edited, or null for a new one
     * @throws ApiProblem 400 naming the first offending pin, such as {@code relatedPins[1]}
     */
    static void check(ArticleCatalog catalog, String self, Editorial editorial) {
        List<String> pins = editorial.relatedPins();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pins.size(); i++) {
            String pin = pins.get(i);
            String field = "relatedPins[" + i + "]";
            if (pin.equals(self)) {
                throw ApiProblem.invalid(field, "an article cannot pin itself");
            }
            if (!seen.add(pin)) {
                throw ApiProblem.invalid(field, "the article " + pin + " is pinned twice");
            }
            Optional<Article> pinned = catalog.findPublished(pin);
            if (pinned.isEmpty()) {
                throw ApiProblem.invalid(field, "no published article has the id " + pin);
            }
            if (pinned.get().editorial().excludeFromRelated()) {
                throw ApiProblem.invalid(field, "the article " + pin + " is excluded from related links");
            }
        }
    }
}
