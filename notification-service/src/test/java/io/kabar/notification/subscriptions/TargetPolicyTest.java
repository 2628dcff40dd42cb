package io.kabar.notification.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {

    static final TargetPolicy.Resolver DNS = host -> switch (host) {
        case "hooks.example" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
        case "intranet.example" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
        default -> InetAddress.getAllByName(host);
    };

    @Test
    void acceptsPublicHttpAndHttpsTargets() {
        TargetPolicy policy = new TargetPolicy(List.of(), false, DNS);

        assertThat(policy.refusal("https://hooks.example/kabar")).isEmpty();
        assertThat(policy.refusal("http://93.184.216.34:8080/x")).isEmpty();
    }

    @Test
    void refusesOtherSchemesAndInternalAddresses() {
        TargetPolicy policy = new TargetPolicy(List.of(), false, DNS);

        assertThat(policy.refusal("ftp://hooks.example/x")).isPresent();
        assertThat(policy.refusal("not a url")).isPresent();
        assertThat(policy.refusal("https://intranet.example/x")).isPresent();
        assertThat(policy.refusal("http://127.0.0.1/x")).isPresent();
        assertThat(policy.refusal("http://169.254.169.254/latest/meta-data")).isPresent();
        assertThat(policy.refusal("http://192.168.0.5/x")).isPresent();
        assertThat(policy.refusal("http://100.64.0.1/x")).isPresent();
        assertThat(policy.refusal("http://[::1]/x")).isPresent();
        assertThat(policy.refusal("http://[fd00::1]/x")).isPresent();
        assertThat(policy.refusal("https://user:pw@hooks.example/x")).isPresent();
    }

    @Test
    void acceptsLoopbackAndAllowListedHostsWhenConfigured() {
        TargetPolicy policy = new TargetPolicy(List.of("intranet.example", "192.168.0.5"), true, DNS);

        assertThat(policy.refusal("http://127.0.0.1:9000/x")).isEmpty();
        assertThat(policy.refusal("https://intranet.example/x")).isEmpty();
        assertThat(policy.refusal("http://192.168.0.5/x")).isEmpty();
    }
}
