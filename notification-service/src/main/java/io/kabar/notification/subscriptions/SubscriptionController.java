package io.kabar.notification.subscriptions;

import io.kabar.notification.NotificationProperties;
import io.kabar.notification.targets.TargetPolicy;
import io.kabar.notification.webpush.WebPush;
import io.kabar.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscribers' API: anyone may subscribe; reading and deleting a subscription takes its management token, and a
 * token of another subscription is answered like an unknown id, so that ids reveal nothing.
 */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    private static final String BEARER = "bearer ";

    private final SubscriptionCreator creator;
    private final SubscriptionStore store;
    private final SubscriptionView view;
    private final TargetPolicy targets;
    private final WebPush webPush;
    private final Duration retryAfter;

    SubscriptionController(
            SubscriptionCreator creator,
            SubscriptionStore store,
            SubscriptionView view,
            TargetPolicy targets,
            WebPush webPush,
            NotificationProperties properties) {
        this.creator = creator;
        this.store = store;
        this.view = view;
        this.targets = targets;
        this.webPush = webPush;
        this.retryAfter = properties.retryAfter();
    }

    @PostMapping
    ResponseEntity<SubscriptionJson> create(
            @Valid @RequestBody SubscriptionRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 200)
                    @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII")
                    String idempotencyKey) {
        request.channelProblem().ifPresent(problem -> {
            throw ApiProblem.invalid(problem.field(), problem.reason());
        });
        if (request.channelValue() == Subscription.Channel.WEBPUSH
                && webPush.publicKey().isEmpty()) {
            throw ApiProblem.invalid("channel", "webpush is not offered here: the service has no VAPID key");
        }
        // A push endpoint is held to the webhook rules: it is a URL a subscriber chose that the service will call.
        targets.refusal(request.target()).ifPresent(reason -> {
            throw ApiProblem.invalid(request.targetField(), reason);
        });
        request.pacing(); // 400 naming the field for an unknown zone or an empty quiet period
        SubscriptionCreator.Created created = writing(() -> creator.create(request, idempotencyKey));
        return ResponseEntity.created(URI.create(
                        "/api/subscriptions/" + created.subscription().id()))
                .header("Idempotent-Replayed", String.valueOf(created.replayed()))
                .body(SubscriptionJson.withCredentials(
                        created.subscription(), created.credentials().token()));
    }

    @GetMapping("/{id}")
    SubscriptionJson get(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        return SubscriptionJson.withoutSecret(owned(id, auth));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth) {
        owned(id, auth);
        if (!writing(() -> store.delete(id))) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** The subscription whose management token the request presents; 401 without a token, 404 otherwise. */
    private Subscription owned(String id, String authorization) {
        if (authorization == null
                || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                || authorization.substring(BEARER.length()).isBlank()) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"subscriptions\"");
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    "Authorization: Bearer <managementToken> from the subscription's creation is required",
                    List.of(),
                    headers);
        }
        String token = authorization.substring(BEARER.length()).strip();
        return view.find(id)
                .filter(s -> Credentials.matches(token, s.managementTokenHash()))
                .orElseThrow(() -> notFound(id));
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("no subscription " + id + " for this token");
    }

    private <T> T writing(Supplier<T> write) {
        try {
            return write.get();
        } catch (SubscriptionStore.Unavailable e) {
            throw ApiProblem.unavailable(e.getMessage(), retryAfter);
        }
    }
}
