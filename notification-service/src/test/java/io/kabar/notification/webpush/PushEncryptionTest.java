package io.kabar.notification.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class PushEncryptionTest {

    // RFC 8291 Appendix A.
    static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String MESSAGE =
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInm"
                    + "YWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void encryptsTheRfc8291ExampleToExactlyTheRfcsBytes() {
        KeyPair ephemeral = new KeyPair(
                P256.publicKey(P256.fromBase64Url(AS_PUBLIC)), P256.privateKey(P256.fromBase64Url(AS_PRIVATE)));
        PushEncryption encryption = new PushEncryption(() -> ephemeral, () -> P256.fromBase64Url(SALT));

        byte[] message = encryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), new PushKeys(UA_PUBLIC, AUTH));

        assertThat(P256.base64Url(message)).isEqualTo(MESSAGE);
    }

    @Test
    void theRfcsSubscriberDecryptsAMessageWithAFreshKeyAndSalt() {
        byte[] message =
                new PushEncryption().encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), new PushKeys(UA_PUBLIC, AUTH));

        byte[] plain = PushDecryption.decrypt(
                message,
                P256.privateKey(P256.fromBase64Url(UA_PRIVATE)),
                P256.fromBase64Url(UA_PUBLIC),
                P256.fromBase64Url(AUTH));

        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
        assertThat(P256.base64Url(message)).doesNotStartWith(SALT);
    }

    @Test
    void rawKeysSurviveTheRoundTripThroughTheirEncodings() {
        KeyPair pair = PushEncryption.newKeyPair();
        byte[] point = P256.encode((ECPublicKey) pair.getPublic());
        byte[] scalar = P256.encode((ECPrivateKey) pair.getPrivate());

        assertThat(P256.encode(P256.publicKey(point))).isEqualTo(point);
        assertThat(P256.encode(P256.privateKey(scalar))).isEqualTo(scalar);
    }

    @Test
    void refusesSubscriberKeysThatAreNotAPointOrNotSixteenBytes() {
        byte[] offCurve = P256.fromBase64Url(UA_PUBLIC);
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> new PushKeys(P256.base64Url(offCurve), AUTH).publicKey())
                .hasMessageContaining("not a point on the P-256 curve");
        assertThatThrownBy(() -> new PushKeys(AS_PRIVATE, AUTH).publicKey()).hasMessageContaining("65 bytes");
        assertThatThrownBy(() -> new PushKeys(UA_PUBLIC, "AAAA").authSecret()).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new PushKeys(UA_PUBLIC, "n*t").authSecret()).hasMessageContaining("base64url");
    }

    @Test
    void anArticlesTopicIsThirtyTwoBase64UrlCharactersAndTheSameEveryTime() {
        String topic = WebPush.topic("a-very-long-article-id-" + "x".repeat(200));

        assertThat(topic).hasSize(32).matches("[A-Za-z0-9_-]+");
        assertThat(WebPush.topic("42")).isEqualTo(WebPush.topic("42")).isNotEqualTo(WebPush.topic("43"));
    }
}
