package io.kabar.related.ranking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Made-up Indonesian news stories written for these tests, around a Putin–Kim summit story. */
final class NewsFixtures {

    static final Instant NOW = Instant.parse("2025-06-10T05:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final Story PUTIN_MEETS_KIM = story(
            "putin-kim",
            "Internasional",
            1,
            "Putin Sambut Kim Jong-un di Kosmodrom Vostochny",
            List.of("Rusia", "Korea Utara"),
            "Presiden Rusia Vladimir Putin menyambut pemimpin Korea Utara Kim Jong-un di kosmodrom"
                    + " Vostochny, wilayah Amur, Rabu. Kedua pemimpin membahas kerja sama militer dan teknologi"
                    + " satelit.",
            "Kim Jong-un menyebut hubungan dengan Rusia sebagai prioritas utama Pyongyang dan berjanji"
                    + " mendukung Moskow melawan imperialisme.",
            "Pengamat di Seoul khawatir pertemuan itu berujung pada kesepakatan senjata antara Pyongyang"
                    + " dan Moskow.");

    static final Story AMMUNITION = story(
            "amunisi",
            "Internasional",
            3,
            "Korea Utara Diduga Kirim Amunisi Artileri ke Rusia",
            List.of("Korea Utara", "Rusia"),
            "Intelijen Korea Selatan menduga Pyongyang mengirim ribuan peti amunisi artileri ke Rusia"
                    + " melalui jalur kereta.",
            "Moskow membantah tuduhan itu, sementara Kim Jong-un disebut meminta bantuan teknologi"
                    + " satelit militer sebagai imbalan.");

    static final Story ARMOURED_TRAIN = story(
            "kereta-kim",
            "Internasional",
            2,
            "Kereta Lapis Baja Kim Jong-un Melintasi Perbatasan Rusia",
            List.of("Korea Utara"),
            "Kereta lapis baja yang membawa Kim Jong-un melintasi perbatasan Rusia menuju wilayah timur" + " jauh.",
            "Perjalanan pemimpin Korea Utara itu berlangsung lambat karena alasan keamanan, menurut media" + " Rusia.");

    static final Story PUTIN_UKRAINE = story(
            "putin-ukraina",
            "Internasional",
            6,
            "Putin Gelar Rapat dengan Petinggi Militer Rusia",
            List.of("Rusia"),
            "Presiden Vladimir Putin menggelar rapat dengan petinggi militer Rusia untuk membahas"
                    + " kebutuhan senjata dan amunisi.",
            "Kremlin menyatakan kerja sama militer dengan negara sahabat akan diperluas.");

    static final Story SEOUL_WORRIES = story(
            "seoul-khawatir",
            "Internasional",
            4,
            "Seoul Khawatirkan Kerja Sama Militer Pyongyang dan Moskow",
            List.of("Korea Selatan", "Korea Utara"),
            "Pemerintah Korea Selatan menyatakan khawatir atas kerja sama militer antara Pyongyang dan"
                    + " Moskow setelah pertemuan kedua pemimpin.",
            "Seoul meminta Rusia mematuhi sanksi Dewan Keamanan PBB terhadap Korea Utara.");

    static final Story SATELLITE = story(
            "satelit",
            "Internasional",
            5,
            "Jepang Pantau Peluncuran Satelit Militer Korea Utara",
            List.of("Korea Utara", "Jepang"),
            "Tokyo memantau rencana Pyongyang meluncurkan satelit mata-mata militer yang diduga dibantu"
                    + " teknologi Rusia.");

    static final Story STOCK_INDEX = story(
            "ihsg",
            "Ekonomi",
            0,
            "IHSG Dibuka Menguat pada Perdagangan Pagi",
            List.of("Saham"),
            "Indeks Harga Saham Gabungan dibuka menguat pada perdagangan pagi ini didorong saham" + " perbankan.",
            "Analis memperkirakan indeks bergerak terbatas menjelang rilis data inflasi.");

    static final Story RUPIAH = story(
            "rupiah",
            "Ekonomi",
            1,
            "Rupiah Melemah terhadap Dolar AS",
            List.of("Valas"),
            "Nilai tukar rupiah melemah terhadap dolar Amerika Serikat di pasar spot pagi ini.",
            "Pelaku pasar menanti keputusan suku bunga bank sentral.");

    static final Story FOOTBALL = story(
            "sepak-bola",
            "Olahraga",
            0,
            "Klinik Sepak Bola untuk Talenta Muda Papua",
            List.of("Sepak Bola"),
            "Mantan pemain Eropa menggelar klinik sepak bola untuk talenta muda di Jayapura, Papua.",
            "Puluhan anak berlatih teknik dasar menggiring dan mengoper bola selama dua hari.");

    static final Story DERBY = story(
            "derbi",
            "Olahraga",
            2,
            "Persib Menang Tipis atas Persija",
            List.of("Sepak Bola", "Liga 1"),
            "Persib Bandung menang tipis 1-0 atas Persija Jakarta dalam lanjutan Liga 1.",
            "Gol tunggal dicetak pada menit ke-78 melalui sundulan kepala.");

    static final Story SCHOLARSHIP = story(
            "beasiswa",
            "Pendidikan",
            1,
            "Pendaftaran Beasiswa Kuliah Dibuka Bulan Depan",
            List.of("Beasiswa"),
            "Pemerintah membuka pendaftaran beasiswa kuliah bagi lulusan SMA bulan depan.",
            "Calon penerima wajib melampirkan rapor dan surat keterangan tidak mampu.");

    /** Same event, same headline modulo case and punctuation: a wire copy, not a second angle. */
    static final Story PUTIN_MEETS_KIM_COPY = story(
            "putin-kim-salinan",
            "Internasional",
            0,
            "Putin Sambut Kim Jong-Un di Kosmodrom Vostochny!",
            List.of("Rusia", "Korea Utara"),
            "Presiden Rusia Vladimir Putin menyambut pemimpin Korea Utara Kim Jong-un di kosmodrom"
                    + " Vostochny. Keduanya membahas kerja sama militer dan satelit.");

    /** Stories on the summit's subject: Russia, North Korea and their military ties. */
    static final List<String> ON_TOPIC = List.of("amunisi", "kereta-kim", "putin-ukraina", "seoul-khawatir", "satelit");

    /** Stories sharing nothing with the summit but the publication window. */
    static final List<String> OFF_TOPIC = List.of("ihsg", "rupiah", "sepak-bola", "derbi", "beasiswa");

    static final List<Story> ALL = List.of(
            PUTIN_MEETS_KIM,
            AMMUNITION,
            ARMOURED_TRAIN,
            PUTIN_UKRAINE,
            SEOUL_WORRIES,
            SATELLITE,
            STOCK_INDEX,
            RUPIAH,
            FOOTBALL,
            DERBY,
            SCHOLARSHIP,
            PUTIN_MEETS_KIM_COPY);

    private NewsFixtures() {}

    static Story story(String id, String category, int daysAgo, String title, List<String> tags, String... paragraphs) {
        return new Story(
                id,
                1,
                title,
                List.of(paragraphs),
                category,
                tags,
                NOW.minus(Duration.ofDays(daysAgo)),
                "https://kabar.example/" + id);
    }

    static StoryIndex indexOf(List<Story> stories) {
        StoryIndex index = new StoryIndex();
        stories.forEach(index::upsert);
        return index;
    }
}
