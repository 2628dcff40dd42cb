package io.kabar.site.newsroom;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newsroom's console for a signed-in newsroomer ({@link SessionController}): write, edit with the revision the
 * form was opened at (a 412 shows what changed and offers the merge), unpublish. Plain forms, no script.
 */
@Controller
@RequestMapping("/newsroom")
class NewsroomController {

    private static final String COOKIE = SessionController.COOKIE;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ArticleApi api;
    private final Clock clock;

    NewsroomController(ArticleApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/tulis")
    ModelAndView write(@CookieValue(name = COOKIE, required = false) String token) {
        return signedIn(token, who -> editor(who, ArticleForm.empty(), null, 0));
    }

    @PostMapping("/tulis")
    ModelAndView publish(
            @CookieValue(name = COOKIE, required = false) String token,
            @ModelAttribute ArticleForm form,
            @RequestParam String key) {
        return signedIn(token, who -> switch (api.publish(who, form, key)) {
            case ArticleApi.Saved saved -> saved(saved.id(), saved.revision());
            case ArticleApi.Invalid invalid ->
                invalid(editor(who, form, null, 0), invalid).addObject("key", key);
            case ArticleApi.Stale stale ->
                refused(who, form, null, 0, HttpStatus.PRECONDITION_FAILED.value(), "Konflik.");
            case ArticleApi.Refused refused ->
                refused(who, form, null, 0, refused.status(), refused.detail()).addObject("key", key);
        });
    }

    @GetMapping("/artikel/{id}")
    ModelAndView edit(
            @CookieValue(name = COOKIE, required = false) String token,
            @PathVariable String id,
            @RequestParam(required = false) Long disimpan) {
        return signedIn(
                token,
                who -> api.get(id)
                        .map(current -> editor(who, current.form(), current, current.revision())
                                .addObject(
                                        "message",
                                        disimpan == null ? null : "Tersimpan sebagai revisi " + disimpan + "."))
                        .orElseGet(() -> home("Artikel tidak ditemukan atau sudah ditarik.")));
    }

    @PostMapping("/artikel/{id}")
    ModelAndView replace(
            @CookieValue(name = COOKIE, required = false) String token,
            @PathVariable String id,
            @ModelAttribute ArticleForm form,
            @RequestParam long revision,
            @RequestParam String opened) {
        return signedIn(token, who -> {
            Optional<ArticleApi.Current> current = api.get(id);
            return switch (api.replace(who, id, revision, form)) {
                case ArticleApi.Saved saved -> saved(id, saved.revision());
                case ArticleApi.Invalid invalid ->
                    invalid(editor(who, form, current.orElse(null), revision), invalid)
                            .addObject("opened", opened);
                case ArticleApi.Stale stale ->
                    current.map(now -> conflict(who, form, opened, api.get(id).orElse(now)))
                            .orElseGet(() -> refused(who, form, null, revision, 404, "Artikel sudah ditarik."));
                case ArticleApi.Refused refused ->
                    refused(who, form, current.orElse(null), revision, refused.status(), refused.detail());
            };
        });
    }

    @PostMapping("/artikel/{id}/tarik")
    ModelAndView unpublish(
            @CookieValue(name = COOKIE, required = false) String token,
            @PathVariable String id,
            @RequestParam long revision) {
        return signedIn(token, who -> switch (api.unpublish(who, id, revision)) {
            case ArticleApi.Saved saved -> home("Artikel ditarik.");
            case ArticleApi.Stale stale -> home("Artikel berubah sejak dibuka; buka lagi dan periksa sebelum menarik.");
            case ArticleApi.Invalid invalid -> home(invalid.detail());
            case ArticleApi.Refused refused -> home("Ditolak (" + refused.status() + "): " + refused.detail());
        });
    }

    /** 412: the newest revision with the editor's changes reapplied, and what the other writer changed. */
    private ModelAndView conflict(Newsroomer who, ArticleForm mine, String opened, ArticleApi.Current current) {
        Conflict conflict = Conflict.of(ArticleForm.fromValues(values(opened)), mine, current.form());
        ModelAndView page = editor(who, conflict.merged(), current, current.revision())
                .addObject("opened", openedJson(current.form()))
                .addObject("conflict", conflict);
        page.setStatus(HttpStatus.PRECONDITION_FAILED);
        return page;
    }

    private ModelAndView editor(Newsroomer who, ArticleForm form, ArticleApi.Current article, long revision) {
        return new ModelAndView("newsroom/edit")
                .addObject("who", who)
                .addObject("form", form)
                .addObject("article", article)
                .addObject("revision", revision)
                .addObject("opened", openedJson(form))
                .addObject("key", UUID.randomUUID().toString())
                .addObject("errors", Map.of())
                .addObject("labels", ArticleForm.LABELS);
    }

    private ModelAndView refused(
            Newsroomer who, ArticleForm form, ArticleApi.Current article, long revision, int status, String detail) {
        ModelAndView page =
                editor(who, form, article, revision).addObject("problem", "Ditolak (" + status + "): " + detail);
        page.setStatus(HttpStatus.valueOf(status));
        return page;
    }

    /** A 400 from the API: its detail on top, each field's reason next to the field. */
    private static ModelAndView invalid(ModelAndView page, ArticleApi.Invalid invalid) {
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page.addObject("problem", invalid.detail()).addObject("errors", invalid.fields());
    }

    private ModelAndView signedIn(String token, Function<Newsroomer, ModelAndView> page) {
        return Newsroomer.of(token, clock.instant()).map(page).orElseGet(() -> new ModelAndView("redirect:/newsroom"));
    }

    private static String openedJson(ArticleForm form) {
        return JSON.writeValueAsString(form.values());
    }

    private static Map<String, String> values(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    }

    /** After a write, the browser goes to the article's page (post/redirect/get), so a reload never writes twice. */
    private static ModelAndView saved(String id, long revision) {
        return new ModelAndView("redirect:/newsroom/artikel/" + id + "?disimpan=" + revision);
    }

    private static ModelAndView home(String message) {
        return new ModelAndView("redirect:"
                + UriComponentsBuilder.fromPath("/newsroom")
                        .queryParam("pesan", message)
                        .encode()
                        .build()
                        .toUriString());
    }
}
