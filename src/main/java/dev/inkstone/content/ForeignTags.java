package dev.inkstone.content;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.markdown.VideoEmbeds;
import dev.inkstone.output.Html;
import dev.inkstone.source.Dialect;
import dev.inkstone.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the tag plugins of Hexo, the Liquid tags of Jekyll and the shortcodes of Hugo into our
 * Markdown (fenced code, HTML for figures, notes and videos, relative links to the source file
 * for post links). Code is left as written: fenced code blocks, code spans and {@code {% raw %}}
 * regions. A tag this does not know is kept where it was, in a code span so a reader sees it,
 * and reported as a warning; nothing is dropped.
 */
final class ForeignTags {
  private static final Pattern LIQUID_TAG = Pattern.compile("\\{%-?\\s*(\\w+)(.*?)-?%\\}", Pattern.DOTALL);
  private static final Pattern LIQUID_OUTPUT = Pattern.compile("\\{\\{-?(.*?)-?\\}\\}", Pattern.DOTALL);
  private static final Pattern HUGO = Pattern.compile("\\{\\{([<%])\\s*(/?)\\s*([\\w./-]+)(.*?)\\s*(/?)\\s*([>%])\\}\\}", Pattern.DOTALL);
  private static final Pattern HUGO_ESCAPED = Pattern.compile("\\{\\{([<%])/\\*(.*?)\\*/([>%])\\}\\}", Pattern.DOTALL);
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern ATTR = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|`([^`]*)`|([^\\s\"']+))|\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|(\\S+)");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z][a-z0-9+#_-]{0,15}");
  private static final Set<String> LIQUID_BLOCKS = Set.of("codeblock", "code", "highlight", "note", "blockquote", "quote", "comment");
  private static final Set<String> HUGO_BLOCKS = Set.of("highlight");

  /** The body in our Markdown, and what could not be converted. */
  record Result(String markdown, List<Problem> warnings) {}

  private final SourceFile file;
  private final Dialect dialect;
  private final int bodyLine;
  private final String body;
  private final KnownDocuments known;
  private final List<Problem> warnings = new ArrayList<>();
  private final StringBuilder out = new StringBuilder();

  private ForeignTags(SourceFile file, int bodyLine, String body, KnownDocuments known) {
    this.file = file;
    this.dialect = file.dialect();
    this.bodyLine = bodyLine;
    this.body = body;
    this.known = known;
  }

  /**
   * @param known every post and page of the blog, for post links
   */
  static Result convert(SourceFile file, int bodyLine, String body, KnownDocuments known) {
    if (file.dialect() == Dialect.INKSTONE) {
      return new Result(body, List.of());
    }
    ForeignTags t = new ForeignTags(file, bodyLine, body, known);
    t.run();
    return new Result(t.out.toString(), List.copyOf(t.warnings));
  }

  private void run() {
    int i = 0;
    int n = body.length();
    boolean lineStart = true;
    while (i < n) {
      char c = body.charAt(i);
      if (lineStart) {
        int lineEnd = body.indexOf('\n', i);
        String line = body.substring(i, lineEnd < 0 ? n : lineEnd);
        Matcher f = FENCE.matcher(line);
        if (f.find()) {
          i = copyFence(i, f.group(1));
          continue;
        }
      }
      lineStart = false;
      if (c == '\n') {
        out.append(c);
        i++;
        lineStart = true;
        continue;
      }
      if (c == '`') {
        i = copyCodeSpan(i);
        continue;
      }
      if (c == '{' && i + 1 < n) {
        int next = liquidOrHugo(i);
        if (next > i) {
          i = next;
          continue;
        }
      }
      out.append(c);
      i++;
    }
  }

  /** A fenced block, copied as written; only {% raw %} markers and Hugo's escaped shortcodes are undone in it. */
  private int copyFence(int start, String fence) {
    int lineEnd = body.indexOf('\n', start);
    int i = lineEnd < 0 ? body.length() : lineEnd + 1;
    out.append(body, start, i);
    while (i < body.length()) {
      int end = body.indexOf('\n', i);
      String line = body.substring(i, end < 0 ? body.length() : end);
      int next = end < 0 ? body.length() : end + 1;
      out.append(unescapeInCode(body.substring(i, next)));
      i = next;
      if (line.strip().startsWith(fence.substring(0, 1).repeat(fence.length())) && line.strip().replace(fence.substring(0, 1), "").isEmpty()) {
        break;
      }
    }
    return i;
  }

  private String unescapeInCode(String text) {
    if (dialect == Dialect.HUGO) {
      return HUGO_ESCAPED.matcher(text).replaceAll(m -> Matcher.quoteReplacement("{{" + m.group(1) + m.group(2) + m.group(3) + "}}"));
    }
    String t = text.replaceAll("\\{%-?\\s*(raw|endraw)\\s*-?%\\}", "");
    return t.isBlank() && !text.isBlank() ? "" : t;
  }

  private int copyCodeSpan(int start) {
    int i = start;
    while (i < body.length() && body.charAt(i) == '`') {
      i++;
    }
    String ticks = body.substring(start, i);
    int close = body.indexOf(ticks, i);
    while (close >= 0 && close + ticks.length() < body.length() && body.charAt(close + ticks.length()) == '`') {
      close = body.indexOf(ticks, close + ticks.length() + 1);
    }
    if (close < 0) {
      out.append(ticks);
      return i;
    }
    out.append(unescapeInCode(body.substring(start, close + ticks.length())));
    return close + ticks.length();
  }

  /** Converts the tag at {@code i}; returns where the text goes on, or {@code i} when there is no tag. */
  private int liquidOrHugo(int i) {
    char second = body.charAt(i + 1);
    if (dialect == Dialect.HUGO && second == '{') {
      Matcher esc = HUGO_ESCAPED.matcher(body).region(i, body.length());
      if (esc.lookingAt()) {
        out.append("{{").append(esc.group(1)).append(esc.group(2)).append(esc.group(3)).append("}}");
        return esc.end();
      }
      Matcher m = HUGO.matcher(body).region(i, body.length());
      if (m.lookingAt()) {
        return hugo(i, m);
      }
      return i;
    }
    if (dialect == Dialect.HUGO) {
      return i;
    }
    if (second == '%') {
      Matcher m = LIQUID_TAG.matcher(body).region(i, body.length());
      if (m.lookingAt()) {
        return liquid(i, m);
      }
    } else if (second == '{') {
      Matcher m = LIQUID_OUTPUT.matcher(body).region(i, body.length());
      if (m.lookingAt()) {
        return output(i, m);
      }
    }
    return i;
  }

  // ---- Hexo and Jekyll --------------------------------------------------------------------

  private int liquid(int start, Matcher m) {
    String name = m.group(1).toLowerCase(Locale.ROOT);
    String args = m.group(2).strip();
    if (name.equals("raw")) {
      Matcher end = Pattern.compile("\\{%-?\\s*endraw\\s*-?%\\}").matcher(body).region(m.end(), body.length());
      if (end.find()) {
        out.append(body, m.end(), end.start());
        return end.end();
      }
      out.append(body, m.end(), body.length());
      return body.length();
    }
    String inner = null;
    int after = m.end();
    if (LIQUID_BLOCKS.contains(name)) {
      Matcher end = Pattern.compile("\\{%-?\\s*end" + name + "\\s*-?%\\}").matcher(body).region(m.end(), body.length());
      if (!end.find()) {
        return unknown(start, m.end(), "{% " + name + " %} without {% end" + name + " %}");
      }
      inner = trimNewlines(body.substring(m.end(), end.start()));
      after = end.end();
    }
    switch (name) {
      case "codeblock", "code" -> fence(codeblockLanguage(args), inner, codeblockTitle(args));
      case "highlight" -> fence(args.isEmpty() ? "" : args.split("\\s+")[0], inner, null);
      case "note" -> {
        List<String> words = List.of(args.isEmpty() ? new String[0] : args.split("\\s+"));
        String cls = words.isEmpty() ? "default" : words.get(0);
        block("<div class=\"note " + Html.escape(cls) + "\">\n\n" + nested(start, inner) + "\n\n</div>");
      }
      case "blockquote", "quote" -> {
        StringBuilder q = new StringBuilder();
        for (String l : nested(start, inner).split("\n", -1)) {
          q.append(l.isEmpty() ? ">" : "> " + l).append('\n');
        }
        if (!args.isEmpty()) {
          q.append(">\n> — ").append(args).append('\n');
        }
        block(q.toString().stripTrailing());
      }
      case "comment" -> out.append("<!--").append(inner.replace("--", "- -")).append("-->");
      case "post_link", "post_path" -> {
        List<String> a = arguments(args);
        if (a.isEmpty()) {
          return unknown(start, after, "post_link");
        }
        String target = findPost(a.get(0), false);
        if (target == null) {
          return unknown(start, after, name + " " + a.get(0));
        }
        if (name.equals("post_path")) {
          out.append(target);
        } else {
          String text = a.size() > 1 && !a.get(1).equals("true") && !a.get(1).equals("false") ? a.get(1) : a.get(0);
          out.append('[').append(text.replace("]", "\\]")).append("](").append(target).append(')');
        }
      }
      case "post_url" -> {
        String target = findPost(args.strip(), true);
        if (target == null) {
          return unknown(start, after, "post_url " + args.strip());
        }
        out.append(target);
      }
      case "link" -> {
        String p = args.strip().replaceAll("^['\"]|['\"]$", "");
        if (!known.contains(p)) {
          return unknown(start, after, "link " + p);
        }
        out.append(relative(p));
      }
      case "asset_img", "asset_path", "asset_link" -> {
        List<String> a = arguments(args);
        if (a.isEmpty()) {
          return unknown(start, after, name);
        }
        String folder = assetFolder();
        String path = encode(folder + a.get(0));
        String title = a.size() > 1 ? String.join(" ", a.subList(1, a.size())) : "";
        switch (name) {
          case "asset_img" -> out.append("![").append(title).append("](").append(path).append(')');
          case "asset_link" -> out.append('[').append(title.isEmpty() ? a.get(0) : title).append("](").append(path).append(')');
          default -> out.append(path);
        }
      }
      case "img" -> {
        List<String> a = arguments(args);
        int k = 0;
        while (k < a.size() && !a.get(k).contains("/") && !a.get(k).contains(".")) {
          k++;
        }
        if (k >= a.size()) {
          return unknown(start, after, "img " + args);
        }
        String src = a.get(k);
        String rest = String.join(" ", a.subList(k + 1, a.size())).replaceAll("^\\d+\\s*(\\d+\\s*)?", "");
        out.append("![").append(rest.replace("]", "\\]")).append("](").append(src).append(')');
      }
      case "youtube" -> {
        List<String> a = arguments(args);
        if (a.isEmpty()) {
          return unknown(start, after, "youtube");
        }
        out.append(youtube(a.get(0), start, after));
      }
      default -> {
        return unknown(start, after, body.substring(start, m.end()));
      }
    }
    return after;
  }

  /** {@code {{ site.baseurl }}} and {@code {{ "/x" | relative_url }}} are plain site paths here; other Liquid is kept and reported. */
  private int output(int start, Matcher m) {
    String expr = m.group(1).strip();
    if (expr.matches("site\\.(baseurl|url)")) {
      return m.end();
    }
    Matcher url = Pattern.compile("[\"']([^\"']*)[\"']\\s*\\|\\s*(relative_url|absolute_url|url_for|prepend:\\s*site\\.baseurl)\\s*").matcher(expr);
    if (url.matches()) {
      out.append(url.group(1));
      return m.end();
    }
    return unknown(start, m.end(), body.substring(start, m.end()));
  }

  private String codeblockLanguage(String args) {
    for (String a : args.split("\\s+")) {
      if (a.startsWith("lang:")) {
        return a.substring(5);
      }
    }
    String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
    return words.length == 1 && LANGUAGE.matcher(words[0]).matches() ? words[0] : "";
  }

  private String codeblockTitle(String args) {
    List<String> title = new ArrayList<>();
    String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
    if (words.length == 1 && LANGUAGE.matcher(words[0]).matches()) {
      return null;
    }
    for (String w : words) {
      if (!w.matches("\\w+:.*") && !w.matches("(?i)https?://.*")) {
        title.add(w);
      }
    }
    return title.isEmpty() ? null : String.join(" ", title);
  }

  /** Hexo's post asset folder: beside the post, named as the post's file. */
  private String assetFolder() {
    String name = file.path().getFileName().toString();
    return name.replaceAll("\\.[^.]+$", "") + "/";
  }

  /** A post named by its file (Hexo: below _posts, without extension; Jekyll: the file name with its date). */
  private String findPost(String name, boolean jekyll) {
    String found = known.post(name.strip().replaceAll("^['\"]|['\"]$", ""), jekyll);
    return found == null ? null : relative(found);
  }

  // ---- Hugo -------------------------------------------------------------------------------

  private int hugo(int start, Matcher m) {
    boolean closing = !m.group(2).isEmpty();
    String name = m.group(3).toLowerCase(Locale.ROOT);
    String args = m.group(4);
    if (closing) {
      return unknown(start, m.end(), body.substring(start, m.end()));
    }
    Map<String, String> a = attributes(args);
    switch (name) {
      case "figure" -> {
        String src = a.getOrDefault("src", a.get("0"));
        if (src == null) {
          return unknown(start, m.end(), body.substring(start, m.end()));
        }
        StringBuilder f = new StringBuilder("<figure");
        if (a.containsKey("class")) {
          f.append(" class=\"").append(Html.escape(a.get("class"))).append('"');
        }
        f.append(">");
        String img = "<img src=\"" + Html.escape(src) + "\" alt=\"" + Html.escape(a.getOrDefault("alt", a.getOrDefault("caption", a.getOrDefault("title", ""))))
            + "\"" + (a.containsKey("width") ? " width=\"" + Html.escape(a.get("width")) + "\"" : "")
            + (a.containsKey("height") ? " height=\"" + Html.escape(a.get("height")) + "\"" : "") + ">";
        f.append(a.containsKey("link") ? "<a href=\"" + Html.escape(a.get("link")) + "\">" + img + "</a>" : img);
        String caption = a.getOrDefault("caption", "");
        String title = a.getOrDefault("title", "");
        if (!caption.isEmpty() || !title.isEmpty()) {
          f.append("<figcaption>");
          if (!title.isEmpty()) {
            f.append("<h4>").append(Html.escape(title)).append("</h4>");
          }
          f.append(caption);
          f.append("</figcaption>");
        }
        f.append("</figure>");
        out.append(f);
        return m.end();
      }
      case "youtube" -> {
        String id = a.getOrDefault("id", a.get("0"));
        if (id == null) {
          return unknown(start, m.end(), body.substring(start, m.end()));
        }
        out.append(youtube(id, start, m.end()));
        return m.end();
      }
      case "vimeo" -> {
        String id = a.getOrDefault("id", a.get("0"));
        if (id == null || !id.matches("\\d+")) {
          return unknown(start, m.end(), body.substring(start, m.end()));
        }
        out.append("<iframe src=\"https://player.vimeo.com/video/").append(id)
            .append("\" width=\"560\" height=\"315\" title=\"Vimeo video\" allowfullscreen loading=\"lazy\"></iframe>");
        return m.end();
      }
      case "gist" -> {
        String user = a.getOrDefault("user", a.get("0"));
        String id = a.getOrDefault("id", a.get("1"));
        if (user == null || id == null) {
          return unknown(start, m.end(), body.substring(start, m.end()));
        }
        out.append("[gist ").append(user).append('/').append(id).append("](https://gist.github.com/").append(user).append('/').append(id).append(')');
        return m.end();
      }
      case "tweet", "x" -> {
        String user = a.get("user");
        String id = a.getOrDefault("id", a.get(user == null ? "0" : "1"));
        if (id == null || !id.matches("\\d+")) {
          return unknown(start, m.end(), body.substring(start, m.end()));
        }
        out.append("[Post on X](https://x.com/").append(user == null ? "i/web" : user).append("/status/").append(id).append(')');
        return m.end();
      }
      case "ref", "relref" -> {
        String target = a.getOrDefault("path", a.get("0"));
        String found = target == null ? null : hugoRef(target);
        if (found == null) {
          return unknown(start, m.end(), body.substring(start, m.end()));
        }
        out.append(found);
        return m.end();
      }
      case "highlight" -> {
        Matcher end = Pattern.compile("\\{\\{[<%]\\s*/\\s*highlight\\s*[>%]\\}\\}").matcher(body).region(m.end(), body.length());
        if (!end.find()) {
          return unknown(start, m.end(), body.substring(start, m.end()));
        }
        fence(a.getOrDefault("0", ""), trimNewlines(body.substring(m.end(), end.start())), null);
        return end.end();
      }
      default -> {
        return unknown(start, m.end(), body.substring(start, m.end()));
      }
    }
  }

  /** Hugo's ref: a path from content/, or from this page's folder, or a file name found anywhere. */
  private String hugoRef(String target) {
    int hash = target.indexOf('#');
    String anchor = hash < 0 ? "" : target.substring(hash);
    String path = hash < 0 ? target : target.substring(0, hash);
    if (path.isEmpty()) {
      return anchor.isEmpty() ? null : anchor;
    }
    String contentDir = file.path().getName(0).toString();
    Path dir = file.path().getParent();
    List<String> candidates = new ArrayList<>();
    String stripped = path.startsWith("/") ? path.substring(1) : path;
    for (String ext : List.of("", ".md", "/index.md", "/_index.md", ".markdown")) {
      if (path.startsWith("/")) {
        candidates.add(contentDir + "/" + stripped + ext);
      } else {
        candidates.add((dir == null ? "" : dir.toString().replace('\\', '/') + "/") + stripped + ext);
        candidates.add(contentDir + "/" + stripped + ext);
      }
    }
    for (String c : candidates) {
      String norm = Path.of(c).normalize().toString().replace('\\', '/');
      if (known.contains(norm)) {
        return relative(norm) + anchor;
      }
    }
    String found = known.endingWith(stripped);
    return found == null ? null : relative(found) + anchor;
  }

  // ---- output helpers ---------------------------------------------------------------------

  /** The inside of a note or quote, converted in turn. */
  private String nested(int start, String inner) {
    int line = bodyLine;
    for (int i = 0; i < start; i++) {
      if (body.charAt(i) == '\n') {
        line++;
      }
    }
    ForeignTags t = new ForeignTags(file, line + 1, inner, known);
    t.run();
    warnings.addAll(t.warnings);
    return t.out.toString();
  }

  private void fence(String language, String code, String title) {
    if (title != null) {
      block("*" + title.replace("*", "\\*") + "*");
      out.append("\n\n");
    }
    String ticks = "```";
    while (code.contains(ticks)) {
      ticks += "`";
    }
    block(ticks + (language == null ? "" : language) + "\n" + code + "\n" + ticks);
  }

  /** Block-level HTML or Markdown: on lines of its own, with blank lines around where needed. */
  private void block(String text) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append("\n\n");
    }
    out.append(text);
  }

  /** Kept as written in a code span, and reported. */
  private int unknown(int start, int end, String what) {
    String text = body.substring(start, end);
    String ticks = text.contains("`") ? "``" : "`";
    out.append(ticks).append(ticks.length() > 1 ? " " : "").append(text.replace("\n", " ")).append(ticks.length() > 1 ? " " : "").append(ticks);
    int line = bodyLine;
    int lineStart = 0;
    for (int i = 0; i < start; i++) {
      if (body.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String shown = what.length() > 60 ? what.substring(0, 57) + "..." : what;
    warnings.add(Problem.at(file.path(), line, start - lineStart + 1, "unknown " + (dialect == Dialect.HUGO ? "shortcode" : "tag")
        + " `" + shown.replace("\n", " ") + "` kept as written",
        "replace it with Markdown or HTML; Inkstone knows codeblock, highlight, note, raw, post_link, asset_img, figure, youtube, ref"));
    return end;
  }

  private String relative(String target) {
    Path dir = file.path().getParent();
    Path rel = dir == null ? Path.of(target) : dir.relativize(Path.of(target));
    return encode(rel.toString().replace('\\', '/'));
  }

  private static String encode(String path) {
    return path.replace("%", "%25").replace(" ", "%20").replace("(", "%28").replace(")", "%29");
  }

  /**
   * A YouTube tag at {@code body[start, end)}: alone on its line, Inkstone's own video line (a
   * preview that loads the player when clicked, as {@code @[youtube](id)} gives); within a line of
   * text, or with an id of another shape, the player's iframe.
   */
  private String youtube(String idOrUrl, int start, int end) {
    String standard = VideoEmbeds.youtubeId(idOrUrl);
    int lineStart = body.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = body.indexOf('\n', end);
    if (standard != null && body.substring(lineStart, start).isBlank() && body.substring(end, lineEnd < 0 ? body.length() : lineEnd).isBlank()) {
      return VideoEmbeds.youtubeLine(standard);
    }
    Matcher m = Pattern.compile("(?:v=|youtu\\.be/|embed/)([\\w-]{6,})").matcher(idOrUrl);
    String id = m.find() ? m.group(1) : idOrUrl.replaceAll("[^\\w-]", "");
    return VideoEmbeds.youtubeIframe(id);
  }

  private static String trimNewlines(String s) {
    return s.replaceAll("^\\s*\n", "").replaceAll("\n\\s*$", "");
  }

  private static List<String> arguments(String args) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(args);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return out;
  }

  /** Shortcode attributes by lower-case name; positional ones are numbered 0, 1, ... */
  static Map<String, String> attributes(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = ATTR.matcher(text == null ? "" : text.strip());
    int bare = 0;
    while (m.find()) {
      if (m.group(1) != null) {
        String v = m.group(2) != null ? m.group(2).replace("\\\"", "\"") : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
        out.put(m.group(1).toLowerCase(Locale.ROOT), v);
      } else {
        String v = m.group(6) != null ? m.group(6).replace("\\\"", "\"") : m.group(7) != null ? m.group(7) : m.group(8);
        out.put(String.valueOf(bare++), v);
      }
    }
    return out;
  }

}
