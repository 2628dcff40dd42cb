package io.kabar.notification.subscriptions;

import io.kabar.notification.alerts.Interests;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /api/subscriptions}.
 *
 * @param channel      {@code webhook}; {@code webpush} and {@code email} are modelled but not offered yet
 * @param url          where webhooks go
 * @param breakingOnly defaults to true
 */
record SubscriptionRequest(
        @NotBlank @Pattern(regexp = "webhook", message = "must be webhook (webpush and email are not offered yet)")
        String channel,

        @NotBlank @Size(max = 2048) String url,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> categories,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        Boolean breakingOnly) {

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
                null);
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
                String.valueOf(breakingOnlyValue())));
    }
}
