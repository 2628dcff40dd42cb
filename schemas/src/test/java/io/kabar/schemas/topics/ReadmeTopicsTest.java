package io.kabar.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the topic table of the README, the operators' first stop, in step with the registry. */
class ReadmeTopicsTest {

    @Test
    void readmeTopicTableNamesEveryRegisteredTopicWithItsValueType() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (TopicSpec<?, ?> topic : Topics.all()) {
            assertThat(readme)
                    .as("README topic table row for " + topic.name())
                    .containsPattern("\\| `" + java.util.regex.Pattern.quote(topic.name()) + "` \\|[^\\n]*`"
                            + topic.valueType().getSimpleName() + "`");
        }
    }
}
