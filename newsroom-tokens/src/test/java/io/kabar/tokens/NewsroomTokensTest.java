package io.kabar.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsroomTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

    @TempDir
    Path folder;

    @Test
    void mintsATokenThatThePublishedPublicKeyVerifies() throws Exception {
        NewsroomTokens tokens = NewsroomTokens.inFolder(folder);

        SignedJWT jwt =
                SignedJWT.parse(tokens.mint("redaktur-1", List.of(NewsroomTokens.WRITE), NOW, Duration.ofHours(12)));

        assertThat(jwt.verify(new RSASSAVerifier(publicKey(folder.resolve(NewsroomTokens.PUBLIC_KEY_FILE)))))
                .isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("redaktur-1");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("articles:write");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(12))));
    }

    @Test
    void keepsUsingTheKeyAlreadyInTheFolder() throws Exception {
        NewsroomTokens.inFolder(folder);
        String publicKey = Files.readString(folder.resolve(NewsroomTokens.PUBLIC_KEY_FILE));

        String token = NewsroomTokens.inFolder(folder).mint("a", List.of(), NOW, Duration.ofHours(1));

        assertThat(Files.readString(folder.resolve(NewsroomTokens.PUBLIC_KEY_FILE)))
                .isEqualTo(publicKey);
        assertThat(SignedJWT.parse(token)
                        .verify(new RSASSAVerifier(publicKey(folder.resolve(NewsroomTokens.PUBLIC_KEY_FILE)))))
                .isTrue();
    }

    @Test
    void printsAnEditorTokenForTheNamedSubjectAsTheLastLine() throws Exception {
        List<String> lines =
                TokenCommand.run(List.of("token", folder.toString(), "--editor", "--subject", "dewi"), NOW);

        var claims = SignedJWT.parse(lines.get(lines.size() - 1)).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("dewi");
        assertThat(claims.getStringClaim("scope")).isEqualTo("articles:write articles:breaking");
    }

    @Test
    void givesAWriterTokenByDefaultAndRefusesUnknownOptions() throws Exception {
        List<String> lines = TokenCommand.run(List.of("token", folder.toString()), NOW);

        assertThat(SignedJWT.parse(lines.get(lines.size() - 1))
                        .getJWTClaimsSet()
                        .getStringClaim("scope"))
                .isEqualTo("articles:write");
        assertThatThrownBy(() -> TokenCommand.run(List.of("token", folder.toString(), "--admin"), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--admin");
    }

    private static RSAPublicKey publicKey(Path pem) throws Exception {
        String base64 =
                Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
