package io.kabar.notification.delivery;

import java.time.Instant;
import java.util.Optional;

/** How one delivery attempt ended. */
sealed interface Outcome {

    /** The receiver answered 2xx. */
    record Delivered() implements Outcome {}

    /** Worth another attempt: 5xx, 429, timeout or no connection. */
    record Failed(String reason, Optional<String> retryAfter) implements Outcome {}

    /**
     * Never sent: refused by its host's open circuit, or still waiting for its host when its batch's deadline came;
     * tried again at {@code due} (null: at once) without counting as an attempt.
     */
    record NotSent(String reason, Instant due) implements Outcome {}

    /** Another attempt would fail the same way: any other 4xx, or a redirect. */
    record Rejected(String reason) implements Outcome {}

    /** The receiver wants no more alerts for this subscription (410 Gone; for web push also 404): deactivate it. */
    record Gone(String reason) implements Outcome {}

    /** Not sent, because the subscription was deleted or deactivated in the meantime. */
    record Skipped(String reason) implements Outcome {}

    /** 2xx delivered, 410 gone (with {@code goneReason}), 429 and 5xx failed, anything else rejected. */
    static Outcome of(WebhookSender.Response response, String goneReason) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Delivered();
        }
        if (status == 410) {
            return new Gone(goneReason);
        }
        if (status == 429 || status >= 500) {
            return new Failed("HTTP " + status, response.retryAfter());
        }
        return new Rejected("HTTP " + status);
    }
}
