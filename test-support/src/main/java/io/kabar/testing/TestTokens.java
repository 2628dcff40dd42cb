package io.kabar.testing;

import io.kabar.tokens.NewsroomTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Newsroom bearer tokens for tests, signed by a test key kept under {@code target/test-newsroom-key}. When a test run
 * starts, the public key's location is published as the system property {@value #PUBLIC_KEY_LOCATION}, so that a
 * service under test trusts these tokens with {@code kabar.auth.public-key-location=${kabar.test.auth.public-key-location}}.
 */
public final class TestTokens implements TestExecutionListener {

    /** The system property that carries the test public key's location ({@code file:...}) to the services. */
    public static final String PUBLIC_KEY_LOCATION = "kabar.test.auth.public-key-location";

    private static final Path FOLDER = Path.of("target", "test-newsroom-key").toAbsolutePath();
    private static final Duration VALID_FOR = Duration.ofHours(1);

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        System.setProperty(PUBLIC_KEY_LOCATION, publicKeyLocation());
    }

    /** A token with {@code articles:write}: may publish, edit and unpublish. */
    public static String writer() {
        return token("test-writer", NewsroomTokens.WRITE);
    }

    /** A token with {@code articles:write} and {@code articles:breaking}: may also mark articles breaking. */
    public static String editor() {
        return token("test-editor", NewsroomTokens.WRITE, NewsroomTokens.BREAKING);
    }

    /** A token for {@code subject} with exactly the given scopes. */
    public static String token(String subject, String... scopes) {
        return NewsroomTokens.inFolder(FOLDER).mint(subject, List.of(scopes), Instant.now(), VALID_FOR);
    }

    /** A well-formed token signed by a key no service trusts. */
    public static String untrusted() {
        return NewsroomTokens.generate()
                .mint("intruder", List.of(NewsroomTokens.WRITE, NewsroomTokens.BREAKING), Instant.now(), VALID_FOR);
    }

    /** Where the test public key is, as a Spring resource location; creates the key on first use. */
    public static String publicKeyLocation() {
        NewsroomTokens.inFolder(FOLDER);
        return FOLDER.resolve(NewsroomTokens.PUBLIC_KEY_FILE).toUri().toString();
    }
}
