package io.kabar.platform.web.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The abuse limits of a service's HTTP API, each a named rule on a path pattern and methods, set per service (see the
 * services' {@code application.properties} for the environment variables that change them).
 *
 * @param rates       requests per client address and period (429 beyond)
 * @param bodies      largest request body (413 beyond, before the body is parsed)
 * @param concurrent  open long-lived requests, such as event streams, per client address and per instance
 * @param maxClients  client addresses remembered per rate rule; the least recently seen are forgotten beyond it
 * @param idleClients a client address unseen this long is forgotten (its bucket would have refilled anyway)
 */
@Validated
@ConfigurationProperties("kabar.limits")
public record LimitsProperties(
        @DefaultValue({}) @NotNull Map<String, @Valid Rate> rates,
        @DefaultValue({}) @NotNull Map<String, @Valid Body> bodies,
        @DefaultValue({}) @NotNull Map<String, @Valid Concurrent> concurrent,
        @DefaultValue("100000") @Min(1) int maxClients,
        @DefaultValue("10m") @NotNull Duration idleClients) {

    /**
     * At most {@code requests} per {@code per} from one client address, refilled continuously, so that a client may
     * spend a whole period's requests at once (a burst) and then as many as have refilled.
     */
    public record Rate(
            @NotBlank String path,
            @DefaultValue({}) @NotNull List<String> methods,
            @Min(1) long requests,
            @DefaultValue("1m") @NotNull Duration per) {

        RequestRule rule() {
            return RequestRule.of(path, methods);
        }
    }

    /** Request bodies on the path larger than {@code maxSize} are refused unread. */
    public record Body(
            @NotBlank String path,
            @DefaultValue({}) @NotNull List<String> methods,
            @NotNull DataSize maxSize) {

        RequestRule rule() {
            return RequestRule.of(path, methods);
        }
    }

    /** At most {@code perClient} requests open at once from one client address and {@code total} from all. */
    public record Concurrent(
            @NotBlank String path,
            @DefaultValue({}) @NotNull List<String> methods,
            @Min(1) int perClient,
            @Min(1) int total) {

        RequestRule rule() {
            return RequestRule.of(path, methods);
        }
    }
}
