package io.kabar.notification.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPolicyTest {

    static final TargetPolicy.Resolver DNS = host -> switch (host) {
        case "hooks.example" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
        case "intranet.example" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
        case "mixed.example" ->
            new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.1.1")};
        default -> InetAddress.getAllByName(host);
    };

    final TargetPolicy production = new TargetPolicy(List.of(), false, false, DNS);

    @Test
    void acceptsPublicHttpsTargets() {
        assertThat(production.refusal("https://hooks.example/kabar")).isEmpty();
        assertThat(production.refusal("https://93.184.216.34:8443/x")).isEmpty();
        assertThat(production.refusal("https://[2606:2800:220:1:248:1893:25c8:1946]/x"))
                .isEmpty();
    }

    @Test
    void refusesPlainHttpUnlessAllowed() {
        assertThat(production.refusal("http://hooks.example/kabar")).contains("must be https");
        assertThat(new TargetPolicy(List.of(), false, true, DNS).refusal("http://hooks.example/kabar"))
                .isEmpty();
    }

    @Test
    void refusesOtherSchemesCredentialsAndInternalNames() {
        assertThat(production.refusal("ftp://hooks.example/x")).isPresent();
        assertThat(production.refusal("not a url")).isPresent();
        assertThat(production.refusal("https://user:pw@hooks.example/x")).contains("must not carry credentials");
        assertThat(production.refusal("https://intranet.example/x"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("10.1.2.3 is private-use"));
        assertThat(production.refusal("https://mixed.example/x")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "0.1.2.3",
                "10.0.0.1",
                "100.64.0.1",
                "100.127.255.254",
                "127.0.0.1",
                "169.254.169.254",
                "172.16.0.1",
                "172.31.255.255",
                "192.0.0.8",
                "192.0.0.170",
                "192.0.2.1",
                "192.31.196.1",
                "192.52.193.1",
                "192.88.99.1",
                "192.168.0.5",
                "192.175.48.1",
                "198.18.0.1",
                "198.19.255.255",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "239.255.255.250",
                "240.0.0.1",
                "255.255.255.254",
                "255.255.255.255",
                "::",
                "::1",
                "::10.0.0.1",
                "::8.8.8.8",
                "::ffff:10.0.0.1",
                "::ffff:127.0.0.1",
                "64:ff9b::10.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b:1::1",
                "100::1",
                "100:0:0:1::1",
                "2001::1",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2",
                "2001:2::1",
                "2001:10::1",
                "2001:db8::1",
                "2002:a00:1::1",
                "2002:5db8:d822::1",
                "2620:4f:8000::1",
                "3fff::1",
                "5f00::1",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "fec0::1",
                "ff02::1"
            })
    void refusesEverySpecialPurposeAddressWhenConnecting(String address) {
        assertThatThrownBy(() -> production.addressesToConnect(address))
                .isInstanceOf(TargetPolicy.Refused.class)
                .hasMessageContaining(" is ");
        assertThat(production.refusal("https://" + (address.contains(":") ? "[" + address + "]" : address) + "/x"))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "::ffff:8.8.8.8", "64:ff9b::808:808", "2606:4700::1111"})
    void acceptsGlobalAddressesIncludingNat64OfAPublicOne(String address) throws Exception {
        assertThat(production.addressesToConnect(address)).hasSize(1);
    }

    @Test
    void namesTheEmbeddedIpv4AddressOfTranslatedAndTunnelledForms() {
        assertThatThrownBy(() -> production.addressesToConnect("64:ff9b::a00:1"))
                .hasMessageContaining("leads to 10.0.0.1 is private-use");
        assertThatThrownBy(() -> production.addressesToConnect("2002:a00:1::1"))
                .hasMessageContaining("6to4, embedding 10.0.0.1");
    }

    @Test
    void acceptsLoopbackOverHttpAndAllowListedHostsWhenConfigured() {
        TargetPolicy local = new TargetPolicy(List.of("intranet.example", "192.168.0.5"), true, false, DNS);

        assertThat(local.refusal("http://127.0.0.1:9000/x")).isEmpty();
        assertThat(local.refusal("http://localhost:9000/x")).isEmpty();
        assertThat(local.refusal("https://intranet.example/x")).isEmpty();
        assertThat(local.refusal("https://192.168.0.5/x")).isEmpty();
        assertThat(local.refusal("http://hooks.example/x")).contains("must be https");
        assertThat(local.refusal("https://10.9.9.9/x")).isPresent();
    }
}
