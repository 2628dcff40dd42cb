package io.kabar.notification.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours in local time of Indonesia's daylight-saving-free zones, crossing midnight or not. */
class QuietHoursTest {

    static final ZoneId JAYAPURA = ZoneId.of("Asia/Jayapura"); // UTC+9, WIT
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta"); // UTC+7, WIB

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static QuietHours night(ZoneId zone) {
        return new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), zone);
    }

    @Test
    void anAlertAt2159LocalIsOutsideAndOneAt2200IsInsideInJayapuraAndInJakarta() {
        for (ZoneId zone : new ZoneId[] {JAYAPURA, JAKARTA}) {
            assertThat(night(zone).contains(at("2026-12-01T21:59:59", zone)))
                    .as(zone.getId())
                    .isFalse();
            assertThat(night(zone).contains(at("2026-12-01T22:00:00", zone)))
                    .as(zone.getId())
                    .isTrue();
            assertThat(night(zone).contains(at("2026-12-02T05:59:59", zone)))
                    .as(zone.getId())
                    .isTrue();
            assertThat(night(zone).contains(at("2026-12-02T06:00:00", zone)))
                    .as(zone.getId())
                    .isFalse();
        }
    }

    @Test
    void theSameInstantIsQuietInJayapuraAndNotInJakarta() {
        Instant instant = at("2026-12-01T22:30:00", JAYAPURA); // 20:30 in Jakarta

        assertThat(night(JAYAPURA).contains(instant)).isTrue();
        assertThat(night(JAKARTA).contains(instant)).isFalse();
    }

    @Test
    void endsAtTheNextLocalEndWhetherTheNightBeganTodayOrYesterday() {
        assertThat(night(JAYAPURA).firstOutside(at("2026-12-01T23:00:00", JAYAPURA)))
                .isEqualTo(at("2026-12-02T06:00:00", JAYAPURA));
        assertThat(night(JAYAPURA).firstOutside(at("2026-12-02T01:00:00", JAYAPURA)))
                .isEqualTo(at("2026-12-02T06:00:00", JAYAPURA));
        assertThat(night(JAYAPURA).firstOutside(at("2026-12-02T12:00:00", JAYAPURA)))
                .isEqualTo(at("2026-12-02T12:00:00", JAYAPURA));
    }

    @Test
    void aPeriodWithinOneDayDoesNotCrossMidnight() {
        QuietHours siesta = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), JAKARTA);

        assertThat(siesta.contains(at("2026-12-01T12:59:00", JAKARTA))).isFalse();
        assertThat(siesta.contains(at("2026-12-01T13:00:00", JAKARTA))).isTrue();
        assertThat(siesta.contains(at("2026-12-01T23:00:00", JAKARTA))).isFalse();
        assertThat(siesta.firstOutside(at("2026-12-01T14:00:00", JAKARTA)))
                .isEqualTo(at("2026-12-01T15:00:00", JAKARTA));
    }

    @Test
    void refusesAPeriodThatEndsWhenItStarts() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0), LocalTime.of(22, 0), JAKARTA))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
