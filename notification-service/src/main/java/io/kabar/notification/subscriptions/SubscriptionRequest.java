package io.kabar.notification.subscriptions;

import io.kabar.notification.alerts.Interests;
import io.kabar.notification.webpush.PushKeys;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /api/subscriptions}: a webhook ({@code url}) or a browser's push subscription as
 * {@code PushSubscription.toJSON()} gives it ({@code endpoint}, {@code keys}, {@code expirationTime}, which is
 * ignored), plus the filters.
 *
 * @param channel      {@code webhook} or {@code webpush}; {@code email} is modelled but not offered yet
 * @param url          where webhooks go
 * @param endpoint     the push service URL a web push subscription's messages go to
 * @param keys         the browser's {@code p256dh} and {@code auth} keys of a web push subscription
 * @param breakingOnly defaults to true
 * @param quietHours   optional daily period without alerts
 * @param maxPerDay    optional cap of alerts per local day
 * @param held         {@code digest} (default) or {@code drop}: what becomes of alerts held back
 */
record SubscriptionRequest(
        @NotBlank
        @Pattern(regexp = "webhook|webpush", message = "must be webhook or webpush (email is not offered yet)")
        String channel,

        @Size(max = 2048) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String url,

        @Size(max = 2048) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String endpoint,

        @Valid Keys keys,
        Object expirationTime,
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

    /** Absent is fine (the channel decides which target field it needs), blank is not. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    /** A field of the request and why it is refused. */
    record Problem(String field, String reason) {}

    /** A push subscription's keys, base64url as browsers give them. */
    record Keys(
            @Size(max = 200) String p256dh, @Size(max = 100) String auth) {}

    Subscription.Channel channelValue() {
        return Subscription.Channel.valueOf(channel.toUpperCase(Locale.ROOT));
    }

    /** Where alerts go: the webhook URL or the push endpoint. */
    String target() {
        return channelValue() == Subscription.Channel.WEBPUSH ? endpoint : url;
    }

    /** The field naming the target, for problems. */
    String targetField() {
        return channelValue() == Subscription.Channel.WEBPUSH ? "endpoint" : "url";
    }

    /** What is wrong with the fields this channel needs, as (field, reason); empty when nothing is. */
    Optional<Problem> channelProblem() {
        String other = channelValue() == Subscription.Channel.WEBPUSH ? "url" : "endpoint";
        if (target() == null || target().isBlank()) {
            return Optional.of(new Problem(targetField(), "must not be blank for channel " + channel));
        }
        if ((other.equals("url") ? url : endpoint) != null) {
            return Optional.of(new Problem(other, "is not a field of channel " + channel));
        }
        if (channelValue() != Subscription.Channel.WEBPUSH) {
            return keys == null ? Optional.empty() : Optional.of(new Problem("keys", "only for channel webpush"));
        }
        if (keys == null || keys.p256dh() == null || keys.auth() == null) {
            return Optional.of(new Problem("keys", "must hold p256dh and auth for channel webpush"));
        }
        PushKeys pushKeys = new PushKeys(keys.p256dh(), keys.auth());
        try {
            pushKeys.publicKey();
        } catch (IllegalArgumentException e) {
            return Optional.of(new Problem("keys.p256dh", e.getMessage()));
        }
        try {
            pushKeys.authSecret();
        } catch (IllegalArgumentException e) {
            return Optional.of(new Problem("keys.auth", e.getMessage()));
        }
        return Optional.empty();
    }

    Interests interests() {
        return new Interests(
                Objects.requireNonNullElse(categories, List.of()), Objects.requireNonNullElse(tags, List.of()));
    }

    boolean breakingOnlyValue() {
        return breakingOnly == null || breakingOnly;
    }

    /**
     * The subscription this request asks for, with its id, credentials and creation time. A web push subscription's
     * secret is the browser's keys, kept (encrypted) where a webhook's signing secret is.
     */
    Subscription toSubscription(String id, Credentials.Issued credentials, Instant createdAt) {
        return new Subscription(
                id,
                channelValue(),
                target(),
                channelValue() == Subscription.Channel.WEBPUSH
                        ? new PushKeys(keys.p256dh(), keys.auth()).encoded()
                        : credentials.secret(),
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
        List<String> content = new java.util.ArrayList<>(List.of(
                channel,
                target(),
                String.valueOf(interests.categories()),
                String.valueOf(interests.tags()),
                String.valueOf(breakingOnlyValue())));
        if (keys != null) {
            // Appended, not inserted: a webhook request keeps the fingerprint it had before web push existed.
            content.add(keys.p256dh() + "." + keys.auth());
        }
        // Only when paced, so keys recorded before pacing existed keep their fingerprints.
        return Credentials.sha256Hex(
                String.join("\u0000", content).concat(pacing().paces() ? "\u0000" + pacing() : ""));
    }
}
