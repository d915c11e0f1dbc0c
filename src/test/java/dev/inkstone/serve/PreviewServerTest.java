package dev.inkstone.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstone.build.BuildRequest;
import dev.inkstone.build.SiteBuild;
import dev.inkstone.build.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview server over real HTTP on a free port, with the real folder watcher. */
class PreviewServerTest {
  @TempDir Path dir;
  @TempDir Path outside;

  private final StringWriter log = new StringWriter();
  private PreviewServer server;
  private int port;

  static final String BLOG = """
      -- content/site.yaml --
      title: Preview blog
      baseUrl: https://example.org/
      language: en
      -- content/posts/hello.md --
      ---
      title: Hello
      date: 2024-03-01
      tags: [Kafka]
      ---
      First words.
      -- content/posts/draft.md --
      ---
      title: Unfinished
      date: 2024-03-05
      draft: true
      ---
      Not yet.
      -- content/pages/about.md --
      ---
      title: About
      ---
      About me.
      """;

  @BeforeEach
  void start() throws IOException {
    TestSite.write(dir, BLOG);
    byte[] video = new byte[1000];
    for (int i = 0; i < video.length; i++) {
      video[i] = (byte) i;
    }
    Files.createDirectories(dir.resolve("content/static/media"));
    Files.write(dir.resolve("content/static/media/clip.mp4"), video);
    server = PreviewServer.start(ServeOptions.of(dir).withClock(TestSite.CLOCK), new PrintWriter(log, true), new PrintWriter(log, true));
    port = server.port();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pages_are_served_as_utf8_html_with_the_live_reload_script_that_build_output_never_has() throws IOException {
    Http.Response home = Http.get(port, "/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(home.text()).contains("Preview blog").contains("<script src=\"/__inkstone/live.js\"></script>\n</body>");
    Http.Response script = Http.get(port, "/__inkstone/live.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.text()).contains("EventSource");

    Path out = outside.resolve("site");
    SiteBuild.run(new BuildRequest(dir, out, false, false, null, TestSite.CLOCK, false));
    assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("__inkstone");
  }

  @Test
  void drafts_are_shown_while_serving() {
    assertThat(Http.get(port, "/posts/draft/").status()).isEqualTo(200);
  }

  @Test
  void a_folder_url_serves_its_index_and_a_url_without_slash_redirects() {
    assertThat(Http.get(port, "/posts/hello/").text()).contains("First words.");
    assertThat(Http.get(port, "/posts/hello/index.html").status()).isEqualTo(200);
    Http.Response redirect = Http.get(port, "/posts/hello?x=1");
    assertThat(redirect.status()).isEqualTo(301);
    assertThat(redirect.header("Location")).isEqualTo("/posts/hello/?x=1");
  }

  @Test
  void an_unknown_url_gets_the_themes_404_page_with_status_404() {
    Http.Response r = Http.get(port, "/no/such/page/");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(r.text()).isEqualTo(new String(SiteHandler.inject(server.files().get("404.html").bytes()), StandardCharsets.UTF_8));
  }

  @Test
  void an_unchanged_page_answers_304_to_its_etag_and_to_its_date() {
    Http.Response first = Http.get(port, "/posts/hello/");
    String etag = first.header("ETag");
    assertThat(etag).startsWith("\"");
    assertThat(first.header("Last-Modified")).endsWith("GMT");
    Http.Response again = Http.get(port, "/posts/hello/", "If-None-Match: " + etag);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(Http.get(port, "/posts/hello/", "If-Modified-Since: " + first.header("Last-Modified")).status()).isEqualTo(304);
    assertThat(Http.get(port, "/posts/hello/", "If-None-Match: \"other\"").status()).isEqualTo(200);
  }

  @Test
  void head_answers_the_headers_without_a_body() {
    Http.Response get = Http.get(port, "/about/");
    Http.Response head = Http.request(port, "HEAD", "/about/");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.body().length));
    assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
    assertThat(Http.request(port, "POST", "/about/").status()).isEqualTo(405);
  }

