package io.kabar.article.publishing;

import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.article.catalog.ArticleRecords;
import io.kabar.platform.kafka.TopicFollower;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.ArticleCommand;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.ArticleRequestCompleted;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.kafka.core.KafkaTemplate;

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
    private static final Duration CATCH_UP_PAUSE = Duration.ofMillis(5);

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final KafkaTemplate<String, Object> transactions;
    private final ArticlePublisher publisher;
    private final ArticleCatalog catalog;
    private final IdempotencyLedger ledger;
    private final TopicMirror<?> articles;
    private final TopicMirror<?> requests;
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
        this.transactions = new KafkaTemplate<>(producers);
        this.publisher = publisher;
        this.catalog = catalog;
        this.ledger = ledger;
        this.articles = articles;
        this.requests = requests;
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
                    catchUp(c);
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
            if (mayBeBehind(command, state)) {
                catchUp(c);
            }
            ArticlePublisher.Decision decision =
                    publisher.decide(command, state, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            state.add(decision);
            if (command.kind() == Command.Kind.TAKE_DOWN) {
                takedowns.put(command, decision);
            }
        }
        transactions.executeInTransaction(operations -> {
            for (ArticlePublisher.Decision decision : state.decisions()) {
                decision.change().ifPresent(change -> {
                    String id = change.article().id();
                    operations.send(
                            Topics.ARTICLES.name(),
                            id,
                            ArticleRecords.toEvent(
                                    change.article(), eventType(change.kind()), change.at(), change.changedBy()));
                    if (change.kind() == ArticleChange.Kind.TAKEN_DOWN) {
                        // Readers drop the article on the content-free UNPUBLISHED event; the tombstone then lets
                        // compaction remove every earlier event of it.
                        operations.send(Topics.ARTICLES.name(), id, null);
                    }
                });
                // The completed requests that created a taken-down article hold its text: tombstoned too.
                decision.forgotten().forEach(key -> operations.send(Topics.ARTICLE_REQUESTS.name(), key, null));
                decision.completed()
                        .ifPresent(done -> operations.send(
                                Topics.ARTICLE_REQUESTS.name(),
                                done.key(),
                                ArticleRequestCompleted.newBuilder()
                                        .setIdempotencyKey(done.key())
                                        .setRequestFingerprint(done.fingerprint())
                                        .setCompletedAt(done.at())
                                        .setArticle(ArticleRecords.toAvro(done.article()))
                                        .build()));
                operations.send(
                        Topics.ARTICLE_COMMAND_OUTCOMES.name(),
                        decision.outcome().requestId(),
                        CommandRecords.toAvro(decision.outcome()));
            }
            operations.sendOffsetsToTransaction(offsets, c.groupMetadata());
            return null;
        });
        state.committed();
        for (ArticlePublisher.Decision decision : state.decisions()) {
            decision.change()
                    .ifPresent(change -> meters.counter(
                                    "kabar.articles.events",
                                    "type",
                                    change.kind().name())
                            .increment());
        }
        takedowns.forEach((command, decision) -> decision.change()
                .ifPresent(change -> LOG.info(
                        "article {} taken down by {} (reason: {}); {} idempotency record(s) tombstoned",
                        command.articleId(),
                        change.changedBy(),
                        command.reason() == null ? "none given" : command.reason(),
                        decision.forgotten().size())));
    }

    private static ArticleEventType eventType(ArticleChange.Kind kind) {
        return kind == ArticleChange.Kind.TAKEN_DOWN
                ? ArticleEventType.UNPUBLISHED
                : ArticleEventType.valueOf(kind.name());
    }

    /**
     * Whether an article the command names may have a revision this owner has not read yet: one it does not know,
     * or one older than the command says. Revisions after the first are written by this partition's owners only,
     * so a known revision that matches or exceeds the command's is current.
     */
    private static boolean mayBeBehind(Command command, OwnerState state) {
        return command.kind() != Command.Kind.PUBLISH
                && state.article(command.articleId())
                        .map(a -> a.revision() < command.expectedRevision())
                        .orElse(true);
    }

    /** Waits (bounded) until the mirrors have read everything committed to the articles and requests topics. */
    private void catchUp(Consumer<String, ArticleCommand> c) {
        Map<TopicPartition, Long> articleEnds = ends(c, Topics.ARTICLES.name());
        Map<TopicPartition, Long> requestEnds = ends(c, Topics.ARTICLE_REQUESTS.name());
        Instant deadline = Instant.now().plus(catchUpTimeout);
        while (!(articles.hasReached(articleEnds) && requests.hasReached(requestEnds))) {
            if (Instant.now().isAfter(deadline)) {
                LOG.warn(
                        "the read model did not catch up with the log within {}; deciding with what it holds",
                        catchUpTimeout);
                return;
            }
            try {
                Thread.sleep(CATCH_UP_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Map<TopicPartition, Long> ends(Consumer<?, ?> c, String topic) {
        return c.endOffsets(c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList());
    }
}
