package io.kabar.trending.ranking;

import io.kabar.schemas.TrendingCount;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes on the increments of {@code news.trending-counts} written by this application's own counting (the group
 * {@code <application id>-counting}, named in a header), as bucket views: another deployment counting the same views
 * (a second application id, a test's) writes to the same topic, and its counts must not be added twice.
 */
public final class OwnCounts implements FixedKeyProcessor<String, TrendingCount, RankingInput> {

    /** The header naming the consumer group whose counting wrote the increment. */
    public static final String COUNTED_BY = "kabar-counted-by";

    private FixedKeyProcessorContext<String, RankingInput> context;
    private byte[] own;

    OwnCounts() {}

    @Override
    public void init(FixedKeyProcessorContext<String, RankingInput> context) {
        this.context = context;
        this.own = TrendingTopology.countingGroup(context.applicationId()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void process(FixedKeyRecord<String, TrendingCount> record) {
        Header countedBy = record.headers().lastHeader(COUNTED_BY);
        TrendingCount count = record.value();
        if (count == null || countedBy == null || !Arrays.equals(countedBy.value(), own)) {
            return;
        }
        context.forward(record.withValue(
                new RankingInput.BucketViews(count.getArticleId(), count.getMinute(), count.getViews())));
    }
}
