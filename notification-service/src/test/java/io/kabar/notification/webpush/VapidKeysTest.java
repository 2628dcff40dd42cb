package io.kabar.notification.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kabar.notification.NotificationProperties;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VapidKeysTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aKeyFileIsWrittenOnceOwnerOnlyAndReadBackAsThePairItHolds() throws Exception {
        Path file = dir.resolve("secrets/vapid.properties");
        VapidKeyFile.write(file);
        Properties written = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            written.load(reader);
        }

        Vapid vapid = VapidKeys.load(settings(file.toString(), "", ""), CLOCK).orElseThrow();

        assertThat(vapid.publicKey()).isEqualTo(written.getProperty("public-key"));
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        assertThatThrownBy(() -> VapidKeyFile.write(file)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void withoutAKeyWebPushIsOffAndHalvesOfTwoPairsAreRefused() {
        assertThat(VapidKeys.load(settings("", "", ""), CLOCK)).isEmpty();

        String otherPublic = P256.base64Url(
                P256.encode((ECPublicKey) PushEncryption.newKeyPair().getPublic()));
        assertThatThrownBy(() ->
                        VapidKeys.load(settings("", otherPublic, "Ab-XpQGsAb7kIIobw6bOOnxs0y7ZJSeu4Sdi6I_GHmA"), CLOCK))
                .hasMessageContaining("not one pair");
        assertThatThrownBy(() -> VapidKeys.load(settings("", otherPublic, ""), CLOCK))
                .hasMessageContaining("private-key")
                .hasMessageContaining("missing");
    }

    @Test
    void theTokensAudienceIsTheEndpointsOriginWithoutADefaultPort() {
        assertThat(Vapid.origin(URI.create("https://Push.Example:443/send/x?y")))
                .isEqualTo("https://push.example");
        assertThat(Vapid.origin(URI.create("http://127.0.0.1:8091/push/x"))).isEqualTo("http://127.0.0.1:8091");
    }

    private static NotificationProperties.WebPush settings(String file, String publicKey, String privateKey) {
        return new NotificationProperties.WebPush(
                file, publicKey, privateKey, "mailto:ops@kabar.example", Duration.ofHours(6));
    }
}
