package io.kabar.testing.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Articles about {@value #TOPICS} made-up subjects, for benchmarks: each topic has its own made-up names and a few
 * desk words, each article mixes its topic's terms with common news words and filler, as wire copy does. The same
 * seed gives the same articles.
 */
public final class SyntheticNews {

    /** One generated article; the n-th is {@code n} minutes older than {@link #NOW}. */
    public record Item(
            String id,
            String title,
            List<String> paragraphs,
            String category,
            List<String> tags,
            Instant publishedAt) {}

    public static final Instant NOW = Instant.parse("2025-06-10T05:00:00Z");
    private static final int TOPICS = 2_000;

    private static final String[] COMMON = ("pemerintah presiden menteri warga kota kabupaten provinsi jakarta"
                    + " indonesia polisi daerah pusat rapat bantuan harga rupiah pasar sekolah rumah sakit jalan tol banjir"
                    + " gempa partai pemilu dewan anggaran pajak ekspor impor petani nelayan guru siswa tim pelatih laga"
                    + " gol klub liga investasi saham bank kredit inflasi bencana pengungsi bantuan sosial kesehatan vaksin"
                    + " pelabuhan bandara kereta listrik air bersih tambang hutan sawit kopi beras gula minyak")
            .split(" ");
    private static final String[] FILLER = ("yang dan di ke dari untuk dengan pada dalam itu ini akan telah sudah"
                    + " juga karena oleh bahwa agar saat setelah sebelum menurut kata ujar tersebut para")
            .split(" ");
    private static final String[] SYLLABLES = ("ba be bi bo bu da de di do du ga gi gu ja ji ka ke ki ko ku la le li"
                    + " lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu wa"
                    + " ya ng ngan kan nya ran tan san")
            .split(" ");

    private static final String[] DESKS = {"Nasional", "Ekonomi", "Olahraga", "Internasional", "Teknologi"};

    private final List<String[]> topics = new ArrayList<>();
    private final Random random;

    public SyntheticNews(Random random) {
        this.random = random;
        for (int t = 0; t < TOPICS; t++) {
            String[] terms = new String[12];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = i < 6 ? madeUpWord() : COMMON[random.nextInt(COMMON.length)];
            }
            topics.add(terms);
        }
    }

    public static String id(int n) {
        return "a" + n;
    }

    public Item item(int n) {
        int topic = (int) Math.min(TOPICS - 1, Math.abs(random.nextGaussian()) * TOPICS / 3);
        String[] terms = topics.get(topic);
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            paragraphs.add(sentence(terms, 35));
        }
        return new Item(
                id(n),
                capitalise(sentence(terms, 9)),
                paragraphs,
                DESKS[topic % DESKS.length],
                List.of(terms[0], terms[1]),
                NOW.minusSeconds(60L * n));
    }

    private String sentence(String[] terms, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            double r = random.nextDouble();
            String word = r < 0.3
                    ? terms[random.nextInt(terms.length)]
                    : r < 0.6 ? COMMON[random.nextInt(COMMON.length)] : FILLER[random.nextInt(FILLER.length)];
            text.append(w == 0 ? "" : " ").append(word);
        }
        return text.append('.').toString();
    }

    private String madeUpWord() {
        StringBuilder word = new StringBuilder();
        for (int s = 2 + random.nextInt(2); s > 0; s--) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
