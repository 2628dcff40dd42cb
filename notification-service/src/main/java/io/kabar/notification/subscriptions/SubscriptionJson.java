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
        String secret,
        String managementToken) {

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
                s.channel() == Subscription.Channel.WEBHOOK ? s.secret() : null,
                managementToken);
    }
}
