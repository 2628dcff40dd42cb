package io.kabar.notification.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A subscription as the API shows it; the secret and management token only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionJson(
        String id,
        String channel,
        String url,
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
        return new SubscriptionJson(
                s.id(),
                s.channel().name().toLowerCase(Locale.ROOT),
                s.target(),
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
                json.categories,
                json.tags,
                json.breakingOnly,
                json.active,
                json.createdAt,
                json.deactivatedAt,
                json.deactivationReason,
                s.secret(),
                managementToken);
    }
}
