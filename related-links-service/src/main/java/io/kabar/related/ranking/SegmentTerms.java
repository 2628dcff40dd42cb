package io.kabar.related.ranking;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Term lookups of every index segment, kept for as long as the segment lives, so that a searcher reopened after a
 * write looks a term up again only in the segments it has not seen: a segment never changes once written (deletions
 * do not change its terms' statistics), so a kept lookup is the one a fresh seek would give.
 *
 * <p>A small segment (the one-story segments a reopen per published article flushes, and their first merges) has
 * all its terms read at once, so that the many terms it lacks are answered without a seek; a large one keeps the
 * terms looked up in it, found or not, up to {@link #MAX_KEPT} across all large segments; beyond that, further terms
 * are looked up afresh each time (those kept are the first asked for, among them the terms many stories share). A
 * segment's lookups are dropped when Lucene closes it (after a merge), which makes room for others.
 */
final class SegmentTerms {

    /** Segments with at most this many stories have every term read at once. */
    private static final int COMPLETE_UP_TO = 128;

    /** Lookups kept in large segments at most (found ones about 170 bytes each, missing ones about 80). */
    private static final int MAX_KEPT = 500_000;

    /** A term's statistics and postings pointer in one segment. */
    record Entry(TermState state, int docFreq, long totalTermFreq) {}

    /** The segment does not have the term. */
    static final Entry MISSING = new Entry(null, 0, 0);

    private final Map<Object, Segment> segments = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();
    private final int completeUpTo;
    private final int maxKept;

    SegmentTerms() {
        this(COMPLETE_UP_TO, MAX_KEPT);
    }

    /** For tests: other bounds than the defaults. */
    SegmentTerms(int completeUpTo, int maxKept) {
        this.completeUpTo = completeUpTo;
        this.maxKept = maxKept;
    }

    /** The lookups of the segment {@code reader} reads; {@code reader} must stay open while they are used. */
    Segment of(LeafReader reader) {
        IndexReader.CacheHelper core = reader.getCoreCacheHelper();
        if (core == null) {
            return new Segment(false); // not a segment of its own: looked up afresh every time
        }
        return segments.computeIfAbsent(core.getKey(), key -> {
            core.addClosedListener(closed -> {
                Segment segment = segments.remove(closed);
                if (segment != null) {
                    kept.addAndGet(-segment.size.get());
                }
            });
            return new Segment(reader.maxDoc() <= completeUpTo);
        });
    }

    /** The kept lookups of one segment, by field and term. */
    final class Segment {

        private final boolean complete;
        private final Map<String, Map<String, Entry>> fields = new ConcurrentHashMap<>();
        // Lookups this (large) segment keeps, counted against MAX_KEPT.
        private final AtomicInteger size = new AtomicInteger();

        private Segment(boolean complete) {
            this.complete = complete;
        }

        /**
         * The term's entry in this segment, {@link #MISSING} if absent.
         *
         * @param reader the segment's reader in the caller's snapshot
         * @param bytes {@code term} as indexed (UTF-8), converted once for every segment
         * @param terms the caller's enumeration of the field in this segment, positioned anywhere; null if the
         *     segment has no such field
         */
        Entry find(LeafReader reader, String field, String term, BytesRef bytes, TermsEnum terms) throws IOException {
            if (terms == null) {
                return MISSING;
            }
            if (complete) {
                Map<String, Entry> all = fields.get(field);
                if (all == null) {
                    all = readAll(reader, field);
                    fields.putIfAbsent(field, all);
                }
                return all.getOrDefault(term, MISSING);
            }
            Map<String, Entry> known = fields.computeIfAbsent(field, f -> new ConcurrentHashMap<>());
            Entry entry = known.get(term);
            if (entry == null) {
                entry = terms.seekExact(bytes)
                        ? new Entry(terms.termState(), terms.docFreq(), terms.totalTermFreq())
                        : MISSING;
                keep(known, term, entry);
            }
            return entry;
        }

        private void keep(Map<String, Entry> known, String term, Entry entry) {
            // Counted before it is kept, so that racing threads never keep more than the bound.
            if (kept.incrementAndGet() > maxKept) {
                kept.decrementAndGet();
                return;
            }
            if (known.putIfAbsent(term, entry) == null) {
                size.incrementAndGet();
            } else {
                kept.decrementAndGet();
            }
        }

        private static Map<String, Entry> readAll(LeafReader reader, String field) throws IOException {
            Map<String, Entry> all = new HashMap<>();
            Terms terms = reader.terms(field);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    all.put(term.utf8ToString(), new Entry(each.termState(), each.docFreq(), each.totalTermFreq()));
                }
            }
            return Map.copyOf(all);
        }
    }
}
