package io.kabar.notification.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A subscription as the API shows it: a webhook's {@code url} or a push subscription's {@code endpoint}; the webhook
 * secret and the management token only in the answer to its creation, a push subscription's keys never.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionJson(
        String id,
        String channel,
        String url,
        String endpoint,
        List<String> categories,
        List<String> tags,
        boolean breakingOnly,
        boolean active,
        Instant createdAt,
        Instant deactivatedAt,
        String deactivationReason,
        QuietHoursJson quietHours,
        Integer maxPerDay,
        String held,
        String secret,
        String managementToken) {

    /** Quiet hours as the API spells them: HH:mm local times and the zone id. */
    record QuietHoursJson(String from, String to, String zone) {

        static QuietHoursJson of(QuietHours q) {
            return q == null
                    ? null
                    : new QuietHoursJson(
                            q.from().toString(), q.to().toString(), q.zone().getId());
        }
    }

    static SubscriptionJson withoutSecret(Subscription s) {
        boolean push = s.channel() == Subscription.Channel.WEBPUSH;
        return new SubscriptionJson(
                s.id(),
                s.channel().name().toLowerCase(Locale.ROOT),
                push ? null : s.target(),
                push ? s.target() : null,
                s.interests().categories(),
                s.interests().tags(),
                s.breakingOnly(),
                s.active(),
                s.createdAt(),
                s.deactivatedAt(),
                s.deactivationReason(),
                QuietHoursJson.of(s.pacing().quietHours()),
                s.pacing().maxPerDay(),
                s.pacing().paces() ? (s.pacing().dropHeld() ? "drop" : "digest") : null,
                null,
                null);
    }

    static SubscriptionJson withCredentials(Subscription s, String managementToken) {
        SubscriptionJson json = withoutSecret(s);
        return new SubscriptionJson(
                json.id,
                json.channel,
                json.url,
                json.endpoint,
                json.categories,
                json.tags,
                json.breakingOnly,
                json.active,
                json.createdAt,
                json.deactivatedAt,
                json.deactivationReason,
                json.quietHours,
                json.maxPerDay,
                json.held,
                s.channel() == Subscription.Channel.WEBHOOK ? s.secret() : null,
                managementToken);
    }
}
