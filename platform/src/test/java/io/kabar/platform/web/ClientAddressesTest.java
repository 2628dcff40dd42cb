package io.kabar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "fd00::/8", ""));

    @Test
    void takesThePeerAddressWhenThePeerIsNoTrustedProxy() {
        assertThat(behindProxies.of(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void takesTheRightMostUntrustedForwardedAddressFromATrustedProxy() {
        // The reader wrote 192.0.2.66 themselves; our two proxies appended the rest.
        assertThat(behindProxies.of(request("10.1.2.3", "192.0.2.66, 198.51.100.1", "10.9.9.9")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void matchesIpv6Blocks() {
        assertThat(behindProxies.of(request("fd12::1", "2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void keepsTheLastTrustedHopWhenTheForwardedValueIsNoAddress() {
        assertThat(behindProxies.of(request("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
    }

    @Test
    void believesNoForwardedAddressWithoutTrustedProxies() {
        assertThat(new ClientAddresses(List.of()).of(request("10.1.2.3", "198.51.100.1")))
                .isEqualTo("10.1.2.3");
    }

    @Test
    void refusesAMalformedBlockAtStart() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/news");
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }
}
