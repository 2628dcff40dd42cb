package io.kabar.related.ranking;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;

/**
 * In-memory, near-real-time Lucene index of the published stories that links can point to.
 *
 * <p>Writes are serialised; reads never block on writes: each search works on the searcher snapshot
 * that was current when it started, and every write is visible to searches started after it returns.
 * The snapshot is reopened lazily by the first search after a write, not by every write, so that
 * replaying a whole topic into the index does not pay for one reopen per story.
 */
public final class StoryIndex implements Closeable {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String BODY = "body";
    /** Two-word phrases of title and body ({@link Phrases}), one value each, matched exactly. */
    static final String PHRASES = "phrases";

    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    // Lucene only holds what search needs; the stories themselves are served from here.
    private final Map<String, IndexedStory> stories = new ConcurrentHashMap<>();
    // Writes applied to the writer so far, and how many of them the current snapshot covers.
    private final AtomicLong writes = new AtomicLong();
    private final Object reopening = new Object();
    // Term lookups kept per segment across snapshots: a reopen adds segments but changes none.
    private final SegmentTerms segmentTerms = new SegmentTerms();
    private volatile long visible;

    public StoryIndex() {
        this(TextAnalysis.DEFAULT);
    }

    public StoryIndex(TextAnalysis analysis) {
        this.analyzer = analysis.create();
        try {
            // Each finished file as one buffer: the default (many small buffers) copies the list of every buffer of
            // a file whenever a search clones or slices it, once per term looked up per segment, and that copying
            // was a third of a list's CPU time at 100,000 stories.
            Directory directory = new ByteBuffersDirectory(
                    new SingleInstanceLockFactory(),
                    ByteBuffersDataOutput::new,
                    ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
            // A reopen returns as soon as the new documents are flushed: by default it would also wait up to 500 ms
            // for merges of the small segments it just flushed, holding up every search queued behind it (during a
            // publishing burst that was the compute consumers' longest wait). Those merges still run in the
            // background and reach the next reopen.
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setMaxFullFlushMergeWaitMillis(0);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds or replaces a story; a revision older than the indexed one is ignored so that replayed or
     * reordered events cannot roll an article back.
     *
     * @return whether the index changed
     */
    public synchronized boolean upsert(Story story) {
        IndexedStory current = stories.get(story.id());
        if (current != null && current.story().revision() > story.revision()) {
            return false;
        }
        Document doc = new Document();
        doc.add(new StringField(ID, story.id(), Field.Store.NO));
        // Hits read their id from doc values: a stored-field read decompresses a whole block per hit.
        doc.add(new BinaryDocValuesField(ID, new BytesRef(story.id())));
        doc.add(new TextField(TITLE, story.title(), Field.Store.NO));
        String body = BodyText.of(story);
        doc.add(new TextField(BODY, body, Field.Store.NO));
        // Each distinct value once: these fields only say whether a story has the phrase or name.
        Set<String> phrases = new HashSet<>(Phrases.of(analyzer, story.title()));
        phrases.addAll(Phrases.of(analyzer, body));
        phrases.forEach(p -> doc.add(new StringField(PHRASES, p, Field.Store.NO)));
        try {
            writer.updateDocument(new Term(ID, story.id()), doc);
            stories.put(story.id(), IndexedStory.of(story, analyzer));
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Removes a story (unpublished or deleted); returns whether it was indexed. */
    public synchronized boolean remove(String id) {
        if (stories.remove(id) == null) {
            return false;
        }
        try {
            writer.deleteDocuments(new Term(ID, id));
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    public Optional<Story> find(String id) {
        return Optional.ofNullable(stories.get(id)).map(IndexedStory::story);
    }

    /** The indexed story with its precomputed ranking data, or null if not indexed (any more). */
    IndexedStory indexed(String id) {
        return stories.get(id);
    }

    public int size() {
        return stories.size();
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** Term lookups in the snapshot a search was given, reusing those kept from earlier snapshots' segments. */
    TermLookup termLookup(IndexSearcher searcher) {
        return new TermLookup(searcher.getIndexReader(), segmentTerms);
    }

    /** Runs a search on the current snapshot, releasing it afterwards. */
    <T> T search(SearchFunction<T> function) {
        try {
            long wanted = writes.get();
            if (visible < wanted) {
                reopen(wanted);
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reopen(long wanted) throws IOException {
        synchronized (reopening) {
            if (visible < wanted) {
                // Counted before reopening, so the new snapshot holds at least this many writes.
                long covered = writes.get();
                searchers.maybeRefreshBlocking();
                visible = covered;
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        analyzer.close();
    }

    /** A search against one index snapshot. */
    @FunctionalInterface
    interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
