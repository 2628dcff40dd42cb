package io.kabar.platform.web;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service of the smallest kind, with the platform's guards configured by its tests. */
@SpringBootApplication
class GuardedApp {

    @RestController
    static class Api {

        @GetMapping("/api/news")
        Map<String, String> news() {
            return Map.of("headline", "Pemilu serentak");
        }

        @PostMapping("/api/news")
        Map<String, Integer> publish(@RequestBody Map<String, Object> article) {
            return Map.of("fields", article.size());
        }

        @GetMapping("/api/search")
        Map<String, String> search(@RequestParam(required = false) String q) {
            return Map.of("q", String.valueOf(q));
        }

        @PostMapping("/api/votes")
        Map<String, Boolean> vote() {
            return Map.of("counted", true);
        }
    }
}
