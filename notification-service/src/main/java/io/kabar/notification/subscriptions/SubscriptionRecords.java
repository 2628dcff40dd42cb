package io.kabar.notification.subscriptions;

import io.kabar.notification.alerts.Interests;
import io.kabar.schemas.SubscriptionChannel;

/** Maps subscriptions to and from their Avro form at the Kafka edge. */
final class SubscriptionRecords {

    private SubscriptionRecords() {}

    static io.kabar.schemas.Subscription toAvro(Subscription s) {
        return io.kabar.schemas.Subscription.newBuilder()
                .setId(s.id())
                .setChannel(SubscriptionChannel.valueOf(s.channel().name()))
                .setTarget(s.target())
                .setSecret(s.secret())
                .setCategories(s.interests().categories())
                .setTags(s.interests().tags())
                .setBreakingOnly(s.breakingOnly())
                .setActive(s.active())
                .setCreatedAt(s.createdAt())
                .setDeactivatedAt(s.deactivatedAt())
                .setDeactivationReason(s.deactivationReason())
                .setManagementTokenHash(s.managementTokenHash())
                .build();
    }

    static Subscription fromAvro(io.kabar.schemas.Subscription s) {
        return new Subscription(
                s.getId(),
                Subscription.Channel.valueOf(s.getChannel().name()),
                s.getTarget(),
                s.getSecret(),
                new Interests(s.getCategories(), s.getTags()),
                s.getBreakingOnly(),
                s.getActive(),
                s.getCreatedAt(),
                s.getDeactivatedAt(),
                s.getDeactivationReason(),
                s.getManagementTokenHash());
    }
}
