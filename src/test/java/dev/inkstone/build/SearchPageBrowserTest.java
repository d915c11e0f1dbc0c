package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Types queries into the built search page in a real headless Chromium (Debian's, through its
 * chromedriver) and reads the results as a reader sees them. Skipped only where chromedriver is
 * not installed; CI installs it.
 */
class SearchPageBrowserTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dir;
  private static HttpServer server;
  private static ChromeDriver browser;
  private static String origin;

  @BeforeAll
  static void buildServeAndOpen() throws IOException {
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is not installed");
    TestSite site = TestSite.write(dir, SearchFixture.BLOG).buildOk();
    Path root = site.out();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      Path file = root.resolve(path.substring(1)).normalize();
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      String name = file.getFileName().toString();
      String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".js") ? "text/javascript"
          : name.endsWith(".json") ? "application/json" : name.endsWith(".css") ? "text/css" : "application/octet-stream";
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    origin = "http://127.0.0.1:" + server.getAddress().getPort();

    // Selenium Manager would download a driver; the explicit path and service keep it from trying.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run");
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  private List<WebElement> search(String query) {
    browser.get(origin + "/search/");
    WebElement input = browser.findElement(By.id("search-input"));
    input.sendKeys(query);
    input.sendKeys(Keys.ENTER);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(b -> {
      String status = b.findElement(By.id("search-status")).getText();
      return status.contains("找到") || status.contains("没有");
    });
    return browser.findElements(By.cssSelector("#search-results .search-result"));
  }

  private List<String> titles(String query) {
    return search(query).stream().map(r -> r.findElement(By.cssSelector(".search-result-title")).getText()).toList();
  }

  @Test
  void a_chinese_word_finds_the_post_about_it_first() {
    List<String> titles = titles("微服务");
    assertThat(titles).first().isEqualTo("微服务拆分实践");
    assertThat(titles).contains("服务网格入门").doesNotContain("Redis 缓存穿透");
  }

  @Test
  void two_chinese_words_find_the_post_with_both_first() {
    List<String> titles = titles("大模型 推理");
    assertThat(titles).first().isEqualTo("大模型推理加速笔记");
    assertThat(titles).doesNotContain("Kafka Consumer Groups Explained");
  }

  @Test
  void an_english_word_finds_the_post_titled_with_it_first_in_any_case() {
    assertThat(titles("Kafka")).containsExactly("Kafka Consumer Groups Explained", "Redis 缓存穿透");
    assertThat(titles("kafka")).first().isEqualTo("Kafka Consumer Groups Explained");
  }

  @Test
  void a_result_shows_its_date_and_a_snippet_with_the_query_marked() {
    WebElement first = search("显存").get(0);
    assertThat(first.findElement(By.tagName("time")).getText()).isEqualTo("2024-02-01");
    WebElement snippet = first.findElement(By.cssSelector(".search-result-snippet"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> !snippet.findElements(By.tagName("mark")).isEmpty());
    assertThat(snippet.getText()).contains("显存带宽");
    assertThat(snippet.findElements(By.tagName("mark")).get(0).getText()).isEqualTo("显存");
  }

  @Test
  void a_snippet_shows_a_formula_as_its_tex_without_delimiters() {
    WebElement first = search("命中率").get(0);
    WebElement snippet = first.findElement(By.cssSelector(".search-result-snippet"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> !snippet.findElements(By.tagName("mark")).isEmpty());
    assertThat(snippet.getText()).contains("设命中率为 h，平均延迟是").contains("\\bar{t} = h \\cdot t_c").doesNotContain("\\(", "\\[");
  }

  @Test
  void a_query_in_the_address_is_searched_on_arrival() {
    browser.get(origin + "/search/?q=JVM");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.findElement(By.id("search-status")).getText().contains("找到"));
    assertThat(browser.findElements(By.cssSelector(".search-result-title")).get(0).getText()).isEqualTo("Tuning the JVM garbage collector");
  }

  @Test
  void a_word_no_post_has_says_so() {
    assertThat(search("区块链")).isEmpty();
    assertThat(browser.findElement(By.id("search-status")).getText()).isEqualTo("没有找到相关文章。");
  }
}
