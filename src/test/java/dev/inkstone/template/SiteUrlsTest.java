package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteUrlsTest {
  @Test
  void a_scheme_or_two_slashes_make_a_url_external() {
    assertThat(SiteUrls.isExternal("https://example.org/")).isTrue();
    assertThat(SiteUrls.isExternal("mailto:me@example.org")).isTrue();
    assertThat(SiteUrls.isExternal("git+ssh:host")).isTrue();
    assertThat(SiteUrls.isExternal("//cdn.example.org/x.js")).isTrue();
  }

  @Test
  void site_paths_relative_paths_and_colons_later_in_a_path_stay_internal() {
    assertThat(SiteUrls.isExternal("/posts/a/")).isFalse();
    assertThat(SiteUrls.isExternal("../a.md")).isFalse();
    assertThat(SiteUrls.isExternal("images/a:b.png")).isFalse();
    assertThat(SiteUrls.isExternal("1http:x")).isFalse();
    assertThat(SiteUrls.isExternal("中文:x")).isFalse();
    assertThat(SiteUrls.isExternal("")).isFalse();
    assertThat(SiteUrls.isExternal("#top")).isFalse();
  }
}
