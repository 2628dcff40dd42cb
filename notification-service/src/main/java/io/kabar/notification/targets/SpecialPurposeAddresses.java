package io.kabar.notification.targets;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The IANA IPv4 and IPv6 special-purpose address registries (plus multicast), as of RFC 6890 and its updates
 * through RFC 9780: an address in any of them is no webhook target. Addresses that carry an IPv4 address (IPv4-mapped,
 * NAT64 64:ff9b::/96) are judged by the IPv4 address they lead to; the tunnelling and deprecated forms (6to4,
 * Teredo, IPv4-compatible, local-use NAT64) are refused whole, naming the embedded address.
 */
final class SpecialPurposeAddresses {

    /** One registry entry: a prefix and what it is. */
    private record Block(byte[] prefix, int bits, String name) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit += 8) {
                int mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0/8", "\"this network\""),
            block("10.0.0.0/8", "private-use"),
            block("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            block("127.0.0.0/8", "loopback"),
            block("169.254.0.0/16", "link-local"),
            block("172.16.0.0/12", "private-use"),
            block("192.0.0.0/24", "IETF protocol assignments"),
            block("192.0.2.0/24", "documentation (TEST-NET-1)"),
            block("192.31.196.0/24", "AS112-v4"),
            block("192.52.193.0/24", "AMT"),
            block("192.88.99.0/24", "deprecated 6to4 relay anycast"),
            block("192.168.0.0/16", "private-use"),
            block("192.175.48.0/24", "direct delegation AS112 service"),
            block("198.18.0.0/15", "benchmarking"),
            block("198.51.100.0/24", "documentation (TEST-NET-2)"),
            block("203.0.113.0/24", "documentation (TEST-NET-3)"),
            block("224.0.0.0/4", "multicast"),
            block("255.255.255.255/32", "limited broadcast"),
            block("240.0.0.0/4", "reserved"));

    private static final List<Block> IPV6 = List.of(
            block("::1/128", "loopback"),
            block("::/128", "unspecified"),
            block("::/96", "IPv4-compatible (deprecated)"),
            block("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"),
            block("100::/64", "discard-only"),
            block("100:0:0:1::/64", "dummy IPv6 prefix"),
            block("2001::/32", "Teredo"),
            block("2001::/23", "IETF protocol assignments"),
            block("2001:db8::/32", "documentation"),
            block("2002::/16", "6to4"),
            block("2620:4f:8000::/48", "direct delegation AS112 service"),
            block("3fff::/20", "documentation"),
            block("5f00::/16", "segment routing (SRv6) SIDs"),
            block("fc00::/7", "unique-local"),
            block("fe80::/10", "link-local"),
            block("fec0::/10", "site-local (deprecated)"),
            block("ff00::/8", "multicast"));

    // Java turns an IPv4-mapped literal into an Inet4Address, so this prefix is spelled out in bytes.
    private static final Block IPV4_MAPPED = new Block(
            new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96, "IPv4-mapped");
    private static final Block NAT64 = block("64:ff9b::/96", "IPv4/IPv6 translation (NAT64)");

    private SpecialPurposeAddresses() {}

    /** What the address is when it lies in a special-purpose block, or empty for an ordinary global address. */
    static Optional<String> classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return find(IPV4, bytes).map(name -> address.getHostAddress() + " is " + name);
        }
        if (IPV4_MAPPED.contains(bytes) || NAT64.contains(bytes)) {
            InetAddress embedded = embedded(bytes, 12);
            String kind = IPV4_MAPPED.contains(bytes) ? IPV4_MAPPED.name() : NAT64.name();
            return classify(embedded).map(reason -> address.getHostAddress() + " (" + kind + ") leads to " + reason);
        }
        return find(IPV6, bytes).map(name -> {
            String reason = address.getHostAddress() + " is " + name;
            if (name.equals("6to4")) {
                return reason + ", embedding " + embedded(bytes, 2).getHostAddress();
            }
            if (name.equals("Teredo")) {
                return reason + ", via server " + embedded(bytes, 4).getHostAddress();
            }
            return reason;
        });
    }

    private static Optional<String> find(List<Block> blocks, byte[] address) {
        return blocks.stream().filter(b -> b.contains(address)).map(Block::name).findFirst();
    }

    private static InetAddress embedded(byte[] address, int offset) {
        byte[] v4 = new byte[4];
        System.arraycopy(address, offset, v4, 0, 4);
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Block block(String cidr, String name) {
        int slash = cidr.indexOf('/');
        try {
            // Literals only: getByName parses them without any lookup.
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            if (cidr.contains(":") && prefix.length == 4) {
                throw new IllegalStateException(cidr + " must stay IPv6");
            }
            return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad literal " + cidr, e);
        }
    }
}
