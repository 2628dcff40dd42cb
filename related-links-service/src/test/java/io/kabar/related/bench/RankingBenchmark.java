package io.kabar.related.bench;

import io.kabar.related.ranking.RankingSettings;
import io.kabar.related.ranking.RelatedFinder;
import io.kabar.related.ranking.Story;
import io.kabar.related.ranking.StoryIndex;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Measures the ranking core on synthetic Indonesian-like news: indexing throughput (one {@code upsert} per article,
 * as the mirror does) and the time to compute one list ({@code relatedTo}, 20 links as the service stores) and to
 * plan one change ({@code listsToRefresh}, 20 neighbours). Arguments: corpus sizes, default {@code 10000 100000}.
 */
public final class RankingBenchmark {

    private static final Instant NOW = Instant.parse("2025-06-10T05:00:00Z");
    private static final int SAMPLES = 2_000;
    private static final int WARM_UP = 300;
    private static final int TOPICS = 2_000;

    private static final String[] COMMON = ("pemerintah presiden menteri warga kota kabupaten provinsi jakarta"
            + " indonesia polisi daerah pusat rapat bantuan harga rupiah pasar sekolah rumah sakit jalan tol banjir"
            + " gempa partai pemilu dewan anggaran pajak ekspor impor petani nelayan guru siswa tim pelatih laga"
            + " gol klub liga investasi saham bank kredit inflasi bencana pengungsi bantuan sosial kesehatan vaksin"
            + " pelabuhan bandara kereta listrik air bersih tambang hutan sawit kopi beras gula minyak").split(" ");
    private static final String[] FILLER = ("yang dan di ke dari untuk dengan pada dalam itu ini akan telah sudah"
            + " juga karena oleh bahwa agar saat setelah sebelum menurut kata ujar tersebut para").split(" ");
    private static final String[] SYLLABLES = ("ba be bi bo bu da de di do du ga gi gu ja ji ka ke ki ko ku la le li"
            + " lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu wa"
            + " ya ng ngan kan nya ran tan san").split(" ");

    private RankingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("cores %d, max heap %d MiB, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        for (int size : sizes) {
            run(size);
        }
    }

    private static void run(int size) throws IOException {
        Corpus corpus = new Corpus(new Random(42));
        try (StoryIndex index = new StoryIndex()) {
            long start = System.nanoTime();
            for (int i = 0; i < size; i++) {
                index.upsert(corpus.story(i));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%,d articles: indexed in %.1f s = %,.0f articles/s%n", size, seconds, size / seconds);

            RelatedFinder finder = new RelatedFinder(index, RankingSettings.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));
            Random pick = new Random(7);
            report("relatedTo(story, 20)", pick, size, index, s -> finder.relatedTo(s, RankingSettings.MAX_LIMIT));
            report("listsToRefresh(story, 20)", pick, size, index, s -> finder.listsToRefresh(s, 20));
        }
    }

    private static void report(String name, Random pick, int size, StoryIndex index, Consumer<Story> operation) {
        for (int i = 0; i < WARM_UP; i++) {
            operation.accept(index.find(Corpus.id(pick.nextInt(size))).orElseThrow());
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            Story story = index.find(Corpus.id(pick.nextInt(size))).orElseThrow();
            long start = System.nanoTime();
            operation.accept(story);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("  %-26s p50 %6.2f ms, p99 %6.2f ms, max %6.2f ms (%d samples)%n", name,
                nanos[SAMPLES / 2] / 1e6, nanos[SAMPLES * 99 / 100] / 1e6, nanos[SAMPLES - 1] / 1e6, SAMPLES);
    }

    /**
     * Articles about {@value #TOPICS} made-up subjects: each topic has its own made-up names and a few desk words,
     * each article mixes its topic's terms with common news words and filler, as wire copy does.
     */
    private static final class Corpus {

        private static final String[] DESKS = {"Nasional", "Ekonomi", "Olahraga", "Internasional", "Teknologi"};

        private final List<String[]> topics = new ArrayList<>();
        private final Random random;

        Corpus(Random random) {
            this.random = random;
            for (int t = 0; t < TOPICS; t++) {
                String[] terms = new String[12];
                for (int i = 0; i < terms.length; i++) {
                    terms[i] = i < 6 ? madeUpWord() : COMMON[random.nextInt(COMMON.length)];
                }
                topics.add(terms);
            }
        }

        static String id(int n) {
            return "a" + n;
        }

        Story story(int n) {
            int topic = (int) Math.min(TOPICS - 1, Math.abs(random.nextGaussian()) * TOPICS / 3);
            String[] terms = topics.get(topic);
            List<String> paragraphs = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                paragraphs.add(sentence(terms, 35));
            }
            return new Story(id(n), 1, capitalise(sentence(terms, 9)), paragraphs, DESKS[topic % DESKS.length],
                    List.of(terms[0], terms[1]), NOW.minusSeconds(60L * n), "https://kabar.example/" + id(n));
        }

        private String sentence(String[] terms, int words) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                double r = random.nextDouble();
                String word = r < 0.3 ? terms[random.nextInt(terms.length)]
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
}
