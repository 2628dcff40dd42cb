package io.kabar.notification.subscriptions;

import io.kabar.notification.NotificationProperties;
import io.kabar.platform.web.ApiProblem;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Subscribers' API: create, read and delete alert subscriptions. */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    private final SubscriptionStore store;
    private final SubscriptionView view;
    private final TargetPolicy targets;
    private final Duration retryAfter;

    SubscriptionController(
            SubscriptionStore store, SubscriptionView view, TargetPolicy targets, NotificationProperties properties) {
        this.store = store;
        this.view = view;
        this.targets = targets;
        this.retryAfter = properties.retryAfter();
    }

    @PostMapping
    ResponseEntity<SubscriptionJson> create(@Valid @RequestBody SubscriptionRequest request) {
        targets.refusal(request.url()).ifPresent(reason -> {
            throw ApiProblem.invalid("url", reason);
        });
        Subscription created = writing(() ->
                store.create(request.channelValue(), request.url(), request.interests(), request.breakingOnlyValue()));
        return ResponseEntity.created(URI.create("/api/subscriptions/" + created.id()))
                .body(SubscriptionJson.withSecret(created));
    }

    @GetMapping("/{id}")
    SubscriptionJson get(@PathVariable String id) {
        return view.find(id)
                .map(SubscriptionJson::withoutSecret)
                .orElseThrow(() -> ApiProblem.notFound("no subscription " + id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!writing(() -> store.delete(id))) {
            throw ApiProblem.notFound("no subscription " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private <T> T writing(Supplier<T> write) {
        try {
            return write.get();
        } catch (SubscriptionStore.Unavailable e) {
            throw ApiProblem.unavailable(e.getMessage(), retryAfter);
        }
    }
}
