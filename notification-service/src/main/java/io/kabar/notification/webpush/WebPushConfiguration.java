package io.kabar.notification.webpush;

import io.kabar.notification.NotificationProperties;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires web push: the VAPID identity from configuration (absent: web push is off) and the message encryption. */
@Configuration(proxyBeanMethods = false)
class WebPushConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebPushConfiguration.class);

    @Bean
    WebPush webPush(NotificationProperties properties, Clock clock) {
        Optional<Vapid> vapid = VapidKeys.load(properties.webpush(), clock);
        if (vapid.isEmpty()) {
            log.warn("no VAPID key (KABAR_NOTIFICATIONS_WEBPUSH_VAPID_KEYS_FILE or _VAPID_PUBLIC_KEY and"
                    + " _VAPID_PRIVATE_KEY): web push subscriptions are refused");
        }
        return new WebPush(vapid, new PushEncryption(), properties.webpush().ttl());
    }
}
