package io.kabar.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies that are almost right or badly wrong: a valid body of the endpoint's shape with fields of the wrong
 * type, missing, unknown or oversized, or a document that is too deep, too large, truncated, not UTF-8 or not JSON.
 */
final class MalformedJson {

    /** The body shapes of Kabar's write endpoints. */
    enum Shape {
        ARTICLE,
        SUBSCRIPTION,
        PAGE_VIEWS
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Object> WRONG_VALUES = List.of(
            123,
            -1,
            1.5e300,
            true,
            List.of(),
            List.of(1, "a"),
            Map.of(),
            Map.of("a", Map.of("b", 1)),
            "",
            " ",
            "\u0000",
            "\ud83d\ude00".repeat(50),
            "<script>alert(1)</script>",
            "9999-12-31T23:59:59Z",
            "+999999999-12-31T23:59:59Z",
            "-0001-01-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "ftp://x",
            "javascript:x",
            "http://[::1",
            "http://127.0.0.1:0/",
            "webpush",
            "EMAIL",
            "\u202e",
            "id",
            "xx-XX-xx");

    private final Random random;

    MalformedJson(Random random) {
        this.random = random;
    }

    byte[] body(Shape shape) {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return JSON.writeValueAsBytes(mutated(shape));
        }
        if (roll < 62) {
            return deep(1 + random.nextInt(roll % 2 == 0 ? 2_000 : 100_000));
        }
        if (roll < 67) {
            return huge(shape);
        }
        if (roll < 77) {
            byte[] valid = JSON.writeValueAsBytes(mutated(shape));
            return Arrays.copyOf(valid, random.nextInt(valid.length));
        }
        if (roll < 82) {
            byte[] valid = JSON.writeValueAsBytes(valid(shape));
            valid[random.nextInt(valid.length)] = (byte) (0x80 + random.nextInt(0x80));
            return valid;
        }
        return pick(List.of(
                        "",
                        "null",
                        "[]",
                        "[null]",
                        "\"text\"",
                        "1e999999",
                        "-",
                        "NaN",
                        "{\"title\": NaN}",
                        "{\"a\":1,\"a\":2}",
                        "{/* comment */}",
                        "\ufeff{}",
                        "{} trailing",
                        "{\"title\":\"\\ud800\"}",
                        "{\"title\":\"\\u0000\"}",
                        "123456789012345678901234567890",
                        "{\"publishedAt\": 1e20}",
                        "[{\"articleId\": null, \"sessionId\": null}]",
                        "{\"viewedAt\": \"" + "9".repeat(400) + "\"}"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A valid body of the shape, then one to three fields given a wrong value, removed or added. */
    private Object mutated(Shape shape) {
        Object body = valid(shape);
        Map<String, Object> target = body instanceof List<?> list ? firstOf(list) : asMap(body);
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            List<String> fields = new ArrayList<>(target.keySet());
            int roll = random.nextInt(10);
            if (roll < 6 && !fields.isEmpty()) {
                target.put(pick(fields), pick(WRONG_VALUES));
            } else if (roll < 8 && !fields.isEmpty()) {
                target.remove(pick(fields));
            } else if (roll < 9 && !fields.isEmpty()) {
                target.put(pick(fields), "x".repeat(random.nextInt(70_000)));
            } else {
                target.put("unknown" + random.nextInt(3), pick(WRONG_VALUES));
            }
        }
        return body;
    }

    private Object valid(Shape shape) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (shape) {
            case ARTICLE -> {
                body.put("title", "Judul uji " + random.nextInt(1000));
                body.put("body", "Paragraf uji.");
                body.put("category", "Uji");
                body.put("tags", List.of("uji"));
                body.put("author", "Redaksi Uji");
                body.put("language", "id");
                body.put("breaking", false);
                body.put("publishedAt", "2026-03-02T17:00:00Z");
                body.put("imageUrl", "https://kabar.example/a.jpg");
            }
            case SUBSCRIPTION -> {
                body.put("channel", "webhook");
                body.put("url", "http://127.0.0.1:9/kabar-" + random.nextInt(1000));
                body.put("categories", List.of("Uji"));
                body.put("tags", List.of("uji"));
                body.put("breakingOnly", true);
            }
            case PAGE_VIEWS -> {
                body.put("articleId", UUID.randomUUID().toString());
                body.put("sessionId", "sesi-" + random.nextInt(1000));
                body.put("referrer", "https://kabar.example/");
                if (random.nextBoolean()) {
                    return new ArrayList<>(List.of(body, new LinkedHashMap<>(body)));
                }
            }
        }
        return body;
    }

    private static byte[] deep(int depth) {
        StringBuilder json = new StringBuilder(depth * 2 + 16);
        json.append("[".repeat(depth)).append("1").append("]".repeat(depth));
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Beyond the endpoints' body limits (64 KB to 512 KB) or just below them. */
    private byte[] huge(Shape shape) {
        int size = pick(List.of(60_000, 70_000, 500_000, 600_000, 2_000_000));
        if (shape == Shape.PAGE_VIEWS && random.nextBoolean()) {
            List<Object> views = new ArrayList<>();
            for (int i = 0; i < 501; i++) {
                views.add(Map.of("articleId", "a" + i, "sessionId", "s" + i));
            }
            return JSON.writeValueAsBytes(views);
        }
        return ("{\"title\":\"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object body) {
        return (Map<String, Object>) body;
    }

    private static Map<String, Object> firstOf(List<?> list) {
        return asMap(list.getFirst());
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
