package dev.inkstone.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FrontMatterReaderTest {

  static final Path PATH = Path.of("content/posts/a.md");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static Document read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  static Document read(byte[] bytes) {
    return FrontMatterReader.read(new SourceFile(PATH, SourceFile.Kind.POST, bytes), SHANGHAI);
  }

  static FrontMatter fm(String yaml) {
    return read("---\ntitle: T\n" + yaml + "---\nbody\n").frontMatter();
  }

  static List<Problem> problems(String text) {
    return problems(text.getBytes(StandardCharsets.UTF_8));
  }

  static List<Problem> problems(byte[] bytes) {
    ProblemsException e = catchThrowableOfType(ProblemsException.class, () -> read(bytes));
    assertThat(e).as("expected problems").isNotNull();
    assertThat(e.problems()).allMatch(p -> p.file().equals(PATH));
    return e.problems();
  }

  // ---- splitting and text ---------------------------------------------------------------

  @Test
  void the_body_and_its_first_line_follow_the_closing_fence() {
    Document doc = read("---\ntitle: Hello\ntags: [a]\n---\n# Heading\n\ntext\n");
    assertThat(doc.frontMatter().title()).isEqualTo("Hello");
    assertThat(doc.body()).isEqualTo("# Heading\n\ntext\n");
    assertThat(doc.bodyLine()).isEqualTo(5);
    assertThat(doc.path()).isEqualTo(PATH);
  }

  @Test
  void three_dots_also_close_the_front_matter() {
    Document doc = read("---\ntitle: Hello\n...\nbody");
    assertThat(doc.body()).isEqualTo("body");
    assertThat(doc.bodyLine()).isEqualTo(4);
  }

  @Test
  void a_file_without_front_matter_is_all_body() {
    Document doc = read("# Just Markdown\n\n---\n\nmore\n");
    assertThat(doc.frontMatter()).isEqualTo(FrontMatter.none(1));
    assertThat(doc.frontMatter().title()).isNull();
    assertThat(doc.body()).isEqualTo("# Just Markdown\n\n---\n\nmore\n");
    assertThat(doc.bodyLine()).isEqualTo(1);
  }

  @Test
  void front_matter_without_a_closing_fence_is_a_problem_on_line_one() {
    Problem p = problems("---\ntitle: Hello\n\nbody text\n").get(0);
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.message()).isEqualTo("front matter starts at line 1 but has no closing ---");
  }

  @Test
  void a_file_that_is_only_an_opening_fence_is_unclosed() {
    assertThat(problems("---").get(0).message()).contains("no closing ---");
  }

  @Test
  @Timeout(5)
  void huge_front_matter_is_refused_without_parsing() {
    String yaml = "x: [" + "&a [1], ".repeat(1) + "1, ".repeat(200_000) + "1]\n";
    Problem p = problems("---\ntitle: T\n" + yaml + "---\n").get(0);
    assertThat(p.message()).contains("larger than 256 KiB");
    assertThat(p.line()).isEqualTo(1);
  }

  @Test
  void crlf_and_a_byte_order_mark_are_normalised() {
    Document doc = read("\uFEFF---\r\ntitle: Hello\r\ndate: 2024-03-01\r\n---\r\nline one\r\nline two\rthree\r\n");
    assertThat(doc.frontMatter().title()).isEqualTo("Hello");
    assertThat(doc.body()).isEqualTo("line one\nline two\nthree\n");
    assertThat(doc.bodyLine()).isEqualTo(5);
  }

  @Test
  void text_is_normalised_to_nfc() {
    String decomposed = "Cafe\u0301";
    Document doc = read("---\ntitle: " + decomposed + "\ntags: [" + decomposed + ", Caf\u00e9]\n---\n" + decomposed);
    assertThat(doc.frontMatter().title()).isEqualTo("Caf\u00e9");
    assertThat(doc.frontMatter().tags()).containsExactly("Caf\u00e9");
    assertThat(doc.body()).isEqualTo("Caf\u00e9");
  }

  @Test
  void a_file_that_is_not_utf8_is_a_problem_at_the_first_bad_byte() {
    byte[] head = "---\ntitle: Caf".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 6];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9; // é in Latin-1
    System.arraycopy("\n---\n".getBytes(StandardCharsets.UTF_8), 0, bytes, head.length + 1, 5);
    Problem p = problems(bytes).get(0);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(11);
    assertThat(p.hint()).isEqualTo("save the file as UTF-8");
  }

  @Test
  void the_column_of_a_bad_byte_counts_characters_not_bytes() {
    byte[] head = "---\r\ntitle: 中文".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 1);
    bytes[head.length] = (byte) 0xFF;
    Problem p = problems(bytes).get(0);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(10);
  }

  @Test
  void broken_toml_front_matter_is_a_problem_at_its_line() {
    Problem p = problems("+++\ndate = 2024-01-01\ntitle = x\n+++\n").get(0);
    assertThat(p.message()).contains("TOML front matter is broken");
    assertThat(p.line()).isEqualTo(3);
  }

  @Test
  void front_matter_that_is_a_list_is_a_problem() {
    Problem p = problems("---\n- a\n- b\n---\n").get(0);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.message()).contains("key: value");
  }

  // ---- YAML traps and positions -----------------------------------------------------------

  @Test
  void yaml_one_one_traps_keep_the_authors_text() {
    FrontMatter fm = read("---\ntitle: no\nversion: 1.10\nmode: 0755\nno: no\n---\n").frontMatter();
    assertThat(fm.title()).isEqualTo("no");
    assertThat(fm.params()).containsExactly(
        Map.entry("version", "1.10"), Map.entry("mode", "0755"), Map.entry("no", "no"));
  }

  @Test
  void a_yaml_syntax_error_is_reported_on_the_line_of_the_md_file() {
    Problem p = problems("---\ntitle: Hello\ndate: 2024-03-01\nsummary: Java: the good parts\n---\n").get(0);
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(14);
    assertThat(p.format()).startsWith("content/posts/a.md:4:14: ");
  }

  @Test
  void duplicate_keys_are_a_problem() {
    Problem p = problems("---\ntitle: A\ntitle: B\n---\n").get(0);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).contains("`title` is set twice");
  }

  @Test
  void a_duplicate_key_is_reported_together_with_the_other_problems() {
    List<Problem> problems = problems("---\ntitle: A\ndraft: maybe\ntitle: B\n---\n");
    assertThat(problems).extracting(Problem::line).containsExactly(3, 4);
  }

  // ---- required and typed fields ------------------------------------------------------------

  @Test
  void a_missing_title_is_a_problem_with_a_hint() {
    Problem p = problems("---\ndate: 2024-03-01\n---\n").get(0);
    assertThat(p.message()).isEqualTo("missing title");
    assertThat(p.hint()).contains("title: ...");
  }

  @Test
  void an_empty_title_is_a_problem_at_the_value() {
    Problem p = problems("---\ntitle: \"  \"\n---\n").get(0);
    assertThat(p.message()).isEqualTo("missing title");
    assertThat(p.line()).isEqualTo(2);
  }

  @Test
  void a_title_key_without_value_is_reported_on_its_line() {
    Problem p = problems("---\ndate: 2024-03-01\ntitle:\n---\n").get(0);
    assertThat(p.message()).isEqualTo("missing title");
    assertThat(p.line()).isEqualTo(3);
  }

  @Test
  void empty_front_matter_still_needs_a_title() {
    assertThat(problems("---\n---\nbody\n").get(0).message()).isEqualTo("missing title");
  }

  @Test
  void a_numeric_title_becomes_text() {
    assertThat(read("---\ntitle: 2024\n---\n").frontMatter().title()).isEqualTo("2024");
  }

  @Test
  void a_wrong_type_is_reported_at_the_value() {
    Problem p = problems("---\ntitle: T\ndraft: maybe\n---\n").get(0);
    assertThat(p.format()).startsWith("content/posts/a.md:3:8: `draft` must be true or false");
  }

  @Test
  void yes_for_a_boolean_gets_a_hint_about_true_and_false() {
    Problem p = problems("---\ntitle: T\ndraft: yes\n---\n").get(0);
    assertThat(p.hint()).contains("yes/no/on/off");
  }

  @Test
  void several_problems_in_one_file_are_reported_together() {
    List<Problem> problems =
        problems("---\ndraft: maybe\nweight: heavy\ndate: last tuesday\ntags: {a: 1}\ntoc: [x]\n---\n");
    assertThat(problems)
        .extracting(Problem::message)
        .anyMatch(m -> m.equals("missing title"))
        .anyMatch(m -> m.startsWith("`draft`"))
        .anyMatch(m -> m.startsWith("`weight`"))
        .anyMatch(m -> m.startsWith("`date`"))
        .anyMatch(m -> m.startsWith("`tags`"))
        .anyMatch(m -> m.startsWith("`toc`"));
    assertThat(problems).hasSize(6);
    assertThat(problems).extracting(Problem::line).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void booleans_weight_layout_and_comments_are_read() {
    FrontMatter fm = fm("draft: true\nfeatured: true\nweight: 3\ntoc: false\nlayout: wide\ncomments: 'false'\n");
    assertThat(fm.draft()).isTrue();
    assertThat(fm.featured()).isTrue();
    assertThat(fm.weight()).isEqualTo(3);
    assertThat(fm.toc()).isFalse();
    assertThat(fm.layout()).isEqualTo("wide");
    assertThat(fm.comments()).isFalse();
  }

  @Test
  void unset_theme_switches_stay_null_for_the_theme_to_decide() {
    FrontMatter fm = fm("");
    assertThat(fm.toc()).isNull();
    assertThat(fm.comments()).isNull();
    assertThat(fm.weight()).isNull();
    assertThat(fm.draft()).isFalse();
    assertThat(fm.featured()).isFalse();
  }

  @Test
  void published_false_means_draft() {
    assertThat(fm("published: false\n").draft()).isTrue();
    assertThat(fm("published: true\n").draft()).isFalse();
  }

  @Test
  void sticky_counts_as_featured_as_a_boolean_or_a_hexo_priority() {
    assertThat(fm("sticky: true\n").featured()).isTrue();
    assertThat(fm("sticky: 100\n").featured()).isTrue();
    assertThat(fm("sticky: 0\n").featured()).isFalse();
  }

  @Test
  void a_weight_beyond_int_is_a_problem() {
    assertThat(problems("---\ntitle: T\nweight: 99999999999\n---\n").get(0).message()).contains("whole number");
  }

  @Test
  void summary_falls_back_to_excerpt_then_description() {
    assertThat(fm("summary: S\ndescription: D\n").summary()).isEqualTo("S");
    assertThat(fm("excerpt: E\ndescription: D\n").summary()).isEqualTo("E");
    FrontMatter fm = fm("description: D\n");
    assertThat(fm.summary()).isEqualTo("D");
    assertThat(fm.description()).isEqualTo("D");
  }

  @Test
  void cover_falls_back_to_image_then_thumbnail() {
    assertThat(fm("thumbnail: t.png\n").cover()).isEqualTo("t.png");
    FrontMatter fm = fm("image: i.png\nthumbnail: t.png\n");
    assertThat(fm.cover()).isEqualTo("i.png");
    assertThat(fm.params()).containsEntry("thumbnail", "t.png");
  }

  @Test
  void aliases_come_from_every_spelling_without_duplicates() {
    FrontMatter fm = fm("aliases: [/a/, /b/]\nalias: /c/\nredirect_from:\n  - /a/\n  - /d/\n");
    assertThat(fm.aliases()).containsExactly("/a/", "/b/", "/c/", "/d/");
  }

  @Test
  void the_author_is_a_name_or_a_mapping_with_a_name() {
    assertThat(fm("author: Ann\n").author()).isEqualTo("Ann");
    assertThat(fm("author:\n  name: Bo\n  link: https://b.example\n").author()).isEqualTo("Bo");
    assertThat(problems("---\ntitle: T\nauthor: [a, b]\n---\n").get(0).message()).contains("`author`");
  }

  @Test
  void slug_is_read_and_trimmed() {
    assertThat(fm("slug: ' hello-world '\n").slug()).isEqualTo("hello-world");
  }

  @Test
  void unknown_keys_land_in_params_in_file_order_as_plain_values() {
    FrontMatter fm = fm("zeta: 1\nmath: true\nseries: {name: Java, part: 2}\nalpha: [x, y]\nempty:\n");
    assertThat(List.copyOf(fm.params().keySet())).containsExactly("zeta", "math", "series", "alpha", "empty");
    assertThat(fm.params().get("zeta")).isEqualTo(1L);
    assertThat(fm.params().get("math")).isEqualTo(true);
    assertThat(fm.params().get("series")).isEqualTo(Map.of("name", "Java", "part", 2L));
    assertThat(fm.params().get("alpha")).isEqualTo(List.of("x", "y"));
    assertThat(fm.params()).containsEntry("empty", null);
    assertThat(fm.params()).doesNotContainKeys("title");
  }

  @Test
  void params_cannot_be_changed_from_outside() {
    FrontMatter fm = fm("series: {name: Java}\n");
    @SuppressWarnings("unchecked")
    Map<String, Object> series = (Map<String, Object>) fm.params().get("series");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> series.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void the_record_copies_its_lists() {
    List<String> tags = new java.util.ArrayList<>(List.of("a"));
    FrontMatter fm =
        new FrontMatter("T", null, null, null, List.of(), tags, false, null, null, null, false,
            null, List.of(), null, null, null, null, Map.of(), 1);
    tags.add("b");
    assertThat(fm.tags()).containsExactly("a");
  }

  @Test
  void files_can_be_read_in_parallel() {
    List<String> titles =
        java.util.stream.IntStream.range(0, 400)
            .parallel()
            .mapToObj(i -> read("---\ntitle: Post " + i + "\ndate: 2024-03-01 10:00\ntags: [t" + i + "]\n---\n"))
            .map(d -> d.frontMatter().title() + "|" + d.frontMatter().tags().get(0))
            .toList();
    for (int i = 0; i < 400; i++) {
      assertThat(titles.get(i)).isEqualTo("Post " + i + "|t" + i);
    }
  }

  // ---- dates --------------------------------------------------------------------------------

  @Test
  void a_date_without_zone_takes_the_site_zone() {
    ZonedDateTime date = fm("date: 2024-03-01\n").date();
    assertThat(date).isEqualTo(ZonedDateTime.of(2024, 3, 1, 0, 0, 0, 0, SHANGHAI));
    assertThat(date.getDayOfMonth()).isEqualTo(1);
  }

  @Test
  void a_written_offset_is_kept() {
    ZonedDateTime date = fm("updated: 2024-05-02T10:30:00+08:00\n").updated();
    assertThat(date.getHour()).isEqualTo(10);
    assertThat(date.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
  }

  @Test
  void every_date_format_is_accepted() {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("2024-03-01", "2024-03-01T00:00+08:00[Asia/Shanghai]");
    cases.put("2024-03-01 10:30", "2024-03-01T10:30+08:00[Asia/Shanghai]");
    cases.put("2024-03-01 10:30:00", "2024-03-01T10:30+08:00[Asia/Shanghai]");
    cases.put("2024-03-01T10:30:00", "2024-03-01T10:30+08:00[Asia/Shanghai]");
    cases.put("2024-03-01T10:30:00Z", "2024-03-01T10:30Z");
    cases.put("2024-03-01T10:30:00+08:00", "2024-03-01T10:30+08:00");
    cases.put("2024-03-01T10:30:00+0800", "2024-03-01T10:30+08:00");
    cases.put("2024-03-01 10:30:00 +08:00", "2024-03-01T10:30+08:00");
    cases.put("2024-03-01 10:30:00 -05:00", "2024-03-01T10:30-05:00");
    cases.put("2024-03-01T10:30:00.123456+08:00", "2024-03-01T10:30:00.123456+08:00");
    cases.put("2024-03-01 10:30:00.5", "2024-03-01T10:30:00.500+08:00[Asia/Shanghai]");
    cases.put("2024/03/01", "2024-03-01T00:00+08:00[Asia/Shanghai]");
    cases.put("2024/3/1 9:05", "2024-03-01T09:05+08:00[Asia/Shanghai]");
    cases.put("'2024-03-01'", "2024-03-01T00:00+08:00[Asia/Shanghai]");
    cases.forEach(
        (written, expected) ->
            assertThat(fm("date: " + written + "\n").date()).as(written).hasToString(expected));
  }

  @Test
  void the_jvm_zone_and_locale_do_not_move_a_date() {
    // Surefire runs with America/New_York and Turkish; a midnight UTC Date would print Feb 29.
    ZonedDateTime date = read("---\ntitle: T\ndate: 2024-03-01\n---\n").frontMatter().date();
    assertThat(date.toLocalDate()).hasToString("2024-03-01");
    ZonedDateTime utc = FrontMatterReader.read(
            new SourceFile(PATH, SourceFile.Kind.POST, "---\ntitle: T\ndate: 2024-03-01\n---\n".getBytes(StandardCharsets.UTF_8)),
            ZoneId.of("UTC"))
        .frontMatter().date();
    assertThat(utc.toLocalDate()).hasToString("2024-03-01");
  }

  @Test
  void updated_comes_from_updated_lastmod_or_last_modified_at() {
    assertThat(fm("lastmod: 2024-04-01\n").updated().toLocalDate()).hasToString("2024-04-01");
    assertThat(fm("last_modified_at: 2024-04-02\n").updated().toLocalDate()).hasToString("2024-04-02");
    assertThat(fm("updated: 2024-04-03\nlastmod: 2024-04-04\n").updated().toLocalDate()).hasToString("2024-04-03");
  }

  @Test
  void an_unparseable_date_names_the_accepted_formats_at_the_value() {
    Problem p = problems("---\ntitle: T\ndate: 03/01/2024\n---\n").get(0);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.column()).isEqualTo(7);
    assertThat(p.message()).contains("`date` must be a date");
    assertThat(p.hint()).contains("2024-03-01T10:30:00+08:00").contains("2024/3/1 9:05");
  }

  @Test
  void a_day_that_does_not_exist_is_a_problem() {
    assertThat(problems("---\ntitle: T\ndate: 2023-02-29\n---\n").get(0).message()).contains("`date`");
  }

  @Test
  void a_number_as_date_is_a_problem() {
    assertThat(problems("---\ntitle: T\ndate: 20240301\n---\n").get(0).message()).contains("a number");
  }
}
