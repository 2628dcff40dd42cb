package io.kabar.trending.ranking;

import io.kabar.schemas.TrendingCount;
import io.kabar.schemas.TrendingCounts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Unpacks the increments of {@code news.trending-counts} written by this application's own counting (the group
 * {@code <application id>-counting}, named in a header) into bucket views keyed by article id: another deployment
 * counting the same views (a second application id, a test's) writes to the same topic, and its counts must not be
 * added twice.
 */
public final class OwnCounts implements Processor<String, TrendingCounts, String, RankingInput> {

    /** The header naming the consumer group whose counting wrote the increments. */
    public static final String COUNTED_BY = "kabar-counted-by";

    private ProcessorContext<String, RankingInput> context;
    private byte[] own;

    OwnCounts() {}

    @Override
    public void init(ProcessorContext<String, RankingInput> context) {
        this.context = context;
        this.own = TrendingTopology.countingGroup(context.applicationId()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void process(Record<String, TrendingCounts> record) {
        Header countedBy = record.headers().lastHeader(COUNTED_BY);
        TrendingCounts counts = record.value();
        if (counts == null || countedBy == null || !Arrays.equals(countedBy.value(), own)) {
            return;
        }
        for (TrendingCount count : counts.getCounts()) {
            context.forward(record.withKey(count.getArticleId())
                    .withValue(
                            new RankingInput.BucketViews(count.getArticleId(), count.getMinute(), count.getViews())));
        }
    }
}
