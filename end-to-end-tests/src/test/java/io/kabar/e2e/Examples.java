package io.kabar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.testing.Http;
import io.kabar.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** The request bodies under {@code examples/}: the seed page and the project's demo articles. */
final class Examples {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Examples() {}

    /**
     * Publishes an example through article-service, as an editor may (some examples are breaking), and answers the
     * new article's id.
     */
    static String publish(Http articles, Path example) throws IOException {
        String json = Files.readString(
                Path.of(System.getProperty("kabar.root", ".."), "examples").resolve(example));
        Http.Answer created =
                articles.bearer(TestTokens.editor()).post("/api/articles", JSON.readValue(json, Map.class));
        assertThat(created.status()).as("publishing " + example).isEqualTo(HttpStatus.CREATED);
        return (String) created.get("id");
    }
}
