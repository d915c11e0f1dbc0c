package dev.inkstone.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.inkstone.build.TestSite;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Live reload in a real headless browser: Debian's chromium driven through Debian's
 * chromedriver (given explicitly, so Selenium downloads nothing). `.ci/run` installs both.
 */
class BrowserLiveReloadTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;
  private PreviewServer server;
  private WebDriver browser;
  private ChromeDriverService service;

  @BeforeEach
  void start() {
    assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
    TestSite.write(dir, PreviewServerTest.BLOG);
    StringWriter log = new StringWriter();
    server = PreviewServer.start(ServeOptions.of(dir).withClock(TestSite.CLOCK), new PrintWriter(log, true), new PrintWriter(log, true));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run");
    service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (server != null) {
      server.close();
    }
  }

  private WebDriverWait waiting() {
    // a page that reloads meanwhile leaves stale elements behind: ask again
    return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(50))
        .ignoring(StaleElementReferenceException.class);
  }

  private void waitForLiveReload() {
    waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.__inkstoneLive === true")));
    // the event stream is open once the server counts it
    waiting().until(d -> server.liveClients() >= 1);
  }

  @Test
  void an_edit_shows_in_every_open_tab_a_broken_file_shows_an_overlay_and_the_fix_removes_it() throws Exception {
    String url = server.url() + "posts/hello/";
    browser.get(url);
    String first = browser.getWindowHandle();
    browser.switchTo().newWindow(WindowType.TAB);
    browser.get(url);
    String second = browser.getWindowHandle();
    waiting().until(d -> server.liveClients() >= 2);
    assertThat(browser.findElement(By.tagName("article")).getText()).contains("First words.");

    Path post = dir.resolve("content/posts/hello.md");
    Files.writeString(post, "---\ntitle: Hello\ndate: 2024-03-01\ntags: [Kafka]\n---\nWords written while the page was open.\n");
    for (String tab : List.of(second, first)) {
      browser.switchTo().window(tab);
      waiting().until(d -> d.findElement(By.tagName("article")).getText().contains("Words written while the page was open."));
    }

    waitForLiveReload();
    Files.writeString(post, "---\ntitle: [Hello\ndate: 2024-03-01\n---\nBroken.\n");
    waiting().until(d -> !d.findElements(By.id("inkstone-overlay")).isEmpty());
    String overlay = browser.findElement(By.id("inkstone-overlay")).getText();
    assertThat(overlay).contains("content/posts/hello.md:2").contains("did not build");
    assertThat(browser.findElement(By.tagName("article")).getText()).contains("Words written while the page was open.");

    Files.writeString(post, "---\ntitle: Hello\ndate: 2024-03-01\n---\nFixed for good.\n");
    waiting().until(d -> d.findElements(By.id("inkstone-overlay")).isEmpty()
        && d.findElement(By.tagName("article")).getText().contains("Fixed for good."));
  }

  @Test
  void a_stylesheet_edit_swaps_the_stylesheet_without_reloading_the_page() throws Exception {
    server.close();
    TestSite.write(dir, """
        -- content/site.yaml --
        title: Preview blog
        baseUrl: https://example.org/
        language: en
        theme: mine
        -- themes/mine/theme.yaml --
        name: mine
        extends: default
        -- themes/mine/static/css/style.css --
        body { background: rgb(250, 250, 250); }
        """);
    server = PreviewServer.start(ServeOptions.of(dir).withClock(TestSite.CLOCK), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    browser.get(server.url() + "about/");
    waitForLiveReload();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    assertThat(js.executeScript("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(250, 250, 250)");
    js.executeScript("window.stillTheSamePage = 42;");
    Files.writeString(dir.resolve("themes/mine/static/css/style.css"), "body { background: rgb(1, 2, 3); }");
    waiting().until(d -> "rgb(1, 2, 3)".equals(js.executeScript("return getComputedStyle(document.body).backgroundColor")));
    assertThat(js.executeScript("return window.stillTheSamePage")).isEqualTo(42L);
  }
}
