package dev.inkstone.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.bench.CorpusGenerator;
import dev.inkstone.build.Home;
import dev.inkstone.build.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save on a blog big enough for the quick look at an edited post, over real HTTP with the real
 * folder watcher: the post's own page is served and announced before the pages that list it.
 */
class BigBlogSaveTest {
  @TempDir Path dir;

  @Test
  void the_saved_post_is_announced_alone_and_served_new_before_the_lists_that_show_it() throws Exception {
    CorpusGenerator.write(dir, 320, CorpusGenerator.DEFAULT_SEED);
    Path post;
    try (Stream<Path> s = Files.walk(dir.resolve("content/posts"))) {
      post = s.filter(p -> p.toString().endsWith(".md")).sorted().reduce((a, b) -> b).orElseThrow();
    }
    String original = Files.readString(post);
    Matcher title = Pattern.compile("(?m)^title: \"(.*)\"$").matcher(original);
    assertThat(title.find()).isTrue();
    int bodyStarts = original.indexOf("\n---\n", 4) + 5;
    StringWriter log = new StringWriter();
    try (PreviewServer server = PreviewServer.start(ServeOptions.of(dir).withClock(TestSite.CLOCK), new PrintWriter(log, true),
        new PrintWriter(log, true)); EventStream events = new EventStream(server.port())) {
      Thread.sleep(100);
      // at the top, so that the post's summary on the lists changes too
      Files.writeString(post, original.substring(0, bodyStarts) + "\nA sentence written in the preview.\n" + original.substring(bodyStarts));

      String first = events.nextNaming(20);
      Matcher named = Pattern.compile("^build: \\{\"all\":false,\"pages\":\\[\"([^\"]+)\"\\],\"css\":\\[\\]\\}$").matcher(first);
      assertThat(named.matches()).as(first).isTrue();
      String page = Http.get(server.port(), named.group(1)).text();
      assertThat(page).contains(title.group(1)).contains("A sentence written in the preview.");

      String second = events.nextNaming(20);
      assertThat(second).startsWith("build:").contains("\"/\"").doesNotContain("\"" + named.group(1) + "\"");
      assertThat(Http.get(server.port(), "/").text()).contains("A sentence written in the preview.");
    }
    assertThat(log.toString()).containsPattern("changed: \\d+ pages? rendered, \\d+ changed, \\d+ ms");
  }

  @Test
  void a_rebuild_that_fails_after_the_post_was_shown_puts_the_last_good_page_back() throws Exception {
    CorpusGenerator.write(dir, 320, CorpusGenerator.DEFAULT_SEED);
    // a theme whose post cards (on the lists, not on a post's page) fail on a title under 4 characters
    Files.writeString(dir.resolve("content/site.yaml"), Files.readString(dir.resolve("content/site.yaml")) + "theme: mine\n");
    Files.createDirectories(dir.resolve("themes/mine/templates/partials"));
    Files.writeString(dir.resolve("themes/mine/theme.yaml"), "name: mine\nextends: default\n");
    Files.writeString(dir.resolve("themes/mine/templates/partials/post-card.peb"),
        Files.readString(Home.themes().resolve("default/templates/partials/post-card.peb")).replace("{{ card.title }}", "{{ card.title | slice(0, 4) }}"));
    Path post;
    try (Stream<Path> s = Files.walk(dir.resolve("content/posts"))) {
      post = s.filter(p -> p.toString().endsWith(".md")).sorted().reduce((a, b) -> b).orElseThrow();
    }
    String original = Files.readString(post);
    StringWriter log = new StringWriter();
    try (PreviewServer server = PreviewServer.start(ServeOptions.of(dir).withClock(TestSite.CLOCK), new PrintWriter(log, true),
        new PrintWriter(log, true)); EventStream events = new EventStream(server.port())) {
      Thread.sleep(100);
      Files.writeString(post, original.replaceFirst("(?m)^title: .*$", "title: \"Hi\""));

      String first = events.nextNaming(20);
      Matcher named = Pattern.compile("^build: \\{\"all\":false,\"pages\":\\[\"([^\"]+)\"\\],\"css\":\\[\\]\\}$").matcher(first);
      assertThat(named.matches()).as(first).isTrue();
      assertThat(events.nextNaming(20)).startsWith("problems:").contains("post-card.peb:4");
      assertThat(Http.get(server.port(), named.group(1)).text()).doesNotContain("<title>Hi").contains(titleOf(original));
    }
  }

  private static String titleOf(String post) {
    Matcher title = Pattern.compile("(?m)^title: \"(.*)\"$").matcher(post);
    assertThat(title.find()).isTrue();
    return title.group(1);
  }
}
