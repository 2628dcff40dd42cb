package io.kabar.notification.webpush;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * NIST P-256 keys in the raw forms Web Push uses: a public key as the 65-byte uncompressed point ({@code 04 || x ||
 * y}), a private key as the 32-byte scalar, both usually base64url without padding.
 */
public final class P256 {

    /** Length of an uncompressed point. */
    public static final int POINT_BYTES = 65;

    private static final int COORDINATE_BYTES = 32;
    private static final ECParameterSpec PARAMETERS = parameters();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private P256() {}

    static ECParameterSpec parameters() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK supports secp256r1", e);
        }
    }

    /** The public key of an uncompressed point; refuses anything that is not a point on the curve. */
    public static ECPublicKey publicKey(byte[] point) {
        if (point.length != POINT_BYTES || point[0] != 0x04) {
            throw new IllegalArgumentException("must be an uncompressed P-256 point of 65 bytes starting with 04");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + COORDINATE_BYTES));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + COORDINATE_BYTES, POINT_BYTES));
        if (!onCurve(x, y)) {
            throw new IllegalArgumentException("is not a point on the P-256 curve");
        }
        try {
            return (ECPublicKey)
                    KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMETERS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not a usable P-256 public key", e);
        }
    }

    /** The private key of a 32-byte scalar. */
    public static ECPrivateKey privateKey(byte[] scalar) {
        BigInteger s = new BigInteger(1, scalar);
        if (scalar.length != COORDINATE_BYTES || s.signum() == 0 || s.compareTo(PARAMETERS.getOrder()) >= 0) {
            throw new IllegalArgumentException("must be a P-256 private key of 32 bytes");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, PARAMETERS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not a usable P-256 private key", e);
        }
    }

    /** The uncompressed point of a public key. */
    public static byte[] encode(ECPublicKey key) {
        byte[] out = new byte[POINT_BYTES];
        out[0] = 0x04;
        copyUnsigned(key.getW().getAffineX(), out, 1);
        copyUnsigned(key.getW().getAffineY(), out, 1 + COORDINATE_BYTES);
        return out;
    }

    /** The 32-byte scalar of a private key. */
    public static byte[] encode(ECPrivateKey key) {
        byte[] out = new byte[COORDINATE_BYTES];
        copyUnsigned(key.getS(), out, 0);
        return out;
    }

    public static String base64Url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    /** Decodes base64url with or without padding (browsers omit it, some tools add it). */
    public static byte[] fromBase64Url(String text) {
        return Base64.getUrlDecoder().decode(text.strip());
    }

    private static boolean onCurve(BigInteger x, BigInteger y) {
        BigInteger p = ((ECFieldFp) PARAMETERS.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3)
                .add(PARAMETERS.getCurve().getA().multiply(x))
                .add(PARAMETERS.getCurve().getB())
                .mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int at) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - length, out, at + COORDINATE_BYTES - length, length);
    }
}
