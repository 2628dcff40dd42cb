package io.kabar.article.publishing;

import io.kabar.schemas.ArticleCommand;
import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Sends commands to {@code news.article-commands}, keyed by what must be applied one at a time. */
final class KafkaCommandLog implements CommandLog, DisposableBean {

    private final DefaultKafkaProducerFactory<String, ArticleCommand> producers;
    private final KafkaTemplate<String, ArticleCommand> template;
    private final Duration timeout;

    KafkaCommandLog(DefaultKafkaProducerFactory<String, ArticleCommand> producers, Duration timeout) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
        this.timeout = timeout;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public void send(Command command) {
        try {
            template.send(Topics.ARTICLE_COMMANDS.name(), command.partitionKey(), CommandRecords.toAvro(command))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new Unavailable("the broker did not acknowledge the command: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while sending the command", e);
        }
    }
}
