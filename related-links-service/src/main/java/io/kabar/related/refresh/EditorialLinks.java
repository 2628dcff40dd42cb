package io.kabar.related.refresh;

import io.kabar.related.index.EditorialControls;
import io.kabar.related.index.IndexedArticles;
import io.kabar.related.ranking.RelatedLink;
import io.kabar.related.ranking.Story;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts the newsroom's choices before the ranking's: the pinned articles in their order, then the other members of
 * the article's story package, newest first, then the ranked links. An article excluded from related links, or no
 * longer published, is left out wherever it would have appeared.
 */
final class EditorialLinks {

    private EditorialLinks() {}

    /**
     * @param ranked the ranking's list for {@code source}, best first
     * @param size   the most links the list may hold
     */
    static List<RelatedLink> apply(Story source, List<RelatedLink> ranked, IndexedArticles articles, int size) {
        Map<String, Double> rankedScores = new LinkedHashMap<>();
        ranked.forEach(link -> rankedScores.putIfAbsent(link.id(), link.score()));
        // An editorial link keeps the ranking's score when the ranking found it too, else 0: it is there by choice.
        Function<Story, RelatedLink> asLink = story ->
                new RelatedLink(story.id(), story.title(), story.url(), rankedScores.getOrDefault(story.id(), 0.0));

        EditorialControls controls = articles.controls(source.id());
        Map<String, RelatedLink> chosen = new LinkedHashMap<>();
        for (String pin : controls.pins()) {
            articles.find(pin).map(asLink).ifPresent(link -> offer(chosen, link, source, articles));
        }
        if (controls.storyPackage() != null) {
            for (Story member : articles.packageMembers(controls.storyPackage())) {
                offer(chosen, asLink.apply(member), source, articles);
            }
        }
        ranked.forEach(link -> offer(chosen, link, source, articles));
        return new ArrayList<>(chosen.values()).subList(0, Math.min(size, chosen.size()));
    }

    private static void offer(
            Map<String, RelatedLink> chosen, RelatedLink link, Story source, IndexedArticles articles) {
        boolean showable = !link.id().equals(source.id())
                && !articles.controls(link.id()).excluded()
                && articles.find(link.id()).isPresent();
        if (showable) {
            chosen.putIfAbsent(link.id(), link);
        }
    }

    /** The lists an article's change may enter or leave besides its neighbours': those of its package's members. */
    static List<String> packageLists(String id, IndexedArticles articles) {
        return Optional.ofNullable(articles.controls(id).storyPackage())
                .map(articles::packageMembers)
                .orElse(List.of())
                .stream()
                .map(Story::id)
                .filter(member -> !member.equals(id))
                .toList();
    }
}
