package io.kabar.notification.subscriptions;

import io.kabar.notification.alerts.Interests;
import io.kabar.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /api/subscriptions}.
 *
 * @param channel      {@code webhook}; {@code webpush} and {@code email} are modelled but not offered yet
 * @param url          where webhooks go
 * @param breakingOnly defaults to true
 * @param quietHours   optional daily period without alerts
 * @param maxPerDay    optional cap of alerts per local day
 * @param held         {@code digest} (default) or {@code drop}: what becomes of alerts held back
 */
record SubscriptionRequest(
        @NotBlank @Pattern(regexp = "webhook", message = "must be webhook (webpush and email are not offered yet)")
        String channel,

        @NotBlank @Size(max = 2048) String url,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> categories,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        Boolean breakingOnly,
        @Valid QuietHoursRequest quietHours,
        @Min(1) @Max(MAX_PER_DAY) Integer maxPerDay,

        @Pattern(regexp = "digest|drop", message = "must be digest or drop")
        String held) {

    /** The highest daily cap: what a day's count remembers is one alert id per alert counted. */
    static final int MAX_PER_DAY = 100;

    /** {@code quietHours}: local times and an IANA zone; {@code from} and {@code to} must differ. */
    record QuietHoursRequest(
            @NotBlank @Pattern(regexp = HH_MM, message = "must be HH:mm, 00:00 to 23:59")
            String from,

            @NotBlank @Pattern(regexp = HH_MM, message = "must be HH:mm, 00:00 to 23:59")
            String to,

            @NotBlank @Size(max = 64) String zone) {

        private static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";
    }

    /** The pacing asked for; a 400 naming the field when the zone is not an IANA zone or the period is empty. */
    Pacing pacing() {
        QuietHours quiet = null;
        if (quietHours != null) {
            if (!ZoneId.getAvailableZoneIds().contains(quietHours.zone())) {
                throw ApiProblem.invalid(
                        "quietHours.zone",
                        "must be an IANA time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura");
            }
            if (quietHours.from().equals(quietHours.to())) {
                throw ApiProblem.invalid("quietHours.to", "must differ from quietHours.from");
            }
            quiet = new QuietHours(
                    LocalTime.parse(quietHours.from()), LocalTime.parse(quietHours.to()), ZoneId.of(quietHours.zone()));
        }
        return new Pacing(quiet, maxPerDay, "drop".equals(held));
    }

    Subscription.Channel channelValue() {
        return Subscription.Channel.valueOf(channel.toUpperCase(java.util.Locale.ROOT));
    }

    Interests interests() {
        return new Interests(
                Objects.requireNonNullElse(categories, List.of()), Objects.requireNonNullElse(tags, List.of()));
    }

    boolean breakingOnlyValue() {
        return breakingOnly == null || breakingOnly;
    }

    /** The subscription this request asks for, with its id, credentials and creation time. */
    Subscription toSubscription(String id, Credentials.Issued credentials, Instant createdAt) {
        return new Subscription(
                id,
                channelValue(),
                url,
                credentials.secret(),
                interests(),
                breakingOnlyValue(),
                true,
                createdAt,
                null,
                null,
                credentials.tokenHash(),
                null,
                pacing());
    }

    /** What identifies this request for Idempotency-Key checks: its content, not its JSON spelling. */
    String fingerprint() {
        Interests interests = interests();
        return Credentials.sha256Hex(String.join(
                        "\u0000",
                        channel,
                        url,
                        String.valueOf(interests.categories()),
                        String.valueOf(interests.tags()),
                        String.valueOf(breakingOnlyValue()))
                // Only when paced, so keys recorded before pacing existed keep their fingerprints.
                .concat(pacing().paces() ? "\u0000" + pacing() : ""));
    }
}
