package io.kabar.notification.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.notification.alerts.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpsTest {

    static final Instant ALERTED = Instant.parse("2026-12-01T10:00:00Z");
    static final Alert ALERT = new Alert(
            "alert-1",
            "art-1",
            3,
            "Gempa M6,1 guncang Cianjur",
            "BMKG: tidak berpotensi tsunami",
            "https://kabar.example/gempa-m6-1-guncang-cianjur",
            "Nasional",
            List.of("gempa"),
            ALERTED.minusSeconds(30),
            ALERTED,
            false);

    final FollowUps followUps = new FollowUps(Duration.ofHours(1));

    static FollowUps.Change edit(String title, String summary, String url, Instant at) {
        return new FollowUps.Change(false, 4, title, summary, url, at);
    }

    @Test
    void aChangedTitleSummaryOrUrlIsAnUpdateOfTheSameAlert() {
        Instant at = ALERTED.plusSeconds(600);
        for (var change : List.of(
                edit("Gempa M5,9 guncang Cianjur", ALERT.summary(), ALERT.url(), at),
                edit(ALERT.title(), "BMKG: tsunami tidak terjadi", ALERT.url(), at),
                edit(ALERT.title(), null, ALERT.url(), at),
                edit(ALERT.title(), ALERT.summary(), "https://kabar.example/gempa-m5-9-guncang-cianjur", at))) {
            Alert update = followUps.after(ALERT, change, at).orElseThrow();

            assertThat(update.type()).isEqualTo(Alert.Type.UPDATED);
            assertThat(update.alertId()).isEqualTo(ALERT.alertId());
            assertThat(update.articleRevision()).isEqualTo(4);
            assertThat(update.title()).isEqualTo(change.title());
            assertThat(update.summary()).isEqualTo(change.summary());
            assertThat(update.url()).isEqualTo(change.url());
            assertThat(update.category()).isEqualTo("Nasional");
            assertThat(update.tags()).containsExactly("gempa");
            assertThat(update.createdAt()).isEqualTo(ALERTED);
            assertThat(update.changedAt()).isEqualTo(at);
        }
    }

    @Test
    void anEditReadersWouldNotSeeIsNoFollowUp() {
        Instant at = ALERTED.plusSeconds(600);
        // The same title, summary and URL (body, tags or image changed), or only whitespace differs.
        assertThat(followUps.after(ALERT, edit(ALERT.title(), ALERT.summary(), ALERT.url(), at), at))
                .isEmpty();
        assertThat(followUps.after(ALERT, edit(" Gempa M6,1  guncang\nCianjur ", ALERT.summary(), ALERT.url(), at), at))
                .isEmpty();
    }

    @Test
    void anUnpublishedArticleIsARetractionWithoutContent() {
        Instant at = ALERTED.plusSeconds(60);
        Alert retraction = followUps
                .after(ALERT, new FollowUps.Change(true, 4, "", null, "", at), at)
                .orElseThrow();

        assertThat(retraction.type()).isEqualTo(Alert.Type.RETRACTED);
        assertThat(retraction.alertId()).isEqualTo(ALERT.alertId());
        assertThat(retraction.json().title()).isNull();
        assertThat(retraction.json().url()).isNull();
        assertThat(retraction.json().summary()).isNull();
        assertThat(retraction.json().tags()).isNull();
        assertThat(retraction.json().type()).isEqualTo("alert.retracted");
    }

    @Test
    void nothingFollowsARetractionOrAChangeAfterTheAlertWindow() {
        Instant at = ALERTED.plusSeconds(60);
        Alert retraction = ALERT.retracted(4, at);
        assertThat(followUps.after(retraction, edit("Judul baru", null, ALERT.url(), at), at))
                .isEmpty();
        assertThat(followUps.after(retraction, new FollowUps.Change(true, 5, "", null, "", at), at))
                .isEmpty();

        Instant late = ALERTED.plus(Duration.ofHours(1)).plusMillis(1);
        assertThat(followUps.after(ALERT, edit("Judul baru", null, ALERT.url(), late), late))
                .isEmpty();
        assertThat(followUps.after(ALERT, new FollowUps.Change(true, 4, "", null, "", late), late))
                .isEmpty();
    }

    @Test
    void anAlertFromBeforeFollowUpsIsNotFollowedUp() {
        Instant at = ALERTED.plusSeconds(60);
        assertThat(followUps.after(null, edit("Judul baru", null, ALERT.url(), at), at))
                .isEmpty();
    }
}
