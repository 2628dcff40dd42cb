package io.kabar.trending.ranking;

import io.kabar.schemas.PageView;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Makes a page view's event time the time the reader viewed the page, whenever the record was produced. */
final class ViewedAtExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return record.value() instanceof PageView view ? view.getViewedAt().toEpochMilli() : partitionTime;
    }
}
