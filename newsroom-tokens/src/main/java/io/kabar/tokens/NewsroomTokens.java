package io.kabar.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints newsroom bearer tokens: RS256 JWTs with a subject and the {@code scope} claim article-service reads, signed
 * by a key that lives in a folder ({@code .kabar/auth} locally) next to the public key the services trust.
 */
public final class NewsroomTokens {

    /** May publish, edit and unpublish articles. */
    public static final String WRITE = "articles:write";

    /** May mark an article breaking, which alerts every subscriber. */
    public static final String BREAKING = "articles:breaking";

    /** The {@code iss} of every token minted here. */
    public static final String ISSUER = "kabar-local";

    /** The file, in the key folder, that holds the public key as PEM (what article-service trusts). */
    public static final String PUBLIC_KEY_FILE = "public-key.pem";

    private static final String SIGNING_KEY_FILE = "signing-key.jwk.json";

    private final RSAKey key;

    private NewsroomTokens(RSAKey key) {
        this.key = key;
    }

    /** A new key held in memory only. */
    public static NewsroomTokens generate() {
        try {
            return new NewsroomTokens(new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /**
     * The key kept in {@code folder}, created there (private key readable by its owner only, public key as PEM) if
     * the folder holds none yet.
     */
    public static synchronized NewsroomTokens inFolder(Path folder) {
        Path signingKey = folder.resolve(SIGNING_KEY_FILE);
        try {
            if (Files.isRegularFile(signingKey)) {
                return new NewsroomTokens(RSAKey.parse(Files.readString(signingKey)));
            }
            NewsroomTokens created = generate();
            Files.createDirectories(folder);
            writeAtomically(signingKey, created.key.toJSONString(), true);
            writeAtomically(folder.resolve(PUBLIC_KEY_FILE), created.publicKeyPem(), false);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key in " + folder, e);
        } catch (ParseException e) {
            throw new IllegalStateException(signingKey + " is not an RSA JWK: " + e.getMessage(), e);
        }
    }

    /** A token for {@code subject} with the given scopes, valid from {@code now} for {@code validFor}. */
    public String mint(String subject, List<String> scopes, Instant now, Duration validFor) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .claim("scope", String.join(" ", scopes))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The public key as an X.509 SubjectPublicKeyInfo PEM, the format Spring Security reads. */
    public String publicKeyPem() {
        try {
            byte[] der = key.toRSAPublicKey().getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(der)
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot export the public key", e);
        }
    }

    /** Writes the public key as PEM to {@code file}, replacing what is there. */
    public void writePublicKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            writeAtomically(file, publicKeyPem(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the public key to " + file, e);
        }
    }

    // Written beside and moved into place, so that a reader never sees half a key.
    private static void writeAtomically(Path file, String content, boolean ownerOnly) throws IOException {
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
        if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(
                    partial, PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
        }
        Files.writeString(partial, content);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
