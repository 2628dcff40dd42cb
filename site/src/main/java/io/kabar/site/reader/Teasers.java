package io.kabar.site.reader;

import io.kabar.site.lists.Lists;
import io.kabar.site.stories.Shelf;
import io.kabar.site.stories.Story;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The story lists pages show beside their content, resolved against the shelf: a list entry whose story is unknown
 * or withdrawn is left out, and titles and links are always the site's current ones.
 */
@Component
class Teasers {

    private final Shelf shelf;
    private final Lists lists;

    Teasers(Shelf shelf, Lists lists) {
        this.shelf = shelf;
        this.lists = lists;
    }

    /** "Terkini": the newest stories, without the one being read. */
    List<Story> latest(int limit, Story without) {
        return shelf.latest(s -> without == null || !s.id().equals(without.id()), 0, limit);
    }

    /** "Terpopuler" ({@code 1h}, {@code 24h}) or "Sedang tren" ({@code rising}) over all categories. */
    List<Story> ranking(String window, int limit) {
        return resolve(lists.ranking(window, null), limit);
    }

    /** "Baca Juga" for one story. */
    List<Story> related(Story story, int limit) {
        return resolve(lists.related(story.id()), limit);
    }

    private List<Story> resolve(List<String> ids, int limit) {
        return ids.stream()
                .map(shelf::publishedById)
                .flatMap(Optional::stream)
                .limit(limit)
                .toList();
    }
}
