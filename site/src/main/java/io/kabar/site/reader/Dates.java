package io.kabar.site.reader;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates as Indonesian readers read them, in Western Indonesian Time: {@code Kamis, 14 September 2023 09:12 WIB}. */
@Component("dates")
public class Dates {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern(
                    "EEEE, d MMMM yyyy HH:mm 'WIB'", Locale.forLanguageTag("id-ID"))
            .withZone(WIB);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm", Locale.forLanguageTag("id-ID"))
            .withZone(WIB);

    public String full(Instant instant) {
        return LONG.format(instant);
    }

    public String brief(Instant instant) {
        return SHORT.format(instant);
    }

    /** ISO 8601 with the WIB offset, for {@code <time datetime>}, structured data and the sitemap. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(WIB));
    }
}
