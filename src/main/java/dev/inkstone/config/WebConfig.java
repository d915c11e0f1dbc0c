package dev.inkstone.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code site.yaml} says about the site's life on the web: feeds, search-engine
 * verification, analytics, comment and view-counter widgets, and the donate QR codes. Every
 * widget and every analytics service is off unless configured.
 *
 * @param feeds the RSS and Atom feeds
 * @param verification meta tag name → token, e.g. {@code google-site-verification → abc}
 * @param analytics service ({@code google}, {@code plausible}, {@code umami}, {@code baidu}) →
 *     its options, always with {@code id} and {@code src}; empty when none is configured
 * @param comments the comment widget; {@link Widget#off()} by default
 * @param views the page-view counter; {@link Widget#off()} by default
 * @param donate the QR codes of the donate page, in the order written
 */
public record WebConfig(
    Feeds feeds,
    Map<String, String> verification,
    Map<String, Map<String, String>> analytics,
    Widget comments,
    Widget views,
    List<DonateItem> donate) {

  public WebConfig {
    verification = frozen(verification);
    Map<String, Map<String, String>> a = new LinkedHashMap<>();
    analytics.forEach((k, v) -> a.put(k, frozen(v)));
    analytics = Collections.unmodifiableMap(a);
    donate = List.copyOf(donate);
  }

  public static WebConfig defaults() {
    return new WebConfig(Feeds.DEFAULT, Map.of(), Map.of(), Widget.off(), Widget.off(), List.of());
  }

  /**
   * @param enabled whether any feed is written
   * @param fullContent the whole post in each entry; else the excerpt
   * @param limit entries per feed, newest first
   * @param terms the feeds each category and tag has as well
   */
  public record Feeds(boolean enabled, boolean fullContent, int limit, TermFeeds terms) {
    public static final Feeds DEFAULT = new Feeds(true, true, 20, TermFeeds.RSS);
  }

  /**
   * The formats of a category's or a tag's feed. One is the default: every feed reader reads RSS
   * 2.0, and a pair for each of hundreds of terms doubles the files a blog publishes for none of
   * them (the site-wide feed keeps both).
   */
  public enum TermFeeds {
    NONE, RSS, ATOM, BOTH;

    public boolean rss() {
      return this == RSS || this == BOTH;
    }

    public boolean atom() {
      return this == ATOM || this == BOTH;
    }
  }

  /**
   * A third-party widget.
   *
   * @param provider e.g. {@code giscus}; empty when the widget is off
   * @param options the provider's settings with defaults filled in, so templates can read
   *     every documented key
   */
  public record Widget(String provider, Map<String, String> options) {
    public Widget {
      options = frozen(options);
    }

    public static Widget off() {
      return new Widget("", Map.of());
    }

    public boolean on() {
      return !provider.isEmpty();
    }
  }

  /** One QR code of the donate page: {@code label} (e.g. 微信支付) and the image's site path or URL. */
  public record DonateItem(String label, String image) {}

  private static Map<String, String> frozen(Map<String, String> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
