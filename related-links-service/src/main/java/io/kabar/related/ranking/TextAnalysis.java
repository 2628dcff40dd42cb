package io.kabar.related.ranking;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The Indonesian analysis chains the index can be built with; see the README for how they compare. */
public enum TextAnalysis {
    /** Lucene's stock {@link IndonesianAnalyzer}: stop words, derivational and inflectional stemming. */
    DERIVATIONAL {
        @Override
        Analyzer create() {
            return new IndonesianAnalyzer();
        }
    },
    /** Stop words and inflectional stemming only, so "kerjasama" or "menteri" keep their meaning. */
    INFLECTIONAL {
        @Override
        Analyzer create() {
            return chain(true, false);
        }
    },
    /** {@link #INFLECTIONAL} plus ASCII folding of accented letters in foreign names. */
    INFLECTIONAL_FOLDED {
        @Override
        Analyzer create() {
            return chain(true, true);
        }
    },
    /** Stop words only, as a reference point for what stemming buys. */
    UNSTEMMED {
        @Override
        Analyzer create() {
            return chain(false, false);
        }
    };

    /** The chain used unless told otherwise; chosen by the corpus measurements in the README. */
    public static final TextAnalysis DEFAULT = INFLECTIONAL;

    abstract Analyzer create();

    private static Analyzer chain(boolean stem, boolean fold) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                if (fold) {
                    stream = new ASCIIFoldingFilter(stream);
                }
                stream = new StopFilter(stream, IndonesianAnalyzer.getDefaultStopSet());
                if (stem) {
                    stream = new IndonesianStemFilter(stream, false);
                }
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }
}
