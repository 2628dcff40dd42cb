package io.kabar.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kabar.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class AlertStreamControllerTest {

    final AlertFeed feed = mock(AlertFeed.class);
    final AlertStreamController controller = new AlertStreamController(
            feed, new StreamSettings(8, Duration.ofMinutes(10), Clock.systemUTC(), Duration.ofSeconds(5), () -> {}));

    @Test
    void aResumeArrivingWhenTheReplayQueueIsFullAnswers503WithRetryAfter() throws Exception {
        when(feed.join(any(), any())).thenThrow(new RejectedExecutionException("queue full"));

        ApiProblem problem =
                catchThrowableOfType(ApiProblem.class, () -> controller.stream(List.of(), List.of(), "0-0"));

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    @Test
    void aLastEventIdThatIsNoPositionAnswers400NamingTheHeader() throws Exception {
        when(feed.join(any(), any())).thenThrow(new AlertFeed.Unreachable("the alert topic has no partition 9"));

        ApiProblem problem =
                catchThrowableOfType(ApiProblem.class, () -> controller.stream(List.of(), List.of(), "9-0"));

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.errors()).extracting(ApiProblem.FieldError::field).containsExactly("Last-Event-ID");
    }
}
