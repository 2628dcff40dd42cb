package io.kabar.notification.targets;

import io.kabar.notification.NotificationProperties;
import java.net.InetAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the target policy with the system's name resolution (tests put their own resolver in its place). */
@Configuration(proxyBeanMethods = false)
class TargetsConfiguration {

    @Bean
    TargetPolicy.Resolver targetResolver() {
        return InetAddress::getAllByName;
    }

    @Bean
    TargetPolicy targetPolicy(NotificationProperties properties, TargetPolicy.Resolver resolver) {
        return TargetPolicy.of(properties, resolver);
    }
}
