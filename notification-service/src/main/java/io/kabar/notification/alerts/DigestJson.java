package io.kabar.notification.alerts;

import java.util.List;

/**
 * The public shape of a digest: the alerts a subscriber's quiet hours or daily cap held back, oldest first, sent as
 * one webhook when the quiet period ends.
 *
 * @param type always {@code alert.digest}
 */
public record DigestJson(String type, List<AlertJson> alerts) {

    public static DigestJson of(Delivery digest) {
        return new DigestJson(
                "alert.digest", digest.digest().stream().map(Alert::json).toList());
    }
}
