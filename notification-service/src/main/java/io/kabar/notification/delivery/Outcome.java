package io.kabar.notification.delivery;

import java.util.Optional;

/** How one delivery attempt ended. */
sealed interface Outcome {

    /** The receiver answered 2xx. */
    record Delivered() implements Outcome {}

    /** Worth another attempt: 5xx, 429, timeout or no connection. */
    record Failed(String reason, Optional<String> retryAfter) implements Outcome {}

    /** Never sent: still waiting for its host when its batch's deadline came; tried again without counting. */
    record NotSent(String reason) implements Outcome {}

    /** Another attempt would fail the same way: any other 4xx, or a redirect. */
    record Rejected(String reason) implements Outcome {}

    /** The receiver answered 410 Gone: it wants no more alerts. */
    record Gone() implements Outcome {}

    /** Not sent, because the subscription was deleted or deactivated in the meantime. */
    record Skipped(String reason) implements Outcome {}
}
