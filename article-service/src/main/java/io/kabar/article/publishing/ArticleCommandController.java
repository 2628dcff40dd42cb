package io.kabar.article.publishing;

import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleJson;
import io.kabar.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The newsroom's write API: publish, replace and unpublish articles. */
@RestController
@RequestMapping("/api/articles")
class ArticleCommandController {

    private final ArticleCommands commands;

    ArticleCommandController(ArticleCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<ArticleJson> publish(
            @Valid @RequestBody ArticleRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(min = 1, max = 200)
                    @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII")
                    String idempotencyKey,
            Authentication caller) {
        ArticleCommands.Published published =
                commands.publish(request.toDraft(), Caller.of(caller), idempotencyKey, request.fingerprint());
        Article article = published.article();
        return ResponseEntity.created(URI.create("/api/articles/" + article.id()))
                .eTag(etag(article))
                .header("Idempotent-Replayed", String.valueOf(published.replayed()))
                .body(ArticleJson.of(article));
    }

    @PutMapping("/{id}")
    ResponseEntity<ArticleJson> replace(
            @PathVariable String id,
            @Valid @RequestBody ArticleRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication caller) {
        Article article = commands.update(id, revision(ifMatch), request.toDraft(), Caller.of(caller));
        return ResponseEntity.ok().eTag(etag(article)).body(ArticleJson.of(article));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> unpublish(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication caller) {
        commands.unpublish(id, revision(ifMatch), Caller.of(caller));
        return ResponseEntity.noContent().build();
    }

    /** A legal takedown (editors only); answers 204 once the article is gone from the log's current state. */
    @PostMapping("/{id}/takedown")
    ResponseEntity<Void> takeDown(
            @PathVariable String id,
            @Valid @RequestBody(required = false) TakedownRequest request,
            Authentication caller) {
        commands.takeDown(id, request == null ? null : request.reason(), Caller.of(caller));
        return ResponseEntity.noContent().build();
    }

    static String etag(Article article) {
        return "\"" + article.revision() + "\"";
    }

    /** The revision an edit or unpublish was based on; both must say it, so that no change is overwritten. */
    private static long revision(String ifMatch) {
        if (ifMatch == null) {
            throw ApiProblem.status(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "If-Match required",
                    "Send If-Match: \"<revision>\" with the revision you saw, so that no change is overwritten.");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("If-Match", "must be the quoted revision number, such as \"3\"");
        }
    }
}
