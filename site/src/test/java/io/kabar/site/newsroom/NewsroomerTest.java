package io.kabar.site.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.testing.TestTokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewsroomerTest {

    @Test
    void anEditorsTokenNamesTheSubjectAndAllowsBreaking() {
        assertThat(Newsroomer.of(TestTokens.editor(), Instant.now()))
                .hasValueSatisfying(who -> assertThat(who.editor()).isTrue());
    }

    @Test
    void aWritersTokenSignsInWithoutBreaking() {
        assertThat(Newsroomer.of(TestTokens.writer(), Instant.now()))
                .hasValueSatisfying(who -> assertThat(who.editor()).isFalse());
    }

    @Test
    void garbageAndExpiredTokensDoNotSignIn() {
        assertThat(Newsroomer.of("not-a-token", Instant.now())).isEmpty();
        assertThat(Newsroomer.of(TestTokens.editor(), Instant.now().plusSeconds(365L * 24 * 3600)))
                .isEmpty();
    }
}
