package io.kabar.related.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How alike two headlines are: the cosine of their sets of analysed title terms, {@code |A ∩ B| / √(|A|·|B|)}.
 *
 * <p>Every shared word counts the same. Weighting them by idf was measured and scored lower (README): it
 * favours a shared rare name over the shared subject word ("pengadilan", "suku bunga") that makes two
 * stories about the same matter.
 */
final class TitleSimilarity {

    private final Set<String> source;

    /** @param sourceTerms the source headline's {@link #terms} */
    TitleSimilarity(Set<String> sourceTerms) {
        this.source = sourceTerms;
    }

    /** In [0, 1] for another headline's {@link #terms}: 1 for the same set of terms, 0 when nothing is shared. */
    double to(Set<String> other) {
        int shared = 0;
        for (String term : other) {
            if (source.contains(term)) {
                shared++;
            }
        }
        return shared == 0 ? 0 : shared / Math.sqrt((double) source.size() * other.size());
    }

    /** The analysed terms of a headline that contain a letter (bare numbers say nothing about the subject). */
    static Set<String> terms(Analyzer analyzer, String title) {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = analyzer.tokenStream(StoryIndex.TITLE, title)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (Phrases.hasLetter(term.toString())) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does no I/O
        }
        return terms;
    }
}
