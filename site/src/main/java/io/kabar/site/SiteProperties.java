package io.kabar.site;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the site finds the other services and how it presents itself; the defaults are the local stack's.
 *
 * @param baseUrl          the site's own public address, for feeds, the sitemap and the front page's canonical link
 *                         ({@code KABAR_SITE_BASE_URL})
 * @param name             the publication's name in titles, feeds and structured data
 * @param articlesApi      article-service as the site's server reaches it: the console's writes go there
 * @param alertStream      notification-service's alert stream as the reader's browser reaches it
 *                         ({@code KABAR_SITE_ALERT_STREAM})
 * @param pageViews        trending-service's page-view endpoint as the reader's browser reaches it
 *                         ({@code KABAR_SITE_PAGE_VIEWS})
 * @param secureCookies    whether the newsroom's sign-in cookie is sent over https only (true behind TLS)
 * @param pageCache        how much rendered article HTML the site keeps, least recently read forgotten first
 *                         ({@code KABAR_SITE_PAGE_CACHE}; 0 renders every request)
 * @param warmUpRenders    how many times the site renders a sample article page before it reports ready, so that
 *                         its first readers do not wait for the JIT ({@code KABAR_SITE_WARM_UP_RENDERS})
 */
@Validated
@ConfigurationProperties("kabar.site")
public record SiteProperties(
        @DefaultValue("http://127.0.0.1:8080") @NotNull URI baseUrl,
        @DefaultValue("Kabar") @NotNull String name,
        @DefaultValue("http://127.0.0.1:8081") @NotNull URI articlesApi,

        @DefaultValue("http://127.0.0.1:8083/api/alerts/stream") @NotNull
        URI alertStream,

        @DefaultValue("http://127.0.0.1:8084/api/page-views") @NotNull
        URI pageViews,

        @DefaultValue("false") boolean secureCookies,
        @DefaultValue("16MB") @NotNull DataSize pageCache,
        @DefaultValue("120") @PositiveOrZero int warmUpRenders) {

    /** The base address without a trailing slash, for building absolute links. */
    public String base() {
        String base = baseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The scheme, host and port of a URI: what a Content-Security-Policy source names. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
