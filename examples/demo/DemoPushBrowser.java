import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's web push subscriber: a browser and its push service in one. It makes a browser's keys, answers
 * {@code GET /subscription} with what {@code PushSubscription.toJSON()} would give, and for every message pushed to
 * {@code /push/demo-browser} checks the VAPID signature, decrypts the alert (RFC 8291) as a browser would, logs it and
 * answers 201. Run it as a source file, no build: {@code java examples/demo/DemoPushBrowser.java 8091}.
 */
public final class DemoPushBrowser {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8091;
        ECParameterSpec p256 = p256();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(p256);
        KeyPair browser = generator.generateKeyPair();
        byte[] p256dh = point((ECPublicKey) browser.getPublic());
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        String endpoint = "http://127.0.0.1:" + port + "/push/demo-browser";
        String subscription = "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\""
                + B64.encodeToString(p256dh) + "\",\"auth\":\"" + B64.encodeToString(auth) + "\"}}";

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/subscription", exchange -> {
            byte[] body = subscription.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/push/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String vapid = exchange.getRequestHeaders().getFirst("Authorization");
            String text;
            int status = 201;
            try {
                String signed = verifiedVapid(vapid, p256) ? "VAPID signature valid" : "VAPID signature INVALID";
                text = signed + ", Topic=" + exchange.getRequestHeaders().getFirst("Topic") + ", Urgency="
                        + exchange.getRequestHeaders().getFirst("Urgency") + "\n  push alert: "
                        + new String(decrypt(body, browser, p256dh, auth, p256), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | RuntimeException e) {
                text = "could not read the message: " + e;
                status = 400;
            }
            System.out.printf(
                    "%s POST %s %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), exchange.getRequestURI(), text);
            System.out.flush();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        System.out.println(
                "demo push browser listening on http://127.0.0.1:" + port + "/ (subscription: " + subscription + ")");
    }

    /** {@code vapid t=<header.claims.signature>, k=<public key>}: the JWT's ES256 signature checked with k. */
    private static boolean verifiedVapid(String header, ECParameterSpec p256) throws GeneralSecurityException {
        String jwt = header.substring(header.indexOf("t=") + 2, header.indexOf(','));
        String key = header.substring(header.indexOf("k=") + 2).strip();
        int lastDot = jwt.lastIndexOf('.');
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(key), p256));
        verifier.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1)));
    }

    /** RFC 8291 from the browser's side: one aes128gcm record, keys from ECDH with the sender's key id and auth. */
    private static byte[] decrypt(byte[] message, KeyPair browser, byte[] p256dh, byte[] auth, ECParameterSpec p256)
            throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(message);
        byte[] salt = new byte[16];
        in.get(salt);
        in.getInt(); // record size: one record here
        byte[] sender = new byte[in.get()];
        in.get(sender);
        byte[] record = Arrays.copyOfRange(message, in.position(), message.length);
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(browser.getPrivate());
        ecdh.doPhase(publicKey(sender, p256), true);
        byte[] keyInfo = ByteBuffer.allocate(14 + 130)
                .put("WebPush: info\0".getBytes(StandardCharsets.US_ASCII))
                .put(p256dh)
                .put(sender)
                .array();
        byte[] ikm = hkdf(auth, ecdh.generateSecret(), keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(record);
        int end = padded.length - 1;
        while (padded[end] == 0) {
            end--;
        }
        return Arrays.copyOf(padded, end); // drops the 0x02 delimiter and any padding
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        return Arrays.copyOf(mac.doFinal(new byte[] {1}), length);
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static PublicKey publicKey(byte[] point, ECParameterSpec p256) throws GeneralSecurityException {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), p256));
    }

    private static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), out, 1 + 32 - Math.min(32, x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), out, 33 + 32 - Math.min(32, y.length), Math.min(32, y.length));
        return out;
    }
}
