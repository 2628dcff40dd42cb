package io.kabar.notification.delivery;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Sends one webhook request; completes exceptionally when no response arrives (connection refused, timeout). */
@FunctionalInterface
interface WebhookSender {

    CompletableFuture<Response> send(Request request);

    /** One POST of a JSON body. */
    record Request(URI target, Map<String, String> headers, byte[] body) {}

    /** The receiver's status and, if it sent one, its {@code Retry-After}. */
    record Response(int status, Optional<String> retryAfter) {}
}
