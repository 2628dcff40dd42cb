package io.kabar.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells the address of the client behind a request, the key of every per-client limit. {@code X-Forwarded-For} is
 * believed only from a trusted proxy, since anyone else can write any address into it: then the client is the
 * right-most address that is not itself a trusted proxy.
 */
public final class ClientAddresses {

    /** Digits, hex letters, dots and colons only: parsing never falls back to a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final List<Block> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream()
                .map(String::strip)
                .filter(cidr -> !cidr.isEmpty())
                .map(Block::parse)
                .toList();
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!isTrusted(remote)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                break; // not an address a proxy of ours wrote: stop at the last one we can vouch for
            }
            client = hop.getHostAddress();
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && isTrusted(parsed);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    private static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (bare.isEmpty() || !IP_LITERAL.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one. */
    record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not a CIDR block: " + cidr);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix out of range in " + cidr);
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
