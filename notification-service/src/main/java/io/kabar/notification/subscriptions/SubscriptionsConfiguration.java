package io.kabar.notification.subscriptions;

import io.kabar.notification.NotificationProperties;
import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.SubscriptionRequestCompleted;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the subscription table and request ledger with their mirrors, the transactional writer and the target policy. */
@Configuration(proxyBeanMethods = false)
class SubscriptionsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionsConfiguration.class);

    @Bean
    SubscriptionView subscriptionView(MeterRegistry meters) {
        SubscriptionView view = new SubscriptionView();
        Gauge.builder("kabar.notifications.subscriptions", view, SubscriptionView::size)
                .description("subscriptions held in memory")
                .register(meters);
        return view;
    }

    @Bean
    SecretCipher subscriptionSecretCipher(NotificationProperties properties) {
        return SecretKeys.cipher(properties.secrets());
    }

    @Bean
    TopicMirror<io.kabar.schemas.Subscription> subscriptionsMirror(
            KafkaClients clients, SubscriptionView view, SecretCipher subscriptionSecretCipher) {
        SubscriptionRecords records = new SubscriptionRecords(subscriptionSecretCipher);
        return clients.mirror(
                Topics.SUBSCRIPTIONS, (id, value) -> view.mirrored(id, value == null ? null : records.fromAvro(value)));
    }

    @Bean
    SecretKeysEndpoint secretKeysEndpoint(
            SubscriptionStore store, SubscriptionView view, SecretCipher subscriptionSecretCipher) {
        return new SecretKeysEndpoint(store, view, subscriptionSecretCipher);
    }

    @Bean
    RequestLedger subscriptionRequestLedger(MeterRegistry meters) {
        RequestLedger ledger =
                new RequestLedger(Topics.SUBSCRIPTION_REQUESTS.retention().orElseThrow());
        Gauge.builder("kabar.notifications.subscription-requests", ledger, RequestLedger::size)
                .description("keyed subscribe requests remembered for retries")
                .register(meters);
        return ledger;
    }

    @Bean
    TopicMirror<SubscriptionRequestCompleted> subscriptionRequestsMirror(KafkaClients clients, RequestLedger ledger) {
        return clients.mirror(Topics.SUBSCRIPTION_REQUESTS, (key, done) -> {
            if (done != null) {
                ledger.record(new RequestLedger.Completed(
                        key, done.getRequestFingerprint(), done.getSubscriptionId(), done.getCompletedAt()));
            }
        });
    }

    /**
     * Transactions make a subscription and its idempotency record atomic; the timeouts bound how long a request waits
     * for an unreachable broker before it answers 503.
     */
    @Bean
    SubscriptionStore subscriptionStore(
            KafkaClients clients,
            SubscriptionView view,
            RequestLedger ledger,
            SecretCipher subscriptionSecretCipher,
            Clock clock,
            NotificationProperties properties) {
        var producers = clients.producerFactory(KafkaClients.boundedBy(properties.publishTimeout()));
        // Unique per instance: producer-only transactions need no stable id, only no clash with a sibling instance.
        producers.setTransactionIdPrefix("notification-subscriptions-" + UUID.randomUUID() + "-");
        return new SubscriptionStore(producers, view, ledger, subscriptionSecretCipher, clock);
    }

    @Bean
    SubscriptionCreator subscriptionCreator(
            SubscriptionStore store,
            SubscriptionView view,
            RequestLedger ledger,
            Clock clock,
            RandomGenerator random,
            NotificationProperties properties) {
        return new SubscriptionCreator(
                store, view, ledger, new Credentials(requestKey(properties, random), random), clock);
    }

    private static byte[] requestKey(NotificationProperties properties, RandomGenerator random) {
        if (properties.requestKey().isBlank()) {
            log.warn("kabar.notifications.request-key is not set: a random one is used, so a subscribe retried with"
                    + " the same Idempotency-Key after a restart or on another instance is refused with 409");
            byte[] key = new byte[32];
            random.nextBytes(key);
            return key;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(properties.requestKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kabar.notifications.request-key must be base64", e);
        }
        if (key.length < 32) {
            throw new IllegalStateException("kabar.notifications.request-key must hold at least 32 bytes");
        }
        return key;
    }
}
