package dev.inkstone.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {
  @Test
  void a_scheme_or_two_slashes_make_a_url_external() {
    assertThat(Slugs.isExternal("https://example.org/")).isTrue();
    assertThat(Slugs.isExternal("mailto:me@example.org")).isTrue();
    assertThat(Slugs.isExternal("git+ssh:host")).isTrue();
    assertThat(Slugs.isExternal("//cdn.example.org/x.js")).isTrue();
  }

  @Test
  void site_paths_relative_paths_and_colons_later_in_a_path_stay_internal() {
    assertThat(Slugs.isExternal("/posts/a/")).isFalse();
    assertThat(Slugs.isExternal("../a.md")).isFalse();
    assertThat(Slugs.isExternal("images/a:b.png")).isFalse();
    assertThat(Slugs.isExternal("1http:x")).isFalse();
    assertThat(Slugs.isExternal("中文:x")).isFalse();
    assertThat(Slugs.isExternal("")).isFalse();
    assertThat(Slugs.isExternal("#top")).isFalse();
  }
}
