package io.kabar.related.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Two-word phrases of a text as the index analyses it ("suku bunga", "utang negara"): pairs of analysed terms
 * that stand next to each other, so a pair split by a dropped stop word is not a phrase.
 */
final class Phrases {

    private Phrases() {}

    /** Every adjacent pair of analysed terms, once per occurrence, as {@code "first second"}. */
    static List<String> of(Analyzer analyzer, String text) {
        List<String> phrases = new ArrayList<>();
        scan(analyzer, text, term -> {}, phrases::add);
        return phrases;
    }

    /**
     * Analyses a text once, handing over every analysed term and every phrase ({@link #of}) as they come, so that
     * a caller needing both does not analyse the text twice.
     */
    static void scan(Analyzer analyzer, String text, Consumer<String> terms, Consumer<String> phrases) {
        try (TokenStream stream = analyzer.tokenStream(StoryIndex.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            String previous = null;
            while (stream.incrementToken()) {
                String current = term.toString();
                terms.accept(current);
                // Bare numbers (dates, amounts) would link anything, as they do as single terms.
                if (previous != null
                        && increment.getPositionIncrement() == 1
                        && hasLetter(previous)
                        && hasLetter(current)) {
                    phrases.accept(previous + ' ' + current);
                }
                previous = current;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String does no I/O
        }
    }

    static boolean hasLetter(String term) {
        return term.codePoints().anyMatch(Character::isLetter);
    }
}
