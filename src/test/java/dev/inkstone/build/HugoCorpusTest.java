package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.inkstone.diagnostic.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Hugo blog (260 posts, TOML front matter, five date formats, a series taxonomy, YouTube
 * shortcodes), read where it lies in the shared corpora; skipped when that folder is absent. The
 * corpus is never copied into the project.
 */
class HugoCorpusTest {
  static final Path CORPUS = Path.of("/work/shared/corpora/hugo-en-gopheracademy");
  private static final Pattern REFRESH = Pattern.compile("<meta http-equiv=\"refresh\" content=\"0; url=([^\"]+)\">");

  @Test
  void the_gopheracademy_blog_builds_in_place_with_every_post_and_every_old_url_redirecting(@TempDir Path out) throws IOException {
    assumeTrue(Files.isDirectory(CORPUS.resolve("content")), "the shared corpus is not on this machine");
    BuildResult r = SiteBuild.run(BuildRequest.of(CORPUS, out).withClock(TestSite.CLOCK));

    assertThat(r.problems()).isEmpty();
    // Every Markdown file is a post, but one: birthday-bash-2014/readme.md is empty, left out with a warning.
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(CORPUS.resolve("content"))) {
      sources = walk.filter(p -> p.toString().endsWith(".md")).toList();
    }
    long nonEmpty = sources.stream().filter(p -> size(p) > 0).count();
    assertThat(r.posts()).isEqualTo((int) nonEmpty).isEqualTo(sources.size() - 1);
    assertThat(r.warnings()).extracting(Problem::format).containsExactly(
        "content/birthday-bash-2014/readme.md: left out: the file is empty\n    hint: delete it, or give it front matter and text");

    // The malformed 2016-12-17T0:00:00-08:00 is read leniently: an hour of one digit is still unambiguous.
    assertThat(Files.readString(out.resolve("posts/go-syntax-for-dsls/index.html"))).contains("2016-12-17");
    // the old Hugo URL /advent-2016/go-syntax-for-dsls/ redirects to the post
    assertThat(Files.readString(out.resolve("advent-2016/go-syntax-for-dsls/index.html"))).contains("url=/posts/go-syntax-for-dsls/");
    assertThat(Files.isRegularFile(out.resolve("series/advent-2016/index.html"))).isTrue();
    assertThat(Files.readString(out.resolve("posts/gpio-and-go/index.html"))).contains("youtube-nocookie.com/embed/CQfmi4CRcDk");

    List<String> dead = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path html : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = REFRESH.matcher(Files.readString(html, StandardCharsets.UTF_8));
        if (m.find()) {
          String target = java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8).substring(1);
          if (!Files.isRegularFile(out.resolve(target).resolve("index.html")) && !Files.isRegularFile(out.resolve(target))) {
            dead.add(out.relativize(html) + " → " + m.group(1));
          }
        }
      }
    }
    assertThat(dead).isEmpty();
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
