package io.kabar.article.publishing;

import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.platform.kafka.TopicFollower;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.ArticleCommand;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * The one writer of each article: as a member of the {@code article-service} group it owns some partitions of
 * {@code news.article-commands} and applies their commands in order. It decides each against what it knows (gated,
 * on every assignment, until its mirrors have read the whole log), then records a batch's article events, completed
 * requests, outcomes and consumed offsets in one transaction, which fences a former owner that still writes.
 */
final class CommandProcessor extends TopicFollower<ArticleCommand>
        implements ApplicationListener<ApplicationStartedEvent> {

    /** The consumer group every article-service instance joins to share the command partitions. */
    static final String GROUP = "article-service";

    private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final DecisionWriter writer;
    private final ArticlePublisher publisher;
    private final ArticleCatalog catalog;
    private final IdempotencyLedger ledger;
    private final ReadModelGate gate;
    private final Clock clock;
    private final Duration catchUpTimeout;
    private final MeterRegistry meters;
    private final CountDownLatch joined = new CountDownLatch(1);

    CommandProcessor(
            Supplier<Consumer<String, ArticleCommand>> consumers,
            DefaultKafkaProducerFactory<String, Object> producers,
            ArticlePublisher publisher,
            ArticleCatalog catalog,
            IdempotencyLedger ledger,
            TopicMirror<?> articles,
            TopicMirror<?> requests,
            Clock clock,
            Duration catchUpTimeout,
            MeterRegistry meters) {
        super("article-commands", consumers);
        this.producers = producers;
        this.writer = new DecisionWriter(producers);
        this.publisher = publisher;
        this.catalog = catalog;
        this.ledger = ledger;
        this.gate = new ReadModelGate(articles, requests, catchUpTimeout);
        this.clock = clock;
        this.catchUpTimeout = catchUpTimeout;
        this.meters = meters;
    }

    /**
     * Holds the starting application (bounded) until the consumer has joined the group and caught up with what it
     * was given, so that an instance reports ready only once its share of writes can be applied.
     */
    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        try {
            if (!joined.await(catchUpTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "not yet a member of the {} group after {}; writes may answer 503 until it is",
                        GROUP,
                        catchUpTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the producers once the consumer thread, the only one that uses them, has stopped. */
    @Override
    public void stop() {
        super.stop();
        producers.destroy();
    }

    @Override
    protected void follow(Consumer<String, ArticleCommand> c) {
        // The first transactional producer registers with the transaction coordinator now, not in the first write.
        producers.createProducer().close();
        c.subscribe(List.of(Topics.ARTICLE_COMMANDS.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    // A former owner's last writes must be in the read model before this one decides anything.
                    gate.awaitCaughtUp(c);
                }
                joined.countDown();
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
        });
        while (following()) {
            ConsumerRecords<String, ArticleCommand> records = poll(c);
            if (!records.isEmpty()) {
                process(c, records);
            }
        }
    }

    private void process(Consumer<String, ArticleCommand> c, ConsumerRecords<String, ArticleCommand> records) {
        BatchState state = new BatchState(catalog, ledger);
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<Command, ArticlePublisher.Decision> takedowns = new LinkedHashMap<>();
        for (ConsumerRecord<String, ArticleCommand> record : records) {
            offsets.put(
                    new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            if (record.value() == null) {
                LOG.error("skipping undecodable command {}-{}@{}", record.topic(), record.partition(), record.offset());
                continue;
            }
            Command command = CommandRecords.fromAvro(record.value());
            if (ReadModelGate.mayBeBehind(command, state)) {
                gate.awaitCaughtUp(c);
            }
            ArticlePublisher.Decision decision =
                    publisher.decide(command, state, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            state.add(decision);
            if (command.kind() == Command.Kind.TAKE_DOWN) {
                takedowns.put(command, decision);
            }
        }
        writer.write(state.decisions(), offsets, c.groupMetadata());
        state.committed();
        for (ArticlePublisher.Decision decision : state.decisions()) {
            decision.change()
                    .ifPresent(change -> meters.counter(
                                    "kabar.articles.events",
                                    "type",
                                    change.kind().name())
                            .increment());
        }
        takedowns.forEach(CommandProcessor::logTakedown);
    }

    private static void logTakedown(Command command, ArticlePublisher.Decision decision) {
        decision.change()
                .ifPresent(change -> LOG.info(
                        "article {} taken down by {} (reason: {}); {} idempotency record(s) tombstoned",
                        command.articleId(),
                        change.changedBy(),
                        command.reason() == null ? "none given" : command.reason(),
                        decision.forgotten().size()));
    }
}
