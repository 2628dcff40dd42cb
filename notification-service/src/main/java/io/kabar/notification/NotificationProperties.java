package io.kabar.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * notification-service settings, each overridable by environment variable (for example
 * {@code KABAR_NOTIFICATIONS_ALLOW_LOOPBACK=true}).
 *
 * @param allowedHosts   host names or IP addresses accepted as webhook targets even when private, loopback or link-local
 * @param allowLoopback  accept loopback targets (local stack and tests), over plain http too
 * @param allowHttp      accept plain-http targets; production accepts https only (loopback aside, see above)
 * @param requestKey     base64 of at least 32 random bytes, from which the secret and management token of a subscribe
 *                       request with an Idempotency-Key are derived, so a retry can answer them again without them
 *                       being stored; the same on every instance. Empty: a random key per start (retries reaching
 *                       another instance or a restarted one are then refused with 409)
 * @param publishTimeout how long an API write waits for the broker before it answers 503
 * @param retryAfter     what a 503 asks the client to wait before retrying
 * @param alertWindow    article events older than this when matched alert nobody; a matcher deployed for the first
 *                       time reads {@code news.articles} from the start and must not alert the archive
 * @param fanOutChunk    deliveries written per Kafka transaction; an alert to more subscribers is written in chunks,
 *                       each committed with a record saying where the next one starts
 * @param webhooks       how webhooks are sent and retried
 * @param stream         how the live alert streams (SSE) are bounded
 * @param secrets        the keys that encrypt webhook signing secrets on {@code news.subscriptions}
 * @param webpush        the VAPID identity and message settings of the web push channel
 */
