package io.kabar.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void roundTripsThroughTheEventId() {
        StreamPosition position = new StreamPosition(Map.of(2, 30L, 0, 12L, 1, 7L));

        assertThat(position.encode()).isEqualTo("0-12.1-7.2-30");
        assertThat(StreamPosition.parse("0-12.1-7.2-30")).contains(position);
    }

    @Test
    void ignoresIdsThatAreNotPositions() {
        assertThat(StreamPosition.parse("abc")).isEmpty();
        assertThat(StreamPosition.parse("0-x")).isEmpty();
        assertThat(StreamPosition.parse("-1-5")).isEmpty();
        assertThat(StreamPosition.parse("")).isEmpty();
    }
}
