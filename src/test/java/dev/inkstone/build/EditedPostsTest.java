package dev.inkstone.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.bench.CorpusGenerator;
import dev.inkstone.output.Output;
import dev.inkstone.site.AssembleOptions;
import dev.inkstone.source.BlogFolder;
import dev.inkstone.source.SourceSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server's quick look at a saved post, on a blog big enough for it: the page shown
 * before the rebuild is the page the rebuild ends with, and the rebuild after it gives what a
 * full build gives.
 */
class EditedPostsTest {
  @TempDir Path dir;
  @TempDir Path full;

  private final BuildCache cache = new BuildCache();
  /** What each rebuild handed over early, one list per hand-over. */
  private final List<List<Output>> shown = new ArrayList<>();
  private Path root;
  private Path post;
  private String original;
  /** The output file of the edited post's page. */
  private String pageFile;

  @BeforeEach
  void aBigBlogBuiltOnce() throws IOException {
    CorpusGenerator.write(dir, EditedPosts.FROM_POSTS + 20, CorpusGenerator.DEFAULT_SEED);
    root = dir.toAbsolutePath().normalize();
    try (Stream<Path> s = Files.walk(root.resolve("content/posts"))) {
      post = s.filter(p -> p.toString().endsWith(".md")).sorted().reduce((a, b) -> b).orElseThrow();
    }
    original = Files.readString(post);
    assertThat(rebuild().ok()).isTrue();
    pageFile = cache.assembly.post(cache.parsed.get(root.relativize(post).toString().replace('\\', '/'))).file();
    shown.clear();
  }

  private BuildRequest request() {
    return new BuildRequest(root, null, true, false, null, TestSite.CLOCK, true);
  }

  private BuildResult rebuild(Path... changed) {
    return SiteBuild.rebuild(request(), cache, List.of(changed), pages -> shown.add(pages));
  }

  /** The quick look alone, after the load stage read the saved post again, as a rebuild takes it. */
  private List<Output> quickLook() {
    SourceSet loaded = BlogFolder.reload(cache.sources, List.of(post));
    return EditedPosts.render(cache, loaded, List.of(post), cache.config, cache.engine,
        new AssembleOptions(true, false, TestSite.CLOCK.instant(), Map.of()), cache.markdown, new ArrayList<>());
  }

  private Output served(String path) {
    return cache.outputs().stream().filter(o -> o.path().equals(path)).findFirst().orElseThrow();
  }

  private static String text(Output o) {
    return new String(o.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void a_new_paragraph_is_shown_before_the_rebuild_as_the_rebuild_ends_with_it() throws IOException {
    Files.writeString(post, original + "\nA paragraph about flamegraphs, written just now.\n");
    List<Output> quick = quickLook();

    assertThat(quick).hasSize(1);
    assertThat(quick.get(0).path()).isEqualTo(pageFile);
    assertThat(text(quick.get(0))).contains("A paragraph about flamegraphs, written just now.");

    assertThat(SiteBuild.rebuild(request(), cache, List.of(post)).ok()).isTrue();
    assertThat(text(served(quick.get(0).path()))).isEqualTo(text(quick.get(0)));
    // once saves pause, the lists, feeds and search that show the new text too
    assertThat(SiteBuild.refresh(request(), cache).ok()).isTrue();
    assertSameAsFullBuild();
  }

  @Test
  void a_rebuild_hands_the_edited_page_over_first_and_each_save_in_a_row_gives_a_full_builds_site() throws IOException {
    for (int i = 1; i <= 3; i++) {
      shown.clear();
      Files.writeString(post, original + "\nEdit number " + i + " of the same post.\n");
      assertThat(rebuild(post).ok()).isTrue();

      assertThat(shown).isNotEmpty();
      Output first = shown.get(0).get(0);
      assertThat(shown.get(0)).hasSize(1);
      assertThat(first.path()).isEqualTo(pageFile);
      assertThat(text(first)).contains("Edit number " + i + " of the same post.");
      assertThat(text(served(first.path()))).isEqualTo(text(first));
      // a build that waited for nothing: every page, the lists and feeds that show the post included
      assertThat(SiteBuild.refresh(request(), cache).ok()).isTrue();
      assertSameAsFullBuild();
    }
  }

  @Test
  void a_new_title_waits_for_the_rebuild_to_place_the_post_and_is_then_handed_over_before_the_lists() throws IOException {
    String retitled = original.replaceFirst("(?m)^title: .*$", "title: \"A title written anew\"");
    Files.writeString(post, retitled);
    List<Output> quick = quickLook();
    assertThat(quick).isEmpty();

    assertThat(rebuild(post).ok()).isTrue();
    assertThat(shown).hasSize(1);
    assertThat(text(shown.get(0).get(0))).contains("A title written anew");
    assertThat(text(served(shown.get(0).get(0).path()))).isEqualTo(text(shown.get(0).get(0)));
    assertThat(SiteBuild.refresh(request(), cache).ok()).isTrue();
    assertSameAsFullBuild();
  }

  @Test
  void a_first_formula_is_left_to_the_rebuild_which_copies_the_scripts_it_needs() throws IOException {
    assertThat(original).doesNotContain("$");
    Files.writeString(post, original + "\n$$\n\\sum_{i=1}^n i\n$$\n");
    assertThat(quickLook()).isEmpty();
  }

  @Test
  void a_save_of_the_same_bytes_shows_nothing() {
    assertThat(rebuild(post).ok()).isTrue();
    assertThat(shown).isEmpty();
  }

  @Test
  void a_new_post_is_left_to_the_rebuild() throws IOException {
    Path added = post.resolveSibling("post-just-written.md");
    Files.writeString(added, "---\ntitle: Just written\ndate: 2024-01-05\n---\nFresh words.\n");
    assertThat(rebuild(added).ok()).isTrue();
    assertThat(shown).isEmpty();
    assertThat(cache.outputs()).anySatisfy(o -> assertThat(o.bytes() == null ? "" : text(o)).contains("Fresh words."));
  }

  private void assertSameAsFullBuild() {
    FullBuildComparison.assertServesAFullBuild(cache, root, full);
  }

}
