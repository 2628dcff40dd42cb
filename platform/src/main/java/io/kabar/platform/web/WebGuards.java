package io.kabar.platform.web;

import io.kabar.platform.web.limits.LimitsFilters;
import io.kabar.platform.web.limits.LimitsProperties;
import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Guards every service's public port, in this order and before any other filter (authentication included): CORS,
 * per-client rate limits, open-request limits, request body limits. Each is configured per service by properties.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({KabarWebProperties.class, LimitsProperties.class})
public class WebGuards {

    /** Before Spring Security's filter chain (order -100) and Spring's request-wrapping filters. */
    private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 100;

    @Bean
    ClientAddresses kabarClientAddresses(KabarWebProperties web) {
        return new ClientAddresses(web.trustedProxies());
    }

    @Bean
    FilterRegistrationBean<Filter> kabarContentTypeGuard() {
        return registration("kabarContentTypeGuard", new ContentTypeGuard(), FIRST - 1);
    }

    @Bean
    FilterRegistrationBean<Filter> kabarCorsFilter(KabarWebProperties web) {
        return registration("kabarCors", CrossOrigin.filter(web), FIRST);
    }

    @Bean
    FilterRegistrationBean<Filter> kabarRateLimitFilter(LimitsProperties limits, ClientAddresses clients) {
        return registration("kabarRateLimits", LimitsFilters.rates(limits, clients), FIRST + 1);
    }

    @Bean
    FilterRegistrationBean<Filter> kabarConcurrencyLimitFilter(LimitsProperties limits, ClientAddresses clients) {
        return registration("kabarConcurrencyLimits", LimitsFilters.concurrency(limits, clients), FIRST + 2);
    }

    @Bean
    FilterRegistrationBean<Filter> kabarBodyLimitFilter(LimitsProperties limits) {
        return registration("kabarBodyLimits", LimitsFilters.bodies(limits), FIRST + 3);
    }

    private static FilterRegistrationBean<Filter> registration(String name, Filter filter, int order) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setOrder(order);
        registration.setAsyncSupported(true);
        return registration;
    }
}
