package io.kabar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.testing.Http;
import io.kabar.testing.KafkaBroker;
import io.kabar.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The site in a real browser (headless Chromium) against the whole stack, every service its own jar in its own JVM:
 * reading, "Baca Juga", the live breaking banner, page views feeding "Terpopuler", and the newsroom console.
 * Writes the README's screenshots to {@code docs/screenshots/}. Skipped where Chromium is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteBrowserIT {

    private static final Duration SETTLED = Duration.ofSeconds(90);
    private static final Path ROOT = Path.of(System.getProperty("kabar.root", ".."));
    private static final Path SCREENSHOTS = ROOT.resolve("docs").resolve("screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, String> ids = new HashMap<>();
    private Http articles;
    private Http related;
    private String site;
    private Browser browser;
    private ChromeDriver driver;
    private KafkaBroker broker;

    @BeforeAll
    void startTheStackAndTheBrowser() throws IOException {
        Assumptions.assumeTrue(Browser.installed(), "Chromium and chromium-driver are not installed");
        // A broker of its own: the seed and demo stories published here would otherwise sit in the shared log beside
        // WholeStackIT's copies of them, and its related lists could link either copy.
        broker = KafkaBroker.start(6);
        String brokers = broker.bootstrapServers();
        int sitePort = ServiceProcess.freePort();
        site = "http://127.0.0.1:" + sitePort;
        ServiceProcess article = start("article-service", brokers, "--kabar.articles.base-url=" + site);
        ServiceProcess links = start("related-links-service", brokers);
        ServiceProcess alerts = start("notification-service", brokers, "--kabar.web.allowed-origins=" + site);
        ServiceProcess views = start("trending-service", brokers, "--kabar.web.allowed-origins=" + site);
        ServiceProcess pages = ServiceProcess.startOn(
                sitePort,
                "site",
                brokers,
                "--kabar.site.base-url=" + site,
                "--kabar.site.articles-api=http://127.0.0.1:" + article.port(),
                "--kabar.site.alert-stream=http://127.0.0.1:" + alerts.port() + "/api/alerts/stream",
                "--kabar.site.page-views=http://127.0.0.1:" + views.port() + "/api/page-views");
        services.add(pages);
        // Five JVMs start at once on two cores: generous, since a loaded CI machine is slow, not broken.
        services.forEach(s -> s.awaitReady(Duration.ofMinutes(10)));
        articles = new Http(article.port());
        related = new Http(links.port());
        browser = Browser.start();
        driver = browser.driver();
    }

    /** On a failure, keeps what the browser showed in target/e2e-logs, since a browser test's assertion says little. */
    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (driver != null) {
                try {
                    Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
                    String name = context.getRequiredTestMethod().getName();
                    Files.writeString(logs.resolve(name + ".html"), driver.getPageSource());
                    browser.screenshot(logs.resolve(name + ".png"), 1200);
                } catch (IOException | RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
        }
    };

    @AfterAll
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        for (ServiceProcess service : services) {
            service.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void theSeedStoryWrittenInTheConsoleReadsAsAnArticlePageWhoseBacaJugaLinkLeadsToARelatedStory() throws IOException {
        for (String name : List.of(
                "01-rusia-korut-kerja-sama-militer",
                "02-kim-jong-un-kereta-vladivostok",
                "03-korsel-as-latihan-gabungan",
                "04-ihsg-dibuka-menguat",
                "05-timnas-u23-kualifikasi")) {
            ids.put(name, Examples.publish(articles, Path.of("demo", name + ".json")));
        }
        signIn(TestTokens.editor());
        String seed = write(example("seed-article.json"), false);
        ids.put("seed", seed);
        String path = driver.findElement(By.id("reader-link")).getDomAttribute("href");
        await().atMost(SETTLED)
                .until(() -> related.get("/api/articles/" + seed + "/related")
                        .status()
                        .is2xxSuccessful());

        driver.get(site + path);
        await().atMost(SETTLED).ignoreExceptions().until(() -> {
            driver.navigate().refresh();
            return driver.findElements(By.cssSelector(".read-also a")).size() >= 3;
        });
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .startsWith("Pertemuan Vladimir Putin dan Kim Jong-Un");
        assertThat(driver.findElement(By.cssSelector(".meta time")).getText())
                .matches("(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \\d{1,2} \\p{L}+ \\d{4} \\d{2}:\\d{2} WIB");
        assertThat(driver.findElement(By.cssSelector("link[rel=canonical]")).getDomAttribute("href"))
                .isEqualTo(site + path);
        assertThat(driver.findElements(By.cssSelector(".tags a")))
                .extracting(WebElement::getText)
                .contains("Rusia");
        browser.screenshot(SCREENSHOTS.resolve("article.png"), 1800);

        WebElement readAlso = driver.findElement(By.cssSelector(".read-also a"));
        String title = readAlso.getText();
        readAlso.click();
        await().atMost(SETTLED)
                .until(() -> driver.findElement(By.tagName("h1")).getText().equals(title));
    }

    @Test
    @Order(2)
    void aBreakingStoryAnEditorPublishesAppearsAsABannerOnAnOpenReaderPageThatFollowsItsCorrectionAndWithdrawal()
            throws IOException {
        String reader = driver.getWindowHandle();
        driver.get(site + "/");
        await().atMost(SETTLED)
                .until(() ->
                        "open".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-live")));
        assertThat(driver.findElement(By.id("breaking")).isDisplayed()).isFalse();

        WebDriver console = driver.switchTo().newWindow(WindowType.WINDOW);
        console.get(site + "/newsroom/tulis");
        ids.put("breaking", write(example("demo/06-putin-satelit-korut.json"), true));
        console.close();

        driver.switchTo().window(reader);
        await().atMost(SETTLED)
                .until(() -> driver.findElement(By.id("breaking")).isDisplayed());
        assertThat(driver.findElement(By.cssSelector("#breaking a")).getText()).contains("Putin");

        // The newsroom corrects the headline: the banner shows the correction (alert.updated).
        WebDriver editor = driver.switchTo().newWindow(WindowType.WINDOW);
        editor.get(site + "/newsroom/artikel/" + ids.get("breaking"));
        replace(editor.findElement(By.id("title")), "Koreksi: Putin isyaratkan bantuan program satelit Korea Utara");
        editor.findElement(By.id("save")).click();
        await().atMost(SETTLED)
                .until(() -> editor.findElements(By.cssSelector(".notice")).size() == 1);
        editor.close();
        driver.switchTo().window(reader);
        await().atMost(SETTLED)
                .until(() -> driver.findElement(By.cssSelector("#breaking a"))
                        .getText()
                        .startsWith("Koreksi: Putin"));

        // Unpublished: the banner goes away (alert.retracted).
        assertThat(articles.bearer(TestTokens.editor())
                        .delete("/api/articles/" + ids.get("breaking"), h -> h.setIfMatch("\"2\""))
                        .status()
                        .is2xxSuccessful())
                .isTrue();
        await().atMost(SETTLED)
                .until(() -> !driver.findElement(By.id("breaking")).isDisplayed());
    }

    @Test
    @Order(3)
    void aReadersViewOfAnArticleCountsInTerpopuler() throws IOException {
        String stocks = articles.get("/api/articles/" + ids.get("04-ihsg-dibuka-menguat"))
                .get("slug")
                .toString();
        driver.get(site + "/" + stocks);
        await().atMost(SETTLED).ignoreExceptions().until(() -> {
            driver.get(site + "/");
            return driver.findElements(By.cssSelector("section[aria-labelledby=populer1] a")).stream()
                    .anyMatch(a -> ("/" + stocks).equals(a.getDomAttribute("href")));
        });
        browser.screenshot(SCREENSHOTS.resolve("front.png"), 1400);
    }

    @Test
    @Order(4)
    void twoEditorsSavingTheSameRevisionGetA412AndTheSecondReappliesTheirChangeOnTheNewest() throws IOException {
        String id = ids.get("05-timnas-u23-kualifikasi");
        String first = driver.getWindowHandle();
        driver.get(site + "/newsroom/artikel/" + id);
        WebDriver second = driver.switchTo().newWindow(WindowType.WINDOW);
        second.get(site + "/newsroom/artikel/" + id);
        replace(second.findElement(By.id("title")), "Timnas U-23 lolos ke putaran final Piala Asia");
        second.findElement(By.id("save")).click();
        await().atMost(SETTLED)
                .until(() -> second.findElements(By.cssSelector(".notice")).size() == 1);
        second.close();

        driver.switchTo().window(first);
        replace(driver.findElement(By.id("summary")), "Ringkasan dari editor pertama.");
        driver.findElement(By.id("save")).click();
        // A click returns once the browser has the event, which may be before the answer's page is shown.
        await().atMost(SETTLED)
                .until(() -> !driver.findElements(By.id("conflict")).isEmpty());
        WebElement conflict = driver.findElement(By.id("conflict"));
        assertThat(conflict.getText()).contains("Judul", "Timnas U-23 lolos ke putaran final Piala Asia");
        assertThat(driver.findElement(By.id("title")).getDomProperty("value"))
                .isEqualTo("Timnas U-23 lolos ke putaran final Piala Asia");
        browser.screenshot(SCREENSHOTS.resolve("newsroom-conflict.png"), 1200);
        driver.findElement(By.id("save")).click();
        await().atMost(SETTLED)
                .ignoreExceptions()
                .until(() ->
                        driver.findElement(By.cssSelector(".notice")).getText().contains("revisi 3"));

        Http.Answer saved = articles.get("/api/articles/" + id);
        assertThat(saved.get("title")).isEqualTo("Timnas U-23 lolos ke putaran final Piala Asia");
        assertThat(saved.get("summary")).isEqualTo("Ringkasan dari editor pertama.");
        driver.get(site + "/newsroom");
        browser.screenshot(SCREENSHOTS.resolve("newsroom.png"), 900);
    }

    @Test
    @Order(5)
    void theConsoleEditsPinsExclusionAndStoryPackageAndKeepsThemWhenAnotherFieldIsSaved() {
        String seed = ids.get("seed");
        List<String> pins =
                List.of(ids.get("03-korsel-as-latihan-gabungan"), ids.get("02-kim-jong-un-kereta-vladivostok"));
        driver.get(site + "/newsroom/artikel/" + seed);
        replace(driver.findElement(By.id("relatedPins")), String.join(", ", pins));
        replace(driver.findElement(By.id("storyPackage")), "putin-kim-2023");
        driver.findElement(By.id("excludeFromRelated")).click();
        saveAsNextRevision();

        // Saved again with only the headline changed: the console sends the controls it shows, so none is cleared.
        replace(driver.findElement(By.id("title")), "Pertemuan Vladimir Putin dan Kim Jong-Un di Kosmodrom Vostochny");
        saveAsNextRevision();
        assertThat(driver.findElement(By.id("relatedPins")).getDomProperty("value"))
                .isEqualTo(String.join(", ", pins));
        assertThat(driver.findElement(By.id("excludeFromRelated")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("storyPackage")).getDomProperty("value"))
                .isEqualTo("putin-kim-2023");

        Http.Answer saved = articles.get("/api/articles/" + seed);
        assertThat(saved.get("relatedPins")).isEqualTo(pins);
        assertThat(saved.get("excludeFromRelated")).isEqualTo(true);
        assertThat(saved.get("storyPackage")).isEqualTo("putin-kim-2023");
        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(related.get("/api/articles/" + seed + "/related")
                                .pluck("links", "articleId"))
                        .startsWith(pins.toArray()));
    }

    /** Saves the open edit form and waits for the console to show the revision after the one it was opened at. */
    private void saveAsNextRevision() {
        long opened = Long.parseLong(driver.findElement(By.id("revision")).getText());
        driver.findElement(By.id("save")).click();
        await().atMost(SETTLED)
                .ignoreExceptions()
                .until(() -> driver.findElements(By.cssSelector(".notice")).size() == 1
                        && Long.parseLong(driver.findElement(By.id("revision")).getText()) == opened + 1);
    }

    private ServiceProcess start(String module, String brokers, String... arguments) throws IOException {
        ServiceProcess service = ServiceProcess.start(module, brokers, arguments);
        services.add(service);
        return service;
    }

    private void signIn(String token) {
        driver.get(site + "/newsroom");
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("sign-in")).click();
        await().atMost(SETTLED)
                .ignoreExceptions()
                .until(() -> driver.findElement(By.id("write")).isDisplayed());
    }

    /** Fills the console's new-article form with an example, publishes it and answers the new article's id. */
    private String write(Map<String, Object> example, boolean breaking) {
        if (!driver.getCurrentUrl().endsWith("/newsroom/tulis")) {
            driver.get(site + "/newsroom/tulis");
        }
        for (String field : List.of("title", "body", "category", "author", "editor", "source")) {
            replace(driver.findElement(By.id(field)), String.valueOf(example.getOrDefault(field, "")));
        }
        replace(driver.findElement(By.id("tags")), String.join(", ", (List<String>) example.get("tags")));
        if (breaking) {
            driver.findElement(By.id("breaking-flag")).click();
        }
        driver.findElement(By.id("save")).click();
        await().atMost(SETTLED).until(() -> driver.getCurrentUrl().contains("/newsroom/artikel/"));
        String url = driver.getCurrentUrl();
        return url.substring(url.indexOf("/newsroom/artikel/") + "/newsroom/artikel/".length(), url.indexOf('?'));
    }

    /** Sets a field's text at once (typing 5 KB key by key would only measure the driver). */
    private void replace(WebElement field, String text) {
        driver.executeScript("arguments[0].value = arguments[1];", field, text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> example(String name) throws IOException {
        return JSON.readValue(Files.readString(ROOT.resolve("examples").resolve(name)), Map.class);
    }
}
