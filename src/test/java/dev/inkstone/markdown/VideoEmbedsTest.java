package dev.inkstone.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoEmbedsTest {
  @Test
  void a_youtube_id_is_found_bare_or_in_any_of_its_urls() {
    assertThat(VideoEmbeds.youtubeId("dQw4w9WgXcQ")).isEqualTo("dQw4w9WgXcQ");
    assertThat(VideoEmbeds.youtubeId(" https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42 ")).isEqualTo("dQw4w9WgXcQ");
    assertThat(VideoEmbeds.youtubeId("https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ")).isEqualTo("dQw4w9WgXcQ");
    assertThat(VideoEmbeds.youtubeId("https://youtu.be/dQw4w9WgXcQ")).isEqualTo("dQw4w9WgXcQ");
    assertThat(VideoEmbeds.youtubeId("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0")).isEqualTo("dQw4w9WgXcQ");
    assertThat(VideoEmbeds.youtubeId("https://www.youtube.com/shorts/dQw4w9WgXcQ")).isEqualTo("dQw4w9WgXcQ");
  }

  @Test
  void ids_of_another_length_and_other_sites_are_not_youtube_ids() {
    assertThat(VideoEmbeds.youtubeId("dQw4w9")).isNull();
    assertThat(VideoEmbeds.youtubeId("https://youtu.be/dQw4w9WgXcQxyz")).isNull();
    assertThat(VideoEmbeds.youtubeId("https://vimeo.com/123456")).isNull();
    assertThat(VideoEmbeds.youtubeId(null)).isNull();
  }

  @Test
  void the_line_is_the_syntax_the_renderer_embeds() {
    assertThat(VideoEmbeds.youtubeLine("dQw4w9WgXcQ")).isEqualTo("@[youtube](dQw4w9WgXcQ)");
    assertThat(VideoEmbeds.LINE.matcher(VideoEmbeds.youtubeLine("dQw4w9WgXcQ")).matches()).isTrue();
  }
}
