package io.kabar.related.ranking;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * Ranks the "Baca Juga" links of a story: text-similar candidates from the index, re-ranked by
 * {@code textWeight*text + tagWeight*tagJaccard + categoryBonus*sameCategory + recencyWeight*fresh
 * + titleWeight*headlineSimilarity + proximityWeight*closeInTime}.
 *
 * <p>Stateless apart from the index it reads, so one instance can serve any number of threads.
 */
public final class RelatedFinder {

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
            .reversed()
            .thenComparing(c -> c.story().publishedAt(), Comparator.reverseOrder())
            .thenComparing(c -> c.story().id());

    private final StoryIndex index;
    private final RankingSettings settings;
    private final Clock clock;

    public RelatedFinder(StoryIndex index, RankingSettings settings, Clock clock) {
        this.index = Objects.requireNonNull(index, "index");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Links for an indexed story, {@link RankingSettings#defaultLimit()} of them; empty if unknown. */
    public List<RelatedLink> relatedTo(String id) {
        return index.find(id).map(s -> relatedTo(s, settings.defaultLimit())).orElse(List.of());
    }

    /**
     * Links for a story, indexed or not, best first; never the story itself nor a story whose
     * headline nearly repeats the story's or an already chosen link's.
     *
     * @param limit 1..{@link RankingSettings#MAX_LIMIT}
     */
    public List<RelatedLink> relatedTo(Story story, int limit) {
        RankingSettings.requireLimit(limit);
        IndexedStory source = sourceOf(story);
        List<Candidate> ranked = index.search(searcher -> {
            List<Candidate> hits = textMatches(searcher, story, settings.candidatePool() + 1);
            return rescored(source, hits).stream().sorted(BEST_FIRST).toList();
        });
        return withoutNearDuplicates(ranked.stream().map(Candidate::link).toList(), limit);
    }

    /**
     * Text matches scored for the source: the story itself, near-duplicates of its headline and candidates below the
     * minimum score left out, in no particular order.
     */
    private List<Candidate> rescored(IndexedStory source, List<Candidate> hits) {
        // Normalise by the best match, which is the story itself when indexed, so the text term is an absolute
        // similarity in [0, 1] rather than a raw BM25 score that varies with query length.
        double best = hits.stream().mapToDouble(Candidate::score).max().orElse(1);
        TitleSimilarity titles = new TitleSimilarity(source.titleTerms());
        String id = source.story().id();
        return hits.stream()
                .filter(c -> !c.story().id().equals(id))
                .filter(c -> !isNearDuplicate(source.titleTokens(), c.indexed().titleTokens()))
                .map(c -> new Candidate(c.indexed(), score(source, c, best, titles)))
                .filter(c -> c.score() >= settings.minScore())
                .toList();
    }

    /** The first {@code limit} links, best first, skipping any whose headline nearly repeats a link kept before it. */
    private List<RelatedLink> withoutNearDuplicates(List<RelatedLink> ranked, int limit) {
        List<RelatedLink> links = new ArrayList<>(limit);
        List<Set<String>> chosenTitles = new ArrayList<>(limit);
        for (RelatedLink link : ranked) {
            IndexedStory indexed = index.indexed(link.id());
            // Precomputed for an indexed story; a link kept from an earlier list may name one since removed.
            Set<String> title = indexed != null ? indexed.titleTokens() : Overlap.titleTokens(link.title());
            if (chosenTitles.stream().anyMatch(t -> isNearDuplicate(t, title))) {
                continue;
            }
            chosenTitles.add(title);
            links.add(link);
            if (links.size() == limit) {
                break;
            }
        }
        return links;
    }

    /**
     * {@code ranked}, a list this finder gave for {@code story} earlier (best first, scores kept), with the given
     * candidates offered to it: each is scored against the story as {@link #relatedTo(Story, int)} would score it
     * now, but without searching the index for other candidates, and the list is chosen again from its links and
     * these candidates alone (best first, near-duplicate headlines skipped, at most {@code limit}). What a full
     * ranking would give differs in that the links already there keep the scores they were given then (idf and
     * freshness have moved since), and a story that fell off the end earlier is not reconsidered.
     *
     * @param candidates ids of indexed stories; unknown ones, the story itself and near-duplicates of its headline
     *     are left out
     */
    public List<RelatedLink> offer(Story story, List<RelatedLink> ranked, Collection<String> candidates, int limit) {
        RankingSettings.requireLimit(limit);
        IndexedStory source = sourceOf(story);
        Set<String> offered = new HashSet<>(candidates);
        offered.add(story.id()); // its own match is the text term's yardstick, as in a full ranking
        List<Candidate> scored = index.search(searcher -> {
            Query only = new TermInSetQuery(
                    StoryIndex.ID, offered.stream().map(BytesRef::new).toList());
            return rescored(source, textMatches(searcher, story, offered.size(), only));
        });
        Map<String, RelatedLink> pool = new LinkedHashMap<>();
        ranked.forEach(link -> pool.put(link.id(), link));
        scored.forEach(c -> pool.put(c.story().id(), c.link()));
        List<RelatedLink> ordered = new ArrayList<>(pool.values());
        ordered.sort(Comparator.comparingDouble(RelatedLink::score).reversed().thenComparing(RelatedLink::id));
        return withoutNearDuplicates(ordered, limit);
    }

    /**
     * Ids of the stories whose lists should be recomputed because this story appeared, changed or is
     * about to be removed: its {@link RankingSettings#refreshFanout()} most text-similar stories.
     * Similarity is symmetric enough that these are the lists the story can enter or leave.
     */
    public List<String> listsToRefresh(Story story) {
        return listsToRefresh(story, settings.refreshFanout());
    }

    public List<String> listsToRefresh(Story story, int count) {
        Set<String> sourceTitle = sourceOf(story).titleTokens();
        return index.search(searcher -> textMatches(searcher, story, count + settings.candidatePool())).stream()
                .filter(c -> !c.story().id().equals(story.id()))
                .filter(c -> !isNearDuplicate(sourceTitle, c.indexed().titleTokens()))
                .limit(count)
                .map(c -> c.story().id())
                .toList();
    }

    private double score(IndexedStory indexedSource, Candidate candidate, double best, TitleSimilarity titles) {
        Story source = indexedSource.story();
        Story story = candidate.story();
        double text = candidate.score() / best;
        double tags = Overlap.jaccard(indexedSource.tags(), candidate.indexed().tags());
        boolean sameCategory = !source.category().isBlank() && source.category().equalsIgnoreCase(story.category());
        return settings.textWeight() * text
                + settings.tagWeight() * tags
                + (sameCategory ? settings.categoryBonus() : 0)
                + settings.recencyWeight() * freshness(story)
                + signalScore(source, candidate.indexed(), titles);
    }

    private double signalScore(Story source, IndexedStory candidate, TitleSimilarity titles) {
        RankingSettings.Signals signals = settings.signals();
        double score = 0;
        if (signals.titleWeight() > 0) {
            score += signals.titleWeight() * titles.to(candidate.titleTerms());
        }
        if (signals.proximityWeight() > 0) {
            score += signals.proximityWeight() * proximity(source, candidate.story());
        }
        return score;
    }

    /** 1 for stories published at the same moment, halving every proximity half-life apart, either way. */
    private double proximity(Story source, Story candidate) {
        Duration apart =
                Duration.between(source.publishedAt(), candidate.publishedAt()).abs();
        return Math.pow(
                0.5,
                (double) apart.toSeconds()
                        / settings.signals().proximityHalfLife().toSeconds());
    }

    /** 1 for a story published now (or later), halving every half-life of age; ties go to the newer. */
    private double freshness(Story story) {
        Duration age = Duration.between(story.publishedAt(), clock.instant());
        if (age.isNegative()) {
            return 1;
        }
        return Math.pow(
                0.5, (double) age.toSeconds() / settings.recencyHalfLife().toSeconds());
    }

    private boolean isNearDuplicate(Set<String> a, Set<String> b) {
        return Overlap.jaccard(a, b) >= settings.nearDuplicateJaccard();
    }

    /** Raw text matches in one snapshot, best first, including the story itself if indexed. */
    private List<Candidate> textMatches(IndexSearcher searcher, Story story, int count) throws IOException {
        return textMatches(searcher, story, count, null);
    }

    /** As above, among the stories {@code only} matches (a filter: it does not change the scores), if not null. */
    private List<Candidate> textMatches(IndexSearcher searcher, Story story, int count, Query only) throws IOException {
        boolean indexed = index.find(story.id()).isPresent();
        Query query = LikeQuery.build(story, index.analyzer(), index.termLookup(searcher), settings, indexed);
        if (only != null) {
            query = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.MUST)
                    .add(only, BooleanClause.Occur.FILTER)
                    .build();
        }
        // Hits beyond the first `count` are not counted, so the search may skip documents that cannot make the
        // top (block-max WAND / MAXSCORE) instead of scoring every story sharing any query term.
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(count, count));
        String[] ids = HitIds.ids(searcher.getIndexReader(), top.scoreDocs);
        List<Candidate> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < ids.length; i++) {
            IndexedStory found = ids[i] == null ? null : index.indexed(ids[i]);
            // A story removed after this snapshot was taken is skipped rather than linked.
            if (found != null) {
                hits.add(new Candidate(found, top.scoreDocs[i].score));
            }
        }
        return hits;
    }

    /** The source's precomputed data: from the index when this revision is indexed, else worked out now. */
    private IndexedStory sourceOf(Story story) {
        IndexedStory indexed = index.indexed(story.id());
        boolean current =
                indexed != null && (indexed.story() == story || indexed.story().equals(story));
        return current ? indexed : IndexedStory.of(story, index.analyzer());
    }

    private record Candidate(IndexedStory indexed, double score) {

        Story story() {
            return indexed.story();
        }

        RelatedLink link() {
            return new RelatedLink(story().id(), story().title(), story().url(), score);
        }
    }
}
