package io.kabar.notification.subscriptions;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a webhook URL may be a target: http or https only, and no address inside our own networks
 * (private, loopback, link-local, carrier-grade NAT, unique-local) unless configuration allows it, so that a
 * subscription cannot make the service call its neighbours. The check resolves the host at subscription time;
 * a name that later resolves elsewhere (DNS rebinding) is not caught here.
 */
final class TargetPolicy {

    /** Name resolution, behind an interface so that tests need no DNS. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts;
    private final boolean allowLoopback;
    private final Resolver resolver;

    TargetPolicy(List<String> allowedHosts, boolean allowLoopback, Resolver resolver) {
        this.allowedHosts =
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /** Why the URL is refused, or empty when it is acceptable. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getHost().isBlank()) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (allowedHosts.contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (address.isLoopbackAddress() ? !allowLoopback : internal(address)) {
                return Optional.of("must not point to a private, loopback or link-local address");
            }
        }
        return Optional.empty();
    }

    private static boolean internal(InetAddress address) {
        byte[] b = address.getAddress();
        boolean carrierGradeNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
        return address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || carrierGradeNat
                || uniqueLocal;
    }
}
