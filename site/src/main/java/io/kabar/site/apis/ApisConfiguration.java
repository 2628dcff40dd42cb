package io.kabar.site.apis;

import io.kabar.site.SiteProperties;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The lists' HTTP client, with short timeouts: a slow list must not hold up a page, which renders without it. */
@Configuration(proxyBeanMethods = false)
class ApisConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Lists lists(RestClient.Builder builder, SiteProperties properties, Clock clock) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.apiTimeout())
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.apiTimeout());
        return new HttpLists(builder.clone().requestFactory(factory), properties, clock);
    }
}
