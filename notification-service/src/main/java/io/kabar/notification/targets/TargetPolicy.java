package io.kabar.notification.targets;

import io.kabar.notification.NotificationProperties;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a webhook URL may be a target and which addresses a delivery may connect to: https (plain http only
 * when configured, or to loopback where loopback is allowed), and no address in a special-purpose block (private,
 * loopback, link-local, documentation, translation and tunnelling prefixes, ...) unless configuration allows it. The
 * same check runs when subscribing and, through the HTTP client's resolver, every time a delivery connects, so a
 * name that later resolves inside our networks is refused at that moment.
 */
public final class TargetPolicy {

    /** Name resolution, behind an interface so that tests need no DNS and can change what a name resolves to. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A host whose addresses may not be connected to; an {@link UnknownHostException} so HTTP clients stop there. */
    public static final class Refused extends UnknownHostException {
        Refused(String reason) {
            super(reason);
        }
    }

    private final Set<String> allowedHosts;
    private final boolean allowLoopback;
    private final boolean allowHttp;
    private final Resolver resolver;

    public TargetPolicy(List<String> allowedHosts, boolean allowLoopback, boolean allowHttp, Resolver resolver) {
        this.allowedHosts =
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.allowLoopback = allowLoopback;
        this.allowHttp = allowHttp;
        this.resolver = resolver;
    }

    public static TargetPolicy of(NotificationProperties properties, Resolver resolver) {
        return new TargetPolicy(
                properties.allowedHosts(), properties.allowLoopback(), properties.allowHttp(), resolver);
    }

    /** Why the URL is refused as a subscription's target, or empty when it is acceptable. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getHost().isBlank()) {
            return Optional.of("must be an absolute https URL");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        String host = unbracketed(uri.getHost());
        InetAddress[] addresses;
        try {
            addresses = addressesToConnect(host);
        } catch (Refused e) {
            return Optional.of("must not point to an internal or special-purpose address: " + e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " cannot be resolved");
        }
        boolean loopbackOnly = Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        if (scheme.equals("http") && !allowHttp && !(allowLoopback && loopbackOnly)) {
            return Optional.of("must be https");
        }
        return Optional.empty();
    }

    /**
     * Resolves a target host for a connection: its addresses, or {@link Refused} naming the first one that is not an
     * acceptable target (one bad address refuses the host, so a client cannot be steered to it by trying the next).
     */
    public InetAddress[] addressesToConnect(String host) throws UnknownHostException {
        String name = unbracketed(host).toLowerCase(Locale.ROOT);
        InetAddress[] addresses = resolver.resolve(name);
        if (allowedHosts.contains(name)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = refusal(address);
            if (reason.isPresent()) {
                throw new Refused(name + " resolves to " + reason.get());
            }
        }
        return addresses;
    }

    private Optional<String> refusal(InetAddress address) {
        if (allowedHosts.contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (allowLoopback && address.isLoopbackAddress()) {
            return Optional.empty();
        }
        return SpecialPurposeAddresses.classify(address);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
