package io.kabar.trending.counting;

import io.kabar.schemas.PageView;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.serde.SchemaRegistry;
import io.kabar.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Decodes the records of {@code news.page-views} and applies each to its partition's counting state. */
final class PageViewReader {

    private final AvroDeserializer<PageView> decoder;

    PageViewReader(SchemaRegistry schemas) {
        this.decoder = new AvroDeserializer<>(PageView.class, schemas);
    }

    /**
     * Decodes a record: a view, or {@code null} for a tombstone; throws {@link
     * org.apache.kafka.common.errors.SerializationException} for a record that is no page view.
     */
    PageView decode(ConsumerRecord<byte[], byte[]> record) {
        return decoder.deserialize(Topics.PAGE_VIEWS.name(), record.value());
    }

    /** Counts a view (its increment will be handed on). */
    static void count(PartitionCounts counts, PageView view) {
        counts.count(
                view.getArticleId(),
                view.getSessionId(),
                view.getClient(),
                view.getViewedAt().toEpochMilli());
    }

    /** Applies a view counted before to the state only. */
    static void replay(PartitionCounts counts, PageView view) {
        counts.replay(
                view.getArticleId(),
                view.getSessionId(),
                view.getClient(),
                view.getViewedAt().toEpochMilli());
    }
}