  @Test
  void video_is_served_in_byte_ranges() {
    Http.Response whole = Http.get(port, "/media/clip.mp4");
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.header("Content-Type")).isEqualTo("video/mp4");
    assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(whole.body()).hasSize(1000);
    Http.Response part = Http.get(port, "/media/clip.mp4", "Range: bytes=10-19");
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.header("Content-Range")).isEqualTo("bytes 10-19/1000");
    assertThat(part.body()).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    Http.Response tail = Http.get(port, "/media/clip.mp4", "Range: bytes=-5");
    assertThat(tail.header("Content-Range")).isEqualTo("bytes 995-999/1000");
    assertThat(tail.body()).hasSize(5);
    Http.Response open = Http.get(port, "/media/clip.mp4", "Range: bytes=990-");
    assertThat(open.body()).hasSize(10);
    Http.Response beyond = Http.get(port, "/media/clip.mp4", "Range: bytes=5000-");
    assertThat(beyond.status()).isEqualTo(416);
    assertThat(beyond.header("Content-Range")).isEqualTo("bytes */1000");
  }

  @Test
  void paths_that_try_to_leave_the_site_get_404() throws IOException {
    Files.writeString(outside.resolve("secret.txt"), "secret");
    for (String attack : new String[] {"/../secret.txt", "/posts/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
        "/posts/..%2f..%2fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "//" + outside.resolve("secret.txt"), "/%00",
        "/content/site.yaml", "/C:/Windows/win.ini"}) {
      Http.Response r = Http.get(port, attack);
      assertThat(r.status()).as(attack).isIn(400, 404);
      assertThat(r.text()).as(attack).doesNotContain("secret").doesNotContain("baseUrl");
    }
  }

  @Test
  void a_symlink_that_leaves_the_blog_folder_gets_404() throws Exception {
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(dir.resolve("content/static/leak.txt"), outside.resolve("secret.txt"));
    Files.writeString(dir.resolve("content/static/fine.txt"), "fine");
    try (EventStream events = new EventStream(port)) {
      assertThat(events.next(10)).startsWith("build:");
    }
    assertThat(Http.get(port, "/fine.txt").text()).isEqualTo("fine");
    Http.Response leak = Http.get(port, "/leak.txt");
    assertThat(leak.status()).isEqualTo(404);
    assertThat(leak.text()).doesNotContain("secret");
    Files.delete(dir.resolve("content/static/leak.txt"));
  }

  @Test
  void saving_a_post_sends_a_build_event_naming_the_page_and_serves_the_new_text() throws Exception {
    try (EventStream events = new EventStream(port)) {
      Thread.sleep(100);
      Files.writeString(dir.resolve("content/posts/hello.md"), "---\ntitle: Hello\ndate: 2024-03-01\ntags: [Kafka]\n---\nNew words.\n");
      String e = events.next(10);
      assertThat(e).startsWith("build:").contains("\"/posts/hello/\"");
      assertThat(Http.get(port, "/posts/hello/").text()).contains("New words.");
    }
    assertThat(log.toString()).containsPattern("content/posts/hello.md changed: \\d+ pages? rendered, \\d+ changed, \\d+ ms");
  }

  @Test
  void a_stylesheet_change_is_announced_as_css_only() throws Exception {
    Files.createDirectories(dir.resolve("content/static/css"));
    try (EventStream events = new EventStream(port)) {
      // the new folder may set off a rebuild of its own, announced as changing nothing
      Files.writeString(dir.resolve("content/static/css/extra.css"), "body { color: red }");
      assertThat(events.nextNaming(10)).contains("\"css\":[\"/css/extra.css\"]").contains("\"pages\":[]");
      Files.writeString(dir.resolve("content/static/css/extra.css"), "body { color: blue }");
      assertThat(events.nextNaming(10)).contains("\"css\":[\"/css/extra.css\"]").contains("\"pages\":[]");
    }
    assertThat(Http.get(port, "/css/extra.css").text()).isEqualTo("body { color: blue }");
  }

  @Test
  void broken_front_matter_sends_the_problems_keeps_the_last_good_site_and_the_fix_clears_them() throws Exception {
    Path post = dir.resolve("content/posts/hello.md");
    try (EventStream events = new EventStream(port)) {
      Files.writeString(post, "---\ntitle: [Hello\ndate: 2024-03-01\n---\nBroken.\n");
      String problems = events.next(10);
      assertThat(problems).startsWith("problems:").contains("content/posts/hello.md:2");
      assertThat(Http.get(port, "/posts/hello/").text()).contains("First words.");
      try (EventStream late = new EventStream(port)) {
        assertThat(late.next(10)).isEqualTo(problems);
      }
      Files.writeString(post, "---\ntitle: Hello\ndate: 2024-03-01\n---\nFixed words.\n");
      assertThat(events.next(10)).startsWith("build:").contains("/posts/hello/");
      assertThat(Http.get(port, "/posts/hello/").text()).contains("Fixed words.");
    }
    assertThat(log.toString()).contains("content/posts/hello.md:2").contains("still serving the last good site");
  }

  @Test
  void a_template_syntax_error_is_reported_with_the_template_line_and_the_fix_clears_it() throws Exception {
    Path template = dir.resolve("themes/mine/templates/post.peb");
    try (EventStream events = new EventStream(port)) {
      Files.createDirectories(template.getParent());
      Files.writeString(dir.resolve("themes/mine/theme.yaml"), "name: mine\nextends: default\n");
      Files.writeString(template, "{% extends \"base\" %}\n{% block content %}\n{% if page.title %}\n{% endblock %}\n");
      Files.writeString(dir.resolve("content/site.yaml"), "title: Preview blog\nbaseUrl: https://example.org/\nlanguage: en\ntheme: mine\n");
      String e;
      do {
        e = events.next(10);
      } while (e != null && !e.startsWith("problems:"));
      assertThat(e).as(log.toString()).contains("themes/mine/templates/post.peb:");
      assertThat(Http.get(port, "/posts/hello/").text()).contains("First words.");
      Files.writeString(template, "{% extends \"base\" %}\n{% block content %}<p class=\"mine\">{{ page.content }}</p>{% endblock %}\n");
      do {
        e = events.next(10);
      } while (e != null && !e.startsWith("build:"));
      assertThat(e).isNotNull();
    }
    assertThat(Http.get(port, "/posts/hello/").text()).contains("<p class=\"mine\">");
  }

  @Test
  void a_post_in_a_folder_created_after_start_is_picked_up() throws Exception {
    try (EventStream events = new EventStream(port)) {
      Path folder = dir.resolve("content/posts/2025/deep");
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("late.md"), "---\ntitle: Late\ndate: 2025-01-01\n---\nLate words.\n");
      String e;
      do {
        e = events.next(10);
      } while (e != null && !e.contains("/posts/late/"));
      assertThat(e).isNotNull();
    }
    assertThat(Http.get(port, "/posts/late/").text()).contains("Late words.");
  }

  @Test
  void an_editor_save_through_a_temp_file_and_rename_makes_one_rebuild() throws Exception {
    Path post = dir.resolve("content/posts/hello.md");
    try (EventStream events = new EventStream(port)) {
      Thread.sleep(100);
      int before = server.builds();
      Path temp = dir.resolve("content/posts/.hello.md.tmp");
      Files.writeString(temp, "---\ntitle: Hello\ndate: 2024-03-01\n---\nRenamed in.\n");
      Files.move(temp, post, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      assertThat(events.next(10)).startsWith("build:");
      assertThat(events.next(1)).isNull();
      assertThat(server.builds()).isEqualTo(before + 1);
    }
    assertThat(Http.get(port, "/posts/hello/").text()).contains("Renamed in.");
  }

  @Test
  void a_taken_port_is_reported_without_a_stack_trace() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> PreviewServer.start(ServeOptions.of(dir).withPort(taken.getLocalPort()), new PrintWriter(log), new PrintWriter(log)))
          .isInstanceOf(PreviewServer.PortInUseException.class).hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
    }
  }

  @Test
  void the_server_listens_on_the_loopback_address_by_default() {
    assertThat(server.url()).startsWith("http://127.0.0.1:" + port + "/");
  }
}