@Validated
@ConfigurationProperties("kabar.notifications")
public record NotificationProperties(
        @DefaultValue({}) @NotNull List<String> allowedHosts,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("") @NotNull String requestKey,
        @DefaultValue("5s") @NotNull Duration publishTimeout,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue("1h") @NotNull Duration alertWindow,
        @DefaultValue("5000") @Min(1) @Max(100_000) int fanOutChunk,
        @DefaultValue @Valid @NotNull Webhooks webhooks,
        @DefaultValue @Valid @NotNull Stream stream,
        @DefaultValue @Valid @NotNull Secrets secrets,
        @DefaultValue @Valid @NotNull WebPush webpush) {

    /**
     * Web push (RFC 8030/8291/8292). Without a VAPID key pair web push is off: subscribing to it answers 400. The pair
     * is generated once ({@code ./kabar up} keeps the local one in {@code .kabar/secrets/vapid.properties}) and must be
     * the same on every instance: browsers' subscriptions are bound to its public key.
     *
     * @param vapidKeysFile   a properties file with {@code public-key} and {@code private-key}
     *                        ({@code KABAR_NOTIFICATIONS_WEBPUSH_VAPID_KEYS_FILE}); or set the two keys inline:
     * @param vapidPublicKey  the uncompressed P-256 point, base64url ({@code KABAR_NOTIFICATIONS_WEBPUSH_VAPID_PUBLIC_KEY})
     * @param vapidPrivateKey the 32-byte private scalar, base64url ({@code KABAR_NOTIFICATIONS_WEBPUSH_VAPID_PRIVATE_KEY})
     * @param subject         the contact push services may use, {@code mailto:} or {@code https:} (VAPID {@code sub})
     * @param ttl             how long a push service keeps an undelivered alert for an offline device
     */
    public record WebPush(
            @DefaultValue("") @NotNull String vapidKeysFile,
            @DefaultValue("") @NotNull String vapidPublicKey,
            @DefaultValue("") @NotNull String vapidPrivateKey,

            @DefaultValue("mailto:alerts@kabar.example") @Pattern(regexp = "(mailto|https):.+")
            String subject,

            @DefaultValue("6h") @NotNull Duration ttl) {

        @Override
        public String toString() {
            return "WebPush[vapidKeysFile=" + vapidKeysFile + ", vapidPublicKey=" + vapidPublicKey + ", subject="
                    + subject + ", ttl=" + ttl + "]";
        }
    }

    /**
     * AES-256 keys for webhook signing secrets at rest, each with an id recorded next to what it encrypted. Every
     * instance needs every key still in use; new secrets are encrypted under {@code currentKey}.
     *
     * @param keys       {@code id:base64-of-32-bytes} entries ({@code KABAR_NOTIFICATIONS_SECRETS_KEYS}, comma-separated)
     * @param keysFile   a file of {@code id=base64-of-32-bytes} lines, read at start in addition to {@code keys}
     *                   ({@code KABAR_NOTIFICATIONS_SECRETS_KEYS_FILE}; the local stack's is {@code
     *                   .kabar/secrets/webhook-keys.properties})
     * @param currentKey the id of the key new and rotated secrets are encrypted under ({@code
     *                   KABAR_NOTIFICATIONS_SECRETS_CURRENT_KEY}); empty when there is exactly one key
     */
    public record Secrets(
            @DefaultValue({}) @NotNull List<String> keys,
            @DefaultValue("") @NotNull String keysFile,
            @DefaultValue("") @NotNull String currentKey) {

        @Override
        public String toString() {
            return "Secrets[" + keys.size() + " key(s), keysFile=" + keysFile + ", currentKey=" + currentKey + "]";
        }
    }

    /**
     * Live alert streams.
     *
     * @param idleTimeout a stream sent no alert for this long gets a {@code reconnect} event and is ended
     *                    ({@code KABAR_NOTIFICATIONS_STREAM_IDLE_TIMEOUT})
     * @param buffer      events waiting to be written to one client; a client that falls further behind is
     *                    disconnected and resumes with {@code Last-Event-ID}
     * @param replays     streams catching up from a {@code Last-Event-ID} at a time, each with a consumer of its own
     * @param replayQueue streams waiting for a replay; beyond it a resume is answered 503 with {@code Retry-After}
     */
    public record Stream(
            @DefaultValue("10m") @NotNull Duration idleTimeout,
            @DefaultValue("256") @Min(1) @Max(100_000) int buffer,
            @DefaultValue("4") @Min(1) @Max(64) int replays,
            @DefaultValue("64") @Min(1) @Max(10_000) int replayQueue) {}

    /**
     * Webhook sending and retry policy.
     *
     * @param connectTimeout  TCP and TLS connect timeout
     * @param requestTimeout  how long one attempt may take, from request to response headers; shorter than {@code
     *                        batchDeadline}, so that a host that never answers times out (and opens its circuit)
     *                        before its batch abandons the request, which does not count against the host. When
     *                        four typical round trips (all hosts) take longer, the request timeout is that, and
     *                        connect timeout and batch deadline grow by as much: a starved process waits longer
     *                        instead of timing out healthy receivers
     * @param requestTimeoutMax the longest the request timeout grows to with slow round trips
     * @param maxPerHost      requests in flight to one host at most; further ones queue
     * @param maxAttempts     attempts in all, the first included, before a delivery is dead-lettered
     * @param initialBackoff  wait before the second attempt
     * @param multiplier      growth of the wait from one attempt to the next
     * @param maxBackoff      the longest wait, also the cap on a receiver's Retry-After
     * @param concurrency     consumer threads of each webhook container (first attempts, retries); as many as the
     *                        partitions an instance reads, so that each partition's batches wait only for their own
     *                        hosts (a consumer's batches are delivered one after another)
     * @param jitter          fraction of the wait drawn at random (0.2 = ±20 %), so that retries do not arrive in step
     * @param batchDeadline   how long a polled batch waits for its deliveries (after its latest due time); what is
     *                        still unanswered then is abandoned and retried, so a slow host holds up nobody else
     * @param maxQueuedPerHost requests waiting for one host at most, beyond the in-flight ones; more are retried later
     * @param breakerFailures consecutive failures (no connection, timeout, abandoned) that open a host's circuit
     * @param breakerOpenFor  how long an open circuit refuses the host before one trial request
     * @param expireAfter     a delivery that was not sent (its host's circuit open, or still waiting for its host at
     *                        the batch deadline) is postponed without using an attempt, to the end of the open
     *                        period; this long after its alert it is dead-lettered instead
     * @param stallAfter      a host whose lane is full (requests waiting) and that has answered nothing for this long
     *                        (and for four typical round trips, when those are longer) while other hosts answer
     *                        younger requests is stalled: its requests time out at once and those waiting go to the
     *                        retry path, so the batches holding them go on with everyone else's deliveries
     */
    public record Webhooks(
            @DefaultValue("3s") @NotNull Duration connectTimeout,
            @DefaultValue("4s") @NotNull Duration requestTimeout,
            @DefaultValue("30s") @NotNull Duration requestTimeoutMax,
            @DefaultValue("32") @Min(1) @Max(10_000) int maxPerHost,
            @DefaultValue("6") @Min(1) @Max(30) int maxAttempts,
            @DefaultValue("2s") @NotNull Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("60s") @NotNull Duration maxBackoff,
            @DefaultValue("6") @Min(1) @Max(64) int concurrency,
            @DefaultValue("0.2") @DecimalMin("0.0") double jitter,
            @DefaultValue("5s") @NotNull Duration batchDeadline,
            @DefaultValue("10000") @Min(0) @Max(100_000) int maxQueuedPerHost,
            @DefaultValue("5") @Min(1) @Max(1000) int breakerFailures,
            @DefaultValue("30s") @NotNull Duration breakerOpenFor,
            @DefaultValue("1h") @NotNull Duration expireAfter,
            @DefaultValue("1s") @NotNull Duration stallAfter) {}
}
