package io.kabar.e2e;

import io.kabar.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates malformed requests for a service's endpoints from a seed: wrong methods, path tricks and broken
 * percent-encoding, query values of the wrong type, odd and oversized headers, bad tokens, and bodies from
 * {@link MalformedJson}. The same seed gives the same requests, so a failure can be replayed.
 */
final class MalformedRequests {

    /** One endpoint: its method, its path ({@code {id}} for an id) and the body it takes (null: none). */
    record Endpoint(String method, String path, MalformedJson.Shape body, List<String> parameters) {}

    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "get", "G\u00c9T");
    private static final List<String> PATH_TRICKS = List.of(
            "/",
            "//",
            "/..;/actuator/env",
            "/../actuator/health",
            "/%2e%2e/%2e%2e/actuator",
            "%00",
            "%",
            "%zz",
            ";jsessionid=abc",
            ".json",
            "\\..\\",
            "/%2F",
            "?",
            "#frag",
            "/%C0%AE%C0%AE/",
            "/\u00ff\u00fe");
    private static final List<String> IDS = List.of(
            "",
            " ",
            "..",
            "%2e%2e",
            "%00",
            "null",
            "-1",
            "0",
            "99999999999999999999",
            "%E2%82%AC",
            "\u00e9",
            "a%2Fb",
            "%25",
            "%",
            "{id}",
            "$%7Bjndi:ldap://x%7D",
            "'%20OR%201=1--",
            "%0d%0aX-Injected:%201");
    private static final List<String> VALUES = List.of(
            "",
            "abc",
            "-1",
            "0",
            "1.5",
            "1e99",
            "99999999999999999999",
            "NaN",
            "true",
            "%",
            "%zz",
            "%00",
            "%FF%FE",
            "2026-13-45T99:99:99Z",
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2026-03-02T17:00:00.123456789+07:00",
            "1h",
            "rising",
            "7d",
            "%E2%80%AE",
            "a,b,,c",
            "[]",
            "{}");
    private static final List<String> HEADER_NAMES = List.of(
            "Idempotency-Key",
            "If-Match",
            "Accept",
            "Accept-Charset",
            "Accept-Encoding",
            "Last-Event-ID",
            "X-Forwarded-For",
            "Origin",
            "Content-Encoding",
            "Cookie",
            "Range",
            "Expect",
            "X-Forwarded-Proto",
            "Forwarded",
            "Content-Language");
    private static final List<String> HEADER_VALUES = List.of(
            "",
            "*",
            "W/\"1\"",
            "\"1\"",
            "\"-1\"",
            "\"99999999999999999999\"",
            "abc",
            "application/xml",
            "text/event-stream",
            "*/*;q=abc",
            "gzip",
            "br, deflate",
            "999.1.1.1",
            "::1",
            "unknown, , ,",
            "for=\"[::1]\";proto=ftp",
            "null",
            "https://evil.example",
            "bytes=0-1,5-2",
            "100-continue",
            "-1",
            "\u00e9\u00ff",
            "a\tb");
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "text/plain;charset=UTF-8",
            "application/json;charset=utf-16",
            "application/json;charset=x",
            "application/xml",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "///",
            "",
            "application/*",
            "application/merge-patch+json",
            "application/json; boundary=\u00ff");

    private final Random random;
    private final MalformedJson json;
    private final List<String> knownIds;
    private final List<String> tokens;

    MalformedRequests(long seed, List<String> knownIds) {
        this.random = new Random(seed);
        this.json = new MalformedJson(random);
        this.knownIds = knownIds;
        String editor = TestTokens.editor();
        this.tokens = List.of(
                editor,
                editor,
                TestTokens.writer(),
                TestTokens.token("tanpa-izin"),
                TestTokens.token("salah-izin", "articles:read"),
                TestTokens.untrusted(),
                editor.substring(0, editor.length() - 3) + "abc",
                editor.substring(0, editor.lastIndexOf('.')),
                unsigned(),
                "",
                "x.y.z",
                "\u00e9\u00e9\u00e9",
                "a".repeat(9000));
    }

    RawHttp.Request next(List<Endpoint> endpoints) {
        Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
        String method = random.nextInt(100) < 85 ? endpoint.method() : pick(METHODS);
        StringBuilder target = new StringBuilder(endpoint.path().replace("{id}", id()));
        if (random.nextInt(100) < 15) {
            target.append(pick(PATH_TRICKS));
        }
        if (random.nextBoolean()) {
            target.append(query(endpoint.parameters()));
        }
        List<byte[]> headers = new ArrayList<>();
        byte[] body = null;
        boolean sendsBody = endpoint.body() != null ? random.nextInt(100) < 95 : random.nextInt(100) < 10;
        if (sendsBody) {
            body = json.body(endpoint.body() == null ? MalformedJson.Shape.ARTICLE : endpoint.body());
            headers.add(
                    ascii("Content-Type: " + (random.nextInt(100) < 75 ? "application/json" : pick(CONTENT_TYPES))));
        }
        if (random.nextInt(100) < 80) {
            headers.add(ascii("Authorization: " + (random.nextInt(10) == 0 ? "Basic " : "Bearer ") + pick(tokens)));
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            headers.add(header(pick(HEADER_NAMES), headerValue()));
        }
        return new RawHttp.Request(method, target.toString().getBytes(StandardCharsets.UTF_8), headers, body);
    }

    private String id() {
        int roll = random.nextInt(100);
        if (roll < 30 && !knownIds.isEmpty()) {
            return knownIds.get(random.nextInt(knownIds.size()));
        }
        if (roll < 50) {
            return UUID.randomUUID().toString();
        }
        if (roll < 55) {
            return "x".repeat(1 + random.nextInt(20_000));
        }
        return pick(IDS);
    }

    private String query(List<String> parameters) {
        StringBuilder query = new StringBuilder("?");
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            String name = parameters.isEmpty() || random.nextInt(5) == 0 ? pick(VALUES) : pick(parameters);
            String value = random.nextInt(10) == 0 ? "x".repeat(random.nextInt(10_000)) : pick(VALUES);
            query.append(name).append('=').append(value).append(random.nextInt(8) == 0 ? ";" : "&");
        }
        return query.toString();
    }

    private String headerValue() {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return "v".repeat(4000 + random.nextInt(12_000));
        }
        if (roll < 15) {
            return UUID.randomUUID().toString();
        }
        return pick(HEADER_VALUES);
    }

    /** A header line; non-ASCII characters go out as their UTF-8 bytes, as a careless client would send them. */
    private static byte[] header(String name, String value) {
        return (name + ": " + value).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /** A token that claims every scope and no signature ({@code alg: none}). */
    private static String unsigned() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(
                "{\"sub\":\"intruder\",\"scope\":\"articles:write articles:breaking\",\"exp\":4102444800}"
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
