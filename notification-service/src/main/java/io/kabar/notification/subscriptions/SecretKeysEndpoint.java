package io.kabar.notification.subscriptions;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The key rotation of webhook secrets, on the management port: {@code GET /actuator/secretkeys} counts the
 * subscriptions under each key ({@code clear} for records from before encryption), {@code POST} re-encrypts every one
 * not under the current key. Once no subscription is under an old key, that key can be removed from the
 * configuration.
 */
@Endpoint(id = "secretkeys")
final class SecretKeysEndpoint {

    private final SubscriptionStore store;
    private final SubscriptionView view;
    private final SecretCipher cipher;

    SecretKeysEndpoint(SubscriptionStore store, SubscriptionView view, SecretCipher cipher) {
        this.store = store;
        this.view = view;
        this.cipher = cipher;
    }

    @ReadOperation
    Map<String, Object> keys() {
        Map<String, Long> byKey = view.all().stream()
                .collect(Collectors.groupingBy(
                        s -> s.secretKeyId() == null ? "clear" : s.secretKeyId(), TreeMap::new, Collectors.counting()));
        cipher.keyIds().forEach(id -> byKey.putIfAbsent(id, 0L));
        return Map.of("currentKey", cipher.currentKeyId(), "subscriptionsByKey", byKey);
    }

    @WriteOperation
    Map<String, Object> rotate() {
        int rewritten = store.reencrypt();
        return Map.of("reencrypted", rewritten, "currentKey", cipher.currentKeyId());
    }
}
