package uk.starred.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.Assume;
import org.junit.AssumptionViolatedException;
import org.junit.rules.ExternalResource;
import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven by ChromeDriver, both from the Debian packages {@code chromium} and
 * {@code chromium-driver}. Started before the tests (as a {@code @Rule} for a fresh browser per
 * test, or a {@code @ClassRule}) and quit after them.
 *
 * <p>Where either program is missing the tests are skipped with the reason, unless the environment
 * variable {@code CI} is set: then they fail, so that a build machine cannot pass without running them.
 * Put it outside the {@link DemoDistribution} in a {@code RuleChain} so that a skip comes before the
 * distribution is started for nothing.
 */
public class Chromium extends ExternalResource {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** A tablet held upright. */
    public static final Dimension TABLET = new Dimension(820, 1180);
    public static final Dimension LAPTOP = new Dimension(1280, 800);

    // one sequence for the whole test run, so the screenshots sort in the order they were taken
    private static final AtomicInteger SCREENSHOTS = new AtomicInteger();

    // Selenium warns when Debian's Chromium is newer than the DevTools bindings it ships; these
    // tests use WebDriver alone. Kept in fields: the logging framework holds loggers only weakly.
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final Logger CHROMIUM_DRIVER = Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        CHROMIUM_DRIVER.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unable to find version of CDP"));
    }

    private ChromeDriver driver;

    /**
     * A rule that saves a screenshot when a test fails, for a class that keeps one browser for all its
     * tests ({@code @ClassRule}) and wants a picture of each failure ({@code @Rule}). As a {@code @Rule}
     * this class does it by itself.
     */
    public TestRule screenshotOnFailure() {
        return (base, description) -> new Statement() {
            @Override
            public void evaluate() throws Throwable {
                try {
                    base.evaluate();
                } catch (AssumptionViolatedException skipped) {
                    throw skipped;
                } catch (Throwable failure) {
                    screenshotQuietly(failureName(description), failure);
                    throw failure;
                }
            }
        };
    }

    @Override
    public Statement apply(Statement base, Description description) {
        return super.apply(screenshotOnFailure().apply(base, description), description);
    }

    @Override
    protected void before() {
        requireInstalled();
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                // Chromium will not run as root with its sandbox, and build containers run as root
                "--no-sandbox",
                "--disable-gpu",
                // nothing but the server under test: no update, sync or field-trial traffic
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900");
        driver = new ChromeDriver(options);
    }

    @Override
    protected void after() {
        if (driver != null) {
            try {
                driver.quit();
            } finally {
                driver = null;
            }
        }
    }

    public ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("Chromium is not running: use this rule as a @Rule or @ClassRule");
        }
        return driver;
    }

    /** Sizes the page area (not the window) to a tablet held upright, 820 x 1180 CSS pixels. */
    public void setTabletViewport() {
        setViewport(TABLET);
    }

    /** Sizes the page area (not the window) to a laptop screen, 1280 x 800 CSS pixels. */
    public void setLaptopViewport() {
        setViewport(LAPTOP);
    }

    /**
     * Sizes the page area to exactly the given size: the window is sized first, then corrected by
     * whatever the browser keeps for itself, which differs between Chromium versions and modes.
     */
    public void setViewport(Dimension viewport) {
        driver().manage().window().setSize(viewport);
        Dimension inner = innerSize();
        if (!inner.equals(viewport)) {
            Dimension window = driver().manage().window().getSize();
            driver().manage().window().setSize(new Dimension(
                    window.getWidth() + viewport.getWidth() - inner.getWidth(),
                    window.getHeight() + viewport.getHeight() - inner.getHeight()));
        }
    }

    private Dimension innerSize() {
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) ((JavascriptExecutor) driver())
                .executeScript("return {width: window.innerWidth, height: window.innerHeight};");
        return new Dimension(size.get("width").intValue(), size.get("height").intValue());
    }

    /**
     * Saves what the browser shows now as {@code NNN-name.png} in the folder named by the system
     * property {@code starred.screenshots} ({@code target/screenshots} by default), and returns it.
     */
    public Path screenshot(String name) {
        byte[] png = driver().getScreenshotAs(OutputType.BYTES);
        Path file = screenshotFolder().resolve(String.format("%03d-%s.png", SCREENSHOTS.incrementAndGet(), safe(name)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return file;
    }

    /**
     * Saves the whole page, not just the part in view: the page area is stretched to the page's
     * height (at most 8000 pixels) for the picture and put back after.
     */
    public Path screenshotWholePage(String name) {
        Dimension before = innerSize();
        Number height = (Number) ((JavascriptExecutor) driver())
                .executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
        try {
            setViewport(new Dimension(before.getWidth(), Math.min(8000, Math.max(before.getHeight(), height.intValue()))));
            return screenshot(name);
        } finally {
            setViewport(before);
        }
    }

    private void screenshotQuietly(String name, Throwable failure) {
        if (driver == null) {
            return;
        }
        try {
            failure.addSuppressed(new ScreenshotTaken(screenshot(name)));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static String failureName(Description description) {
        String test = description.getTestClass() != null
                ? description.getTestClass().getSimpleName()
                : description.getClassName();
        return "failed-" + test + (description.getMethodName() != null ? "-" + description.getMethodName() : "");
    }

    /** Names the screenshot in the failure's report; it has no stack of its own worth printing. */
    static final class ScreenshotTaken extends Exception {
        private static final long serialVersionUID = 1L;

        ScreenshotTaken(Path file) {
            super("screenshot at the failure: " + file, null, false, false);
        }
    }

    static Path screenshotFolder() {
        String property = System.getProperty("starred.screenshots");
        return Path.of(property == null || property.isBlank() ? "target/screenshots" : property).toAbsolutePath();
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    /** Skips, or under CI fails, with what to install, when Chromium or ChromeDriver is missing. */
    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(BROWSER)) {
            missing.add(BROWSER.toString());
        }
        if (!Files.isExecutable(DRIVER)) {
            missing.add(DRIVER.toString());
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "The browser tests need Chromium and ChromeDriver: install the Debian packages chromium and"
                + " chromium-driver (apt-get install chromium chromium-driver). Missing: " + String.join(", ", missing);
        if (System.getenv("CI") != null) {
            throw new AssertionError(message + ". CI is set, so the browser tests are required.");
        }
        System.err.println("Browser tests skipped. " + message + ". Set CI to make them required.");
        Assume.assumeTrue(message, false);
    }
}
