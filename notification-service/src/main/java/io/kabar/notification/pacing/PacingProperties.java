package io.kabar.notification.pacing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Pacing settings ({@code kabar.notifications.pacing.*}, e.g. {@code KABAR_NOTIFICATIONS_PACING_RELEASE_EVERY}).
 *
 * @param releaseEvery     how often due digests are looked for: a digest goes out at most this late
 * @param retractionMemory how long a withdrawn article is remembered to keep it out of digests, and a retraction
 *                         folded into a subscriber's digest to fold it again if redelivered: longer than any alert is
 *                         held (at most about two days) and at least the retention of news.alert-deliveries (7 days)
 */
@Validated
@ConfigurationProperties("kabar.notifications.pacing")
public record PacingProperties(
        @DefaultValue("30s") @NotNull Duration releaseEvery,
        @DefaultValue("7d") @NotNull Duration retractionMemory) {}
