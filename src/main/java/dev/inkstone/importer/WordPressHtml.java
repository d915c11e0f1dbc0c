package dev.inkstone.importer;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Turns the body of a WordPress post (classic HTML with autop, or Gutenberg blocks, with
 * shortcodes) into Markdown. flexmark's HTML-to-Markdown converter does the common elements; what
 * Markdown cannot say (captions, embeds, video, merged table cells) is kept as HTML. Each such
 * piece is swapped for a placeholder word before conversion and put back after, so the converter
 * never sees it.
 */
final class WordPressHtml {
  /** What one conversion found, beside the Markdown. */
  record Result(String markdown, Set<String> unknownShortcodes, List<String> notes) {}

  private static final Pattern CODE_SHORTCODE = Pattern.compile(
      "\\[(code|sourcecode|source|php|java|js|javascript|python|py|bash|shell|sql|xml|html|css|cpp|c|go|ruby)(\\s[^\\]]*)?\\](.*?)\\[/\\1\\]",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern PRE = Pattern.compile("<pre\\b[^>]*>.*?</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern ENCLOSING = Pattern.compile("\\[(caption|wp_caption|embed|video|audio)(\\s[^\\]]*)?\\](.*?)\\[/\\1\\]",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern SELF_CLOSING = Pattern.compile("\\[(video|audio|youtube|gallery|playlist|embed)(=[^\\]]*|\\s[^\\]]*)?/?\\]",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_SHORTCODE = Pattern.compile("\\[/?([a-zA-Z][\\w-]*)(\\s[^\\]\\[]*)?/?\\](?!\\()");
  private static final String BLOCK_TAGS = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area"
      + "|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption"
      + "|details|menu|summary|iframe|video|audio|object|embed|script|!--)";
  private static final Pattern STARTS_BLOCK = Pattern.compile("^\\s*</?" + BLOCK_TAGS + "\\b", Pattern.CASE_INSENSITIVE);
  private static final Set<String> INLINE_HTML = Set.of("sup", "sub", "u", "mark", "kbd", "abbr", "small", "ins", "q", "cite", "time");
  private static final Set<String> RAW_BLOCKS = Set.of("iframe", "video", "audio", "object", "embed", "script", "style", "details", "form",
      "svg", "canvas", "noscript", "center");
  /** Blocks that CommonMark recognises as raw HTML by their first tag alone. */
  private static final Set<String> HTML_BLOCK_STARTS = Set.of("figure", "iframe", "table", "details", "div", "form", "center", "script",
      "style");

  private final FlexmarkHtmlConverter converter;
  private final UnaryOperator<String> relink;
  private final LongFunction<String> attachmentUrl;
  private final List<String> placeholders = new ArrayList<>();
  private final Set<String> unknown = new TreeSet<>();
  private final List<String> notes = new ArrayList<>();

  /**
   * @param relink maps a link or image URL as written to the one to use (uploads, old permalinks)
   * @param attachmentUrl an attachment's file URL by its id, or null (for {@code [gallery ids=...]})
   */
  WordPressHtml(UnaryOperator<String> relink, LongFunction<String> attachmentUrl) {
    MutableDataSet options = new MutableDataSet();
    options.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);
    options.set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false);
    options.set(FlexmarkHtmlConverter.SKIP_ATTRIBUTES, true);
    options.set(FlexmarkHtmlConverter.RENDER_COMMENTS, false);
    options.set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false);
    options.set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false);
    options.set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false);
    options.set(FlexmarkHtmlConverter.MAX_TRAILING_BLANK_LINES, 0);
    this.converter = FlexmarkHtmlConverter.builder(options).build();
    this.relink = relink;
    this.attachmentUrl = attachmentUrl;
  }

  Result convert(String content, List<String> galleryFallback) {
    placeholders.clear();
    unknown.clear();
    notes.clear();
    String text = content.replace("\r\n", "\n").replace('\r', '\n');
    boolean blocks = text.contains("<!-- wp:");
    text = replaceAll(CODE_SHORTCODE, text, m -> "\n\n" + block(fenced(Parser.unescapeEntities(trimNewlines(m.group(3)), false),
        language(m.group(1), m.group(2)))) + "\n\n");
    text = replaceAll(PRE, text, m -> "\n\n" + block(pre(m.group())) + "\n\n");
    text = replaceAll(ENCLOSING, text, m -> enclosing(m.group(1).toLowerCase(Locale.ROOT), Shortcodes.attributes(m.group(2)), m.group(3)));
    text = replaceAll(SELF_CLOSING, text, m -> selfClosing(m.group(1).toLowerCase(Locale.ROOT), Shortcodes.attributes(m.group(2)),
        galleryFallback));
    Matcher any = ANY_SHORTCODE.matcher(text);
    while (any.find()) {
      unknown.add(any.group(1));
    }
    if (!blocks) {
      text = autop(text);
    }
    Document doc = Jsoup.parseBodyFragment(text);
    doc.outputSettings().prettyPrint(false);
    prepare(doc.body());
    String markdown = converter.convert(doc.body().html());
    return new Result(restore(markdown), Set.copyOf(unknown), List.copyOf(notes));
  }

  // ---- shortcodes -------------------------------------------------------------------------

  private String enclosing(String name, Map<String, String> attrs, String inner) {
    switch (name) {
      case "caption", "wp_caption" -> {
        Document d = Jsoup.parseBodyFragment(inner);
        Element img = d.selectFirst("img");
        if (img == null) {
          return inner;
        }
        Element top = img.parent() != null && img.parent().tagName().equals("a") ? img.parent() : img;
        top.remove();
        String caption = attrs.getOrDefault("caption", d.body().html().strip());
        return "\n\n<figure>" + top.outerHtml() + "<figcaption>" + caption + "</figcaption></figure>\n\n";
      }
      case "embed" -> {
        return embed(inner.strip());
      }
      case "video", "audio" -> {
        return selfClosing(name, attrs, List.of());
      }
      default -> {
        return inner;
      }
    }
  }

  private String selfClosing(String name, Map<String, String> attrs, List<String> galleryFallback) {
    switch (name) {
      case "youtube", "embed" -> {
        String url = attrs.getOrDefault("0", attrs.getOrDefault("url", ""));
        return embed(url);
      }
      case "video", "audio" -> {
        String src = attrs.get("src");
        for (String ext : List.of("mp4", "m4v", "webm", "ogv", "mp3", "ogg", "m4a", "wav", "flv")) {
          if (src == null || src.isBlank()) {
            src = attrs.get(ext);
          }
        }
        if (src == null || src.isBlank()) {
          notes.add("a [" + name + "] without a source was left out");
          return "";
        }
        StringBuilder sb = new StringBuilder("<" + name + " controls src=\"" + attr(relink.apply(src)) + "\"");
        if (attrs.containsKey("poster")) {
          sb.append(" poster=\"").append(attr(relink.apply(attrs.get("poster")))).append('"');
        }
        sb.append("></").append(name).append('>');
        return "\n\n" + block(sb.toString()) + "\n\n";
      }
      case "gallery" -> {
        List<String> urls = new ArrayList<>();
        if (attrs.containsKey("ids")) {
          for (String id : attrs.get("ids").split("\\s*,\\s*")) {
            String url = id.matches("\\d+") ? attachmentUrl.apply(Long.parseLong(id)) : null;
            if (url != null) {
              urls.add(url);
            } else {
              notes.add("[gallery] names attachment " + id + ", which is not in the export");
            }
          }
        } else {
          urls.addAll(galleryFallback);
        }
        if (urls.isEmpty()) {
          notes.add("a [gallery] with no images found was left out");
          return "";
        }
        StringBuilder sb = new StringBuilder("\n\n<p>");
        for (String u : urls) {
          sb.append("<img src=\"").append(attr(u)).append("\" alt=\"\"> ");
        }
        return sb.append("</p>\n\n").toString();
      }
      default -> {
        unknown.add(name);
        return "[" + name + "]";
      }
    }
  }

  private String embed(String url) {
    String video = Shortcodes.youtube(url);
    if (video != null) {
      return "\n\n" + block(video) + "\n\n";
    }
    if (url.isBlank()) {
      return "";
    }
    return "\n\n<p><a href=\"" + attr(url) + "\">" + escapeHtml(url) + "</a></p>\n\n";
  }

  // ---- autop ------------------------------------------------------------------------------

  /** WordPress's autop, simplified: blank lines make paragraphs, single newlines inside one make line breaks. */
  static String autop(String text) {
    StringBuilder out = new StringBuilder();
    String spaced = text.replaceAll("<!--\\s*more\\b[^>]*-->", "\n\n$0\n\n");
    for (String chunk : spaced.split("\n\\s*\n")) {
      String c = chunk.strip();
      if (c.isEmpty()) {
        continue;
      }
      if (STARTS_BLOCK.matcher(c).find()) {
        out.append(c);
      } else {
        out.append("<p>").append(c.replace("\n", "<br>")).append("</p>");
      }
      out.append("\n\n");
    }
    return out.toString();
  }

  // ---- the HTML tree ----------------------------------------------------------------------

  private void prepare(Element body) {
    for (Node n : new ArrayList<>(body.childNodes())) {
      prepareNode(n, true);
    }
  }

  private void prepareNode(Node n, boolean blockLevel) {
    if (n instanceof Comment c) {
      String data = c.getData().strip();
      if (data.toLowerCase(Locale.ROOT).startsWith("more")) {
        c.replaceWith(paragraph(block("<!--more-->")));
      } else {
        if (data.equals("nextpage")) {
          String note = "<!--nextpage--> page breaks were joined into one page";
          if (!notes.contains(note)) {
            notes.add(note);
          }
        }
        c.remove();
      }
      return;
    }
    if (!(n instanceof Element e)) {
      return;
    }
    String tag = e.tagName();
    if (tag.equals("img")) {
      e.replaceWith(new TextNode(inline(image(e))));
      return;
    }
    if (tag.equals("a") && e.hasAttr("href")) {
      e.attr("href", relink.apply(e.attr("href")));
    }
    if (tag.equals("figure")) {
      figure(e);
      return;
    }
    if (RAW_BLOCKS.contains(tag)) {
      relinkAll(e);
      e.replaceWith(paragraph(block(raw(e))));
      return;
    }
    if (tag.equals("table") && (!e.select("[colspan],[rowspan],table table,td p,td ul,td ol,td pre,th p").isEmpty())) {
      relinkAll(e);
      e.replaceWith(paragraph(block(raw(e))));
      return;
    }
    if (INLINE_HTML.contains(tag)) {
      relinkAll(e);
      e.replaceWith(new TextNode(inline(e.outerHtml())));
      return;
    }
    for (Node child : new ArrayList<>(e.childNodes())) {
      prepareNode(child, false);
    }
    if (tag.equals("div") || tag.equals("span") || tag.equals("section") || tag.equals("article") || tag.equals("center")) {
      e.unwrap();
    }
  }

  private void figure(Element fig) {
    Element table = fig.selectFirst("table");
    Element caption = fig.selectFirst("figcaption");
    if (table != null) {
      fig.select("figcaption").remove();
      prepareNode(table, true);
      if (caption != null) {
        fig.appendChild(new Element("p").text(caption.text()));
      }
      fig.unwrap();
      return;
    }
    if (fig.hasClass("wp-block-embed") || fig.selectFirst(".wp-block-embed__wrapper") != null) {
      String url = fig.selectFirst(".wp-block-embed__wrapper") != null ? fig.selectFirst(".wp-block-embed__wrapper").text().strip() : fig.text();
      Element iframe = fig.selectFirst("iframe");
      String video = Shortcodes.youtube(url);
      if (video != null) {
        fig.replaceWith(paragraph(block(video)));
      } else if (iframe != null) {
        fig.replaceWith(paragraph(block(raw(iframe))));
      } else if (!url.isBlank()) {
        Element p = new Element("p");
        p.appendElement("a").attr("href", url).text(url);
        fig.replaceWith(p);
      } else {
        fig.remove();
      }
      return;
    }
    Element img = fig.selectFirst("img");
    if (img != null && caption == null && fig.select("img").size() == 1) {
      Element top = img.parent() != null && img.parent().tagName().equals("a") ? img.parent() : img;
      Element p = new Element("p");
      fig.replaceWith(p);
      p.appendChild(top);
      prepareNode(top, false);
      return;
    }
    relinkAll(fig);
    for (Element i : fig.select("img")) {
      String src = i.attr("src");
      String alt = i.attr("alt");
      i.clearAttributes().attr("src", src).attr("alt", alt);
    }
    fig.removeAttr("class").removeAttr("style").removeAttr("id");
    fig.replaceWith(paragraph(block(raw(fig))));
  }

  private String image(Element img) {
    String src = relink.apply(img.attr("src"));
    String alt = img.attr("alt").replace("[", "").replace("]", "").replace("\n", " ");
    String title = img.attr("title");
    String dest = src.contains(" ") || src.contains("(") || src.contains(")") ? "<" + src + ">" : src;
    return "![" + alt + "](" + dest + (title.isBlank() ? "" : " \"" + title.replace("\"", "'") + "\"") + ")";
  }

  private void relinkAll(Element e) {
    for (Element x : e.select("[src]")) {
      x.attr("src", relink.apply(x.attr("src")));
    }
    for (Element x : e.select("a[href]")) {
      x.attr("href", relink.apply(x.attr("href")));
    }
    for (Element x : e.select("[poster]")) {
      x.attr("poster", relink.apply(x.attr("poster")));
    }
    for (Element x : e.select("img")) {
      x.removeAttr("srcset").removeAttr("sizes");
    }
  }

  private static String raw(Element e) {
    // No blank line may appear inside an HTML block, or Markdown ends it there.
    String html = e.outerHtml().replaceAll("\n\\s*\n", "\n");
    String tag = e.tagName();
    return HTML_BLOCK_STARTS.contains(tag) ? html : "<div>" + html + "</div>";
  }

  private static String pre(String html) {
    Document d = Jsoup.parseBodyFragment(html);
    Element pre = d.selectFirst("pre");
    if (pre == null) {
      return html;
    }
    String lang = "";
    Element code = pre.selectFirst("code");
    for (Element el : code == null ? List.of(pre) : List.of(code, pre)) {
      for (String cls : el.classNames()) {
        if (cls.startsWith("language-")) {
          lang = cls.substring(9);
        } else if (cls.startsWith("lang-")) {
          lang = cls.substring(5);
        } else if (cls.startsWith("brush:")) {
          lang = cls.substring(6);
        }
      }
      Matcher brush = Pattern.compile("brush:\\s*([\\w+#-]+)").matcher(el.attr("class"));
      if (lang.isEmpty() && brush.find()) {
        lang = brush.group(1);
      }
      if (lang.isEmpty() && el.hasAttr("lang")) {
        lang = el.attr("lang");
      }
    }
    return fenced(trimNewlines(pre.wholeText()), lang);
  }

  static String fenced(String code, String lang) {
    String fence = "```";
    while (code.contains(fence)) {
      fence += "`";
    }
    return fence + lang.strip().toLowerCase(Locale.ROOT) + "\n" + code + "\n" + fence;
  }

  private static String language(String tag, String attrText) {
    Map<String, String> attrs = Shortcodes.attributes(attrText);
    String lang = attrs.getOrDefault("lang", attrs.getOrDefault("language", attrs.getOrDefault("0", "")));
    if (lang.isEmpty() && !tag.equalsIgnoreCase("code") && !tag.equalsIgnoreCase("sourcecode") && !tag.equalsIgnoreCase("source")) {
      lang = tag;
    }
    return lang.replaceAll("[^\\w+#-]", "");
  }

  private static String trimNewlines(String s) {
    String t = s.replaceAll("^\\s*\n", "");
    return t.replaceAll("\\s+$", "");
  }

  // ---- placeholders -----------------------------------------------------------------------

  private String block(String markdownOrHtml) {
    placeholders.add(markdownOrHtml);
    return token(placeholders.size() - 1);
  }

  private String inline(String markdownOrHtml) {
    return block(markdownOrHtml);
  }

  private static String token(int i) {
    return String.format(Locale.ROOT, "inkstoneph%05dz", i);
  }

  private static Element paragraph(String token) {
    return new Element("p").text(token);
  }

  private String restore(String markdown) {
    String out = markdown;
    // Placeholders may nest (a figure holding an image): put them back until none is left.
    for (int round = 0; round < 4 && out.contains("inkstoneph"); round++) {
      StringBuilder sb = new StringBuilder();
      Matcher m = Pattern.compile("inkstoneph(\\d{5})z").matcher(out);
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(placeholders.get(Integer.parseInt(m.group(1)))));
      }
      m.appendTail(sb);
      out = sb.toString();
    }
    out = out.replaceAll("\n{3,}", "\n\n").strip();
    return out.isEmpty() ? "" : out + "\n";
  }

  private static String replaceAll(Pattern p, String text, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String attr(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  private static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
