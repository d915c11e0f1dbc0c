package dev.inkstone.markdown;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A document turned into HTML: the HTML rendered at parse time with its links' placeholders and
 * the links they resolve to, filled in when asked. A post page asks for {@link #htmlUtf8()}, the
 * form it is written in, which fills the links into the encoded bytes: filling a string first
 * and encoding it after took about six times the post's size in short-lived memory.
 */
public final class RenderedMarkdown {
  private final String template;
  /** What each placeholder of {@code template} becomes; null when {@code template} is final. */
  private final List<String> resolved;
  /** Where the excerpt ends in {@code template}, or -1 without a more marker. */
  private final int excerptEnd;
  /** The excerpt, when {@code template} is final; a document without a marker has none. */
  private final String finalExcerpt;
  private final List<TocEntry> toc;
  /** {@link #html()} and {@link #excerptHtml()}, once made; threads racing make equal strings. */
  private String html;
  private String excerpt;

  private RenderedMarkdown(String template, List<String> resolved, int excerptEnd, String finalExcerpt, List<TocEntry> toc) {
    this.template = Objects.requireNonNull(template, "html");
    this.resolved = resolved;
    this.excerptEnd = excerptEnd;
    this.finalExcerpt = finalExcerpt;
    this.toc = List.copyOf(toc);
  }

  /** HTML already final: nothing left to fill in. */
  static RenderedMarkdown of(String html, String excerptHtml, List<TocEntry> toc) {
    return new RenderedMarkdown(html, null, -1, excerptHtml, toc);
  }

  /** HTML with placeholders, each filled in with its resolved link when the HTML is asked for. */
  static RenderedMarkdown filled(String template, List<String> resolved, int excerptEnd, List<TocEntry> toc) {
    return new RenderedMarkdown(template, List.copyOf(resolved), excerptEnd, null, toc);
  }

  /** The whole body. */
  public String html() {
    String made = html;
    if (made == null) {
      made = resolved == null ? template : Placeholders.fill(template, resolved);
      html = made;
    }
    return made;
  }

  /** The whole body as UTF-8: {@code html().getBytes(UTF_8)}, made without the string. */
  public Utf8 htmlUtf8() {
    String made = html;
    if (made != null || resolved == null) {
      byte[] bytes = (made != null ? made : template).getBytes(StandardCharsets.UTF_8);
      return new Utf8(bytes, bytes.length);
    }
    return Placeholders.fillUtf8(template, resolved);
  }

  /**
   * The part before the {@code <!--more-->} marker, or {@code null} when the document has no
   * marker (see {@link Excerpts#auto} for a fallback).
   */
  public String excerptHtml() {
    if (resolved == null || excerptEnd < 0) {
      return finalExcerpt;
    }
    String made = excerpt;
    if (made == null) {
      made = Placeholders.fill(template.substring(0, excerptEnd), resolved);
      excerpt = made;
    }
    return made;
  }

  /**
   * Whether the HTML contains {@code s}, asked without filling in the links: true when the HTML
   * around them or a link itself contains it (text reaching across a link's edge is not seen).
   */
  public boolean contains(String s) {
    if (html != null || resolved == null) {
      return (html != null ? html : template).contains(s);
    }
    if (template.contains(s)) {
      return true;
    }
    for (String link : resolved) {
      if (link.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** The headings as a tree. */
  public List<TocEntry> toc() {
    return toc;
  }

  /** UTF-8 bytes, of which the first {@code length} count. */
  public record Utf8(byte[] bytes, int length) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof RenderedMarkdown r && html().equals(r.html()) && Objects.equals(excerptHtml(), r.excerptHtml()) && toc.equals(r.toc);
  }

  @Override
  public int hashCode() {
    return Objects.hash(html(), excerptHtml(), toc);
  }

  @Override
  public String toString() {
    return "RenderedMarkdown[html=" + html() + ", excerptHtml=" + excerptHtml() + ", toc=" + toc + "]";
  }
}
