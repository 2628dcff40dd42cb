package io.kabar.site.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {

    private final Dates dates = new Dates();

    @Test
    void aMomentReadsAsIndonesianDayDateAndTimeInWesternIndonesianTime() {
        assertThat(dates.full(Instant.parse("2023-09-14T02:12:00Z"))).isEqualTo("Kamis, 14 September 2023 09:12 WIB");
    }

    @Test
    void machineReadableDatesCarryTheWibOffset() {
        assertThat(dates.iso(Instant.parse("2023-09-14T05:06:00Z"))).isEqualTo("2023-09-14T12:06:00+07:00");
    }
}
