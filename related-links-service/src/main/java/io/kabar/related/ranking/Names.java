package io.kabar.related.ranking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names in a story's body (people, places, organisations, acronyms) by capitalisation: a run of
 * capitalised words inside a sentence, lower-cased and joined, e.g. "Sri Mulyani" → {@code sri mulyani}.
 *
 * <p>Body only: headlines are often title case, where every word looks like a name. A capitalised word that
 * opens a sentence counts only if the story also capitalises it mid-sentence ("Menurut Suminto" yields
 * {@code suminto}), and day and month names are dropped: they say when, not who.
 */
final class Names {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*(?:['’-][\\p{L}\\p{N}]+)*");
    private static final Set<String> CALENDAR = Set.of(
            "senin",
            "selasa",
            "rabu",
            "kamis",
            "jumat",
            "sabtu",
            "minggu",
            "januari",
            "februari",
            "maret",
            "april",
            "mei",
            "juni",
            "juli",
            "agustus",
            "september",
            "oktober",
            "november",
            "desember");

    private Names() {}

    /** The names of these paragraphs, once per occurrence, in reading order. */
    static List<String> of(List<String> paragraphs) {
        List<List<Word>> runs = new ArrayList<>();
        Set<String> midSentence = new HashSet<>();
        for (String paragraph : paragraphs) {
            collectRuns(paragraph, runs, midSentence);
        }
        List<String> names = new ArrayList<>();
        for (List<Word> run : runs) {
            List<String> words = new ArrayList<>(run.size());
            for (Word w : run) {
                boolean doubtful = w.opensSentence() && !w.isAcronym() && !midSentence.contains(w.text());
                if (!(words.isEmpty() && doubtful) && !CALENDAR.contains(w.lower())) {
                    words.add(w.lower());
                } else if (!words.isEmpty()) {
                    break; // a date inside a run ends the name, "Prabowo Senin" is not one
                }
            }
            if (!words.isEmpty()) {
                names.add(String.join(" ", words));
            }
        }
        return names;
    }

    /** Splits a paragraph into runs of adjacent capitalised words; punctuation between words ends a run. */
    private static void collectRuns(String paragraph, List<List<Word>> runs, Set<String> midSentence) {
        Matcher m = WORD.matcher(paragraph);
        List<Word> run = new ArrayList<>();
        int previousEnd = -1;
        boolean sentenceStart = true;
        while (m.find()) {
            String gap = previousEnd < 0 ? "" : paragraph.substring(previousEnd, m.start());
            boolean adjacent = previousEnd >= 0 && gap.isBlank();
            if (previousEnd < 0 || endsSentence(gap)) {
                sentenceStart = true;
            }
            String text = m.group();
            if (!adjacent && !run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            if (Character.isUpperCase(text.codePointAt(0))) {
                run.add(new Word(text, sentenceStart));
                if (!sentenceStart) {
                    midSentence.add(text);
                }
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            sentenceStart = false;
            previousEnd = m.end();
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
    }

    private static boolean endsSentence(String gap) {
        return gap.chars().anyMatch(c -> ".!?:;\"“”".indexOf(c) >= 0);
    }

    private record Word(String text, boolean opensSentence) {

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        boolean isAcronym() {
            return text.length() > 1
                    && text.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        }
    }
}
