package io.kabar.notification.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.subscriptions.Pacing;
import io.kabar.notification.subscriptions.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pacing decisions on a fixed clock: quiet hours, the daily cap, critical alerts, redeliveries and releases. */
class PacerTest {

    static final ZoneId JAYAPURA = ZoneId.of("Asia/Jayapura");
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final Pacing QUIET_NIGHTS = quiet(JAYAPURA, null);
    static final Duration MEMORY = Duration.ofDays(7);

    static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    static Pacing quiet(ZoneId zone, Integer maxPerDay) {
        return new Pacing(new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), zone), maxPerDay, false);
    }

    static Alert alert(String id, boolean critical) {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        return new Alert(
                id,
                "article-" + id,
                1,
                "Judul " + id,
                null,
                "https://kabar.example/" + id,
                "Nasional",
                List.of(),
                t,
                t,
                critical);
    }

    private final PacingState empty = PacingState.empty("s1");

    @Test
    void sendsAt2159AndHoldsAt2200LocalUntilTheNightEnds() {
        Pacer.Decision before =
                Pacer.decide(empty, QUIET_NIGHTS, alert("a", false), at("2026-12-01T21:59:00", JAYAPURA));
        Pacer.Decision during =
                Pacer.decide(empty, QUIET_NIGHTS, alert("b", false), at("2026-12-01T22:00:00", JAYAPURA));

        assertThat(before.verdict()).isEqualTo(Pacer.Verdict.SEND);
        assertThat(before.next()).isSameAs(empty);
        assertThat(during.verdict()).isEqualTo(Pacer.Verdict.HOLD);
        assertThat(during.next().held()).extracting(Alert::alertId).containsExactly("b");
        assertThat(during.next().releaseAt()).isEqualTo(at("2026-12-02T06:00:00", JAYAPURA));
    }

    @Test
    void judgesEachSubscriberInTheirOwnZone() {
        Instant jayapura2200 = at("2026-12-01T22:00:00", JAYAPURA); // 20:00 in Jakarta
        Instant jakarta2200 = at("2026-12-01T22:00:00", JAKARTA);

        assertThat(Pacer.decide(empty, quiet(JAKARTA, null), alert("a", false), jayapura2200)
                        .verdict())
                .isEqualTo(Pacer.Verdict.SEND);
        assertThat(Pacer.decide(empty, quiet(JAKARTA, null), alert("a", false), jakarta2200)
                        .verdict())
                .isEqualTo(Pacer.Verdict.HOLD);
    }

    @Test
    void criticalAlertsBypassQuietHoursAndTheCapWithoutCounting() {
        Pacing capped = quiet(JAYAPURA, 1);
        PacingState full = Pacer.decide(empty, capped, alert("a", false), at("2026-12-01T10:00:00", JAYAPURA))
                .next();

        Pacer.Decision night = Pacer.decide(full, capped, alert("c", true), at("2026-12-01T23:00:00", JAYAPURA));
        Pacer.Decision overCap = Pacer.decide(full, capped, alert("d", true), at("2026-12-01T11:00:00", JAYAPURA));

        assertThat(night.verdict()).isEqualTo(Pacer.Verdict.SEND);
        assertThat(overCap.verdict()).isEqualTo(Pacer.Verdict.SEND);
        assertThat(overCap.next().counted()).containsExactly("a");
    }

    @Test
    void holdsWhatComesOverTheCapUntilTheNextLocalDayOutsideQuietHours() {
        Pacing capped = quiet(JAKARTA, 2);
        PacingState state = empty;
        for (String id : List.of("a", "b")) {
            Pacer.Decision sent = Pacer.decide(state, capped, alert(id, false), at("2026-12-01T09:00:00", JAKARTA));
            assertThat(sent.verdict()).isEqualTo(Pacer.Verdict.SEND);
            state = sent.next();
        }

        Pacer.Decision third = Pacer.decide(state, capped, alert("c", false), at("2026-12-01T12:00:00", JAKARTA));

        assertThat(third.verdict()).isEqualTo(Pacer.Verdict.HOLD);
        // Midnight falls in the quiet night, so the digest waits for its end.
        assertThat(third.next().releaseAt()).isEqualTo(at("2026-12-02T06:00:00", JAKARTA));
        // The next local day counts from zero again.
        assertThat(Pacer.decide(third.next(), capped, alert("e", false), at("2026-12-02T07:00:00", JAKARTA))
                        .verdict())
                .isEqualTo(Pacer.Verdict.SEND);
    }

    @Test
    void anUpdateOfAHeldAlertRewritesItInTheDigestInsteadOfBeingSent() {
        Instant night = at("2026-12-01T23:00:00", JAYAPURA);
        PacingState holding =
                Pacer.decide(empty, QUIET_NIGHTS, alert("a", false), night).next();
        Alert update = alert("a", false).updatedTo(2, "Judul baru", "Ringkasan", "https://kabar.example/baru", night);

        Pacer.Decision folded = Pacer.decide(holding, QUIET_NIGHTS, update, night.plusSeconds(60));

        assertThat(folded.verdict()).isEqualTo(Pacer.Verdict.FOLD);
        Alert held = folded.next().held().getFirst();
        assertThat(held.type()).isEqualTo(Alert.Type.CREATED);
        assertThat(held.title()).isEqualTo("Judul baru");
        assertThat(held.url()).isEqualTo("https://kabar.example/baru");
        assertThat(held.articleRevision()).isEqualTo(2);
        assertThat(folded.next().releaseAt()).isEqualTo(holding.releaseAt());
    }

    @Test
    void aRetractionOfAHeldAlertTakesItOutOfTheDigestInsteadOfBeingSent() {
        Instant night = at("2026-12-01T23:00:00", JAYAPURA);
        PacingState holding =
                Pacer.decide(empty, QUIET_NIGHTS, alert("a", false), night).next();
        holding = Pacer.decide(holding, QUIET_NIGHTS, alert("b", false), night).next();

        Pacer.Decision one =
                Pacer.decide(holding, QUIET_NIGHTS, alert("a", false).retracted(2, night), night.plusSeconds(60));
        Pacer.Decision both =
                Pacer.decide(one.next(), QUIET_NIGHTS, alert("b", false).retracted(2, night), night.plusSeconds(60));

        assertThat(one.verdict()).isEqualTo(Pacer.Verdict.FOLD);
        assertThat(one.next().pending()).extracting(Alert::alertId).containsExactly("b");
        assertThat(both.next().pending()).isEmpty();
        assertThat(both.next().releaseAt()).isNull();
        // Remembered as withdrawn (see below), with when they were folded, until the memory has passed.
        assertThat(both.next().held())
                .extracting(Alert::alertId, Alert::type, Alert::changedAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", Alert.Type.RETRACTED, night.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple("b", Alert.Type.RETRACTED, night.plusSeconds(60)));
        PacingState remembered = Pacer.release(both.next(), QUIET_NIGHTS, night.plus(MEMORY), MEMORY, id -> false)
                .map(Pacer.Release::next)
                .orElse(both.next());
        assertThat(remembered.held()).hasSize(2);
        assertThat(Pacer.release(both.next(), QUIET_NIGHTS, night.plus(MEMORY).plusSeconds(61), MEMORY, id -> false)
                        .orElseThrow()
                        .next()
                        .isEmpty())
                .isTrue();
    }

    @Test
    void aRetractionRedeliveredAfterItWasFoldedIsFoldedAgainNotSentToASubscriberWhoNeverSawTheAlert() {
        // The gate wrote the folded state, then crashed before the batch's offsets were committed: the same
        // retraction comes again, before or after the digest went out.
        Instant night = at("2026-12-01T23:00:00", JAYAPURA);
        PacingState holding =
                Pacer.decide(empty, QUIET_NIGHTS, alert("a", false), night).next();
        holding = Pacer.decide(holding, QUIET_NIGHTS, alert("b", false), night).next();
        Alert retraction = alert("a", false).retracted(2, night);
        PacingState folded = Pacer.decide(holding, QUIET_NIGHTS, retraction, night.plusSeconds(60))
                .next();

        Pacer.Decision again = Pacer.decide(folded, QUIET_NIGHTS, retraction, night.plusSeconds(90));
        Pacer.Release release = Pacer.release(
                        folded, QUIET_NIGHTS, at("2026-12-02T06:00:00", JAYAPURA), MEMORY, id -> false)
                .orElseThrow();
        Pacer.Decision afterDigest =
                Pacer.decide(release.next(), QUIET_NIGHTS, retraction, at("2026-12-02T06:00:05", JAYAPURA));
        Pacer.Decision recreated = Pacer.decide(folded, QUIET_NIGHTS, alert("a", false), night.plusSeconds(90));

        assertThat(again.verdict()).isEqualTo(Pacer.Verdict.FOLD);
        assertThat(again.next()).isSameAs(folded);
        assertThat(release.digest()).extracting(Alert::alertId).containsExactly("b");
        assertThat(afterDigest.verdict()).isEqualTo(Pacer.Verdict.FOLD);
        assertThat(afterDigest.next()).isSameAs(release.next());
        // The alert's own first attempt redelivered too: still held as withdrawn, never sent.
        assertThat(recreated.verdict()).isEqualTo(Pacer.Verdict.HOLD);
        assertThat(recreated.next().pending()).extracting(Alert::alertId).containsExactly("b");
    }

    @Test
    void followUpsOfAnAlertAlreadySentGoAtOnceEvenAtNightAndDoNotCount() {
        Pacing capped = quiet(JAYAPURA, 1);
        PacingState full = Pacer.decide(empty, capped, alert("a", false), at("2026-12-01T21:00:00", JAYAPURA))
                .next();
        Instant night = at("2026-12-01T23:00:00", JAYAPURA);

        Pacer.Decision update = Pacer.decide(
                full, capped, alert("a", false).updatedTo(2, "Baru", null, "https://kabar.example/a", night), night);
        Pacer.Decision retraction = Pacer.decide(full, capped, alert("a", false).retracted(3, night), night);

        assertThat(update.verdict()).isEqualTo(Pacer.Verdict.SEND);
        assertThat(update.next()).isSameAs(full);
        assertThat(retraction.verdict()).isEqualTo(Pacer.Verdict.SEND);
        assertThat(retraction.next()).isSameAs(full);
    }

    @Test
    void aCapWithoutQuietHoursCountsUtcDaysAndReleasesAtUtcMidnight() {
        Pacing capped = new Pacing(null, 1, false);
        PacingState one = Pacer.decide(empty, capped, alert("a", false), Instant.parse("2026-12-01T10:00:00Z"))
                .next();

        Pacer.Decision held = Pacer.decide(one, capped, alert("b", false), Instant.parse("2026-12-01T11:00:00Z"));

        assertThat(held.next().releaseAt()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    }

    @Test
    void aRedeliveredAlertIsNeitherCountedTwiceNorHeldTwice() {
        Pacing capped = quiet(JAYAPURA, 2);
        Instant noon = at("2026-12-01T12:00:00", JAYAPURA);
        PacingState once = Pacer.decide(empty, capped, alert("a", false), noon).next();

        Pacer.Decision again = Pacer.decide(once, capped, alert("a", false), noon.plusSeconds(5));
        PacingState held = Pacer.decide(once, capped, alert("n", false), at("2026-12-01T23:00:00", JAYAPURA))
                .next();
        Pacer.Decision heldAgain = Pacer.decide(held, capped, alert("n", false), at("2026-12-01T23:01:00", JAYAPURA));

        assertThat(again.verdict()).isEqualTo(Pacer.Verdict.SEND);
        assertThat(again.next()).isSameAs(once);
        assertThat(once.counted()).containsExactly("a");
        assertThat(heldAgain.verdict()).isEqualTo(Pacer.Verdict.HOLD);
        assertThat(heldAgain.next().held()).hasSize(1);
    }

    @Test
    void dropsInsteadOfHoldingWhenTheSubscriberChoseDrop() {
        Pacing drop = new Pacing(QUIET_NIGHTS.quietHours(), null, true);

        Pacer.Decision decision = Pacer.decide(empty, drop, alert("a", false), at("2026-12-01T23:00:00", JAYAPURA));

        assertThat(decision.verdict()).isEqualTo(Pacer.Verdict.DROP);
        assertThat(decision.next().isEmpty()).isTrue();
    }

    @Test
    void releasesTheDigestWhenDueWithoutRetractedArticlesAndNotBefore() {
        PacingState held = empty;
        for (String id : List.of("a", "b", "c")) {
            held = Pacer.decide(held, QUIET_NIGHTS, alert(id, false), at("2026-12-01T23:00:00", JAYAPURA))
                    .next();
        }

        assertThat(Pacer.release(held, QUIET_NIGHTS, at("2026-12-02T05:59:59", JAYAPURA), MEMORY, id -> false))
                .isEmpty();
        Pacer.Release release = Pacer.release(
                        held, QUIET_NIGHTS, at("2026-12-02T06:00:00", JAYAPURA), MEMORY, "article-b"::equals)
                .orElseThrow();

        assertThat(release.digest()).extracting(Alert::alertId).containsExactly("a", "c");
        assertThat(release.next().held()).isEmpty();
        assertThat(release.next().isEmpty()).isTrue();
    }

    @Test
    void forgetsYesterdaysCountSoTheRecordCanBeDeleted() {
        Pacing capped = quiet(JAYAPURA, 3);
        PacingState counted = Pacer.decide(empty, capped, alert("a", false), at("2026-12-01T12:00:00", JAYAPURA))
                .next();

        assertThat(Pacer.release(counted, capped, at("2026-12-01T20:00:00", JAYAPURA), MEMORY, id -> false))
                .isEmpty();
        assertThat(Pacer.release(counted, capped, at("2026-12-02T00:00:00", JAYAPURA), MEMORY, id -> false)
                        .orElseThrow()
                        .next()
                        .isEmpty())
                .isTrue();
    }

    @Test
    void keepsAtMostTheNewestHundredAlertsInADigest() {
        PacingState held = empty;
        for (int i = 0; i < PacingState.MAX_HELD + 5; i++) {
            held = Pacer.decide(held, QUIET_NIGHTS, alert("x" + i, false), at("2026-12-01T23:00:00", JAYAPURA))
                    .next();
        }

        assertThat(held.held()).hasSize(PacingState.MAX_HELD);
        assertThat(held.held().getFirst().alertId()).isEqualTo("x5");
    }
}
