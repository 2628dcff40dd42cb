package io.kabar.notification.delivery;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Sends one delivery's HTTP request (webhook or web push); completes exceptionally when no response arrives (connection refused, timeout). */
@FunctionalInterface
interface WebhookSender {

    CompletableFuture<Response> send(Request request);

    /**
     * One POST of a body of {@code contentType}; the sender runs {@code sending} when the request actually leaves for the receiver (not
     * while it waits its turn), so that a request abandoned before that is known never to have been sent.
     */
    record Request(URI target, Map<String, String> headers, String contentType, byte[] body, Runnable sending) {}

    /** The receiver's status and, if it sent one, its {@code Retry-After}. */
    record Response(int status, Optional<String> retryAfter) {}
}
