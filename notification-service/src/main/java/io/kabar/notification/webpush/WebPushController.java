package io.kabar.notification.webpush;

import io.kabar.platform.web.ApiProblem;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers the VAPID application server key browsers pass to {@code PushManager.subscribe}. */
@RestController
class WebPushController {

    private final WebPush webPush;

    WebPushController(WebPush webPush) {
        this.webPush = webPush;
    }

    @GetMapping("/api/push/vapid-public-key")
    Map<String, String> vapidPublicKey() {
        return webPush.publicKey()
                .map(key -> Map.of("publicKey", key))
                .orElseThrow(() -> ApiProblem.notFound("web push is not offered here: the service has no VAPID key"));
    }
}
