package io.kabar.platform.web.limits;

import io.kabar.platform.web.ClientAddresses;
import jakarta.servlet.Filter;

/** Creates the limit filters, whose classes stay private to this package. */
public final class LimitsFilters {

    private LimitsFilters() {}

    public static Filter rates(LimitsProperties properties, ClientAddresses clients) {
        return new RateLimitFilter(properties, clients);
    }

    public static Filter concurrency(LimitsProperties properties, ClientAddresses clients) {
        return new ConcurrencyLimitFilter(properties, clients);
    }

    public static Filter bodies(LimitsProperties properties) {
        return new BodyLimitFilter(properties);
    }
}
