package io.kabar.site.newsroom;

import io.kabar.site.SiteProperties;
import io.kabar.site.stories.Shelf;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The newsroom's door: signing in with a newsroom token (kept in a strict, HTTP-only cookie), signing out, and the
 * console's home page with the latest articles.
 */
@Controller
@RequestMapping("/newsroom")
class SessionController {

    static final String COOKIE = "kabar_newsroom";

    private final Shelf shelf;
    private final SiteProperties site;
    private final Clock clock;

    SessionController(Shelf shelf, SiteProperties site, Clock clock) {
        this.shelf = shelf;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping
    ModelAndView home(
            @CookieValue(name = COOKIE, required = false) String token, @RequestParam(required = false) String pesan) {
        Optional<Newsroomer> who = Newsroomer.of(token, clock.instant());
        if (who.isEmpty()) {
            return new ModelAndView("newsroom/signin");
        }
        return new ModelAndView("newsroom/home")
                .addObject("who", who.get())
                .addObject("message", pesan)
                .addObject("stories", shelf.latest(30));
    }

    @PostMapping("/masuk")
    ModelAndView signIn(@RequestParam(defaultValue = "") String token, HttpServletResponse response) {
        Optional<Newsroomer> who = Newsroomer.of(token, clock.instant());
        if (who.isEmpty()) {
            return new ModelAndView("newsroom/signin", HttpStatus.UNAUTHORIZED)
                    .addObject(
                            "error",
                            "Token tidak dikenali, sudah kedaluwarsa, atau tidak boleh menulis (articles:write).");
        }
        Duration validFor = Duration.between(clock.instant(), who.get().expires());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(who.get().token(), validFor));
        return new ModelAndView("redirect:/newsroom");
    }

    @PostMapping("/keluar")
    ModelAndView signOut(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO));
        return new ModelAndView("redirect:/newsroom");
    }

    private String cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .path("/newsroom")
                .httpOnly(true)
                .secure(site.secureCookies())
                .sameSite("Strict")
                .maxAge(maxAge)
                .build()
                .toString();
    }
}
