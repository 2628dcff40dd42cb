package io.kabar.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the operating system's packages ({@code chromium} and {@code chromium-driver} on Debian),
 * driven by Selenium WebDriver, with a profile of its own that is deleted on close.
 */
final class Browser implements AutoCloseable {

    private static final Path[] BROWSERS = {Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser")};
    private static final Path[] DRIVERS = {Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver")};

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether this machine has both Chromium and its driver; the browser tests are skipped without them. */
    static boolean installed() {
        return find(BROWSERS).isPresent() && find(DRIVERS).isPresent();
    }

    static Browser start() throws IOException {
        Path profile = Files.createTempDirectory("kabar-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(find(BROWSERS).orElseThrow().toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--lang=id-ID",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(find(DRIVERS).orElseThrow().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 1000));
        return new Browser(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves what the window shows, {@code height} pixels tall, as a PNG. */
    void screenshot(Path file, int height) throws IOException {
        driver.manage().window().setSize(new Dimension(1280, height));
        Files.createDirectories(file.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Optional<Path> find(Path[] candidates) {
        return Stream.of(candidates).filter(Files::isExecutable).findFirst();
    }
}
