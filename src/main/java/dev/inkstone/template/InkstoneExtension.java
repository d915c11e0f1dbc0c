package dev.inkstone.template;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The filters, functions and tag Inkstone adds to Pebble.
 *
 * <ul>
 *   <li>{@code {{ '/css/style.css' | url }}} puts the site's base path in front of a
 *       site-relative URL: under {@code https://x.org/blog/} it gives {@code /blog/css/style.css}.
 *       Absolute URLs, fragments and empty strings are left alone.
 *   <li>{@code {{ t('page_n', {'n': 2}) }}} looks up a UI string and fills its {@code {name}}
 *       placeholders; an unknown key is an error, like any other typo.
 *   <li>{@code {% cache card.url %}…{% endcache %}} makes a block once per build and copies it
 *       wherever it is shown again ({@link BlockCache}).
 * </ul>
 */
final class InkstoneExtension extends AbstractExtension {
  private final String basePath;
  private final Map<String, String> i18n;
  private final BlockCache blocks;

  InkstoneExtension(String basePath, Map<String, String> i18n, BlockCache blocks) {
    this.basePath = normalizeBasePath(basePath);
    this.i18n = i18n;
    this.blocks = blocks;
  }

  static String basePathOf(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      return "";
    }
    String path = URI.create(baseUrl.strip()).getRawPath();
    return normalizeBasePath(path);
  }

  static String normalizeBasePath(String path) {
    if (path == null) {
      return "";
    }
    String p = path.strip();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (!p.isEmpty() && !p.startsWith("/")) {
      p = "/" + p;
    }
    return p;
  }

  String url(String url) {
    if (url.isEmpty() || !url.startsWith("/") || url.startsWith("//")) {
      return url;
    }
    // URLs in the view records already carry the base path; only theme paths like
    // '/css/style.css' need it, so the filter is idempotent.
    if (!basePath.isEmpty() && (url.equals(basePath) || url.startsWith(basePath + "/"))) {
      return url;
    }
    return basePath + url;
  }

  @Override
  public List<TokenParser> getTokenParsers() {
    return List.of(blocks);
  }

  @Override
  public Map<String, Filter> getFilters() {
    return Map.of("url", new UrlFilter());
  }

  /** Asked before Pebble's own resolver: see {@link ViewAttributes}. */
  @Override
  public List<AttributeResolver> getAttributeResolver() {
    return List.of(new ViewAttributes());
  }

  @Override
  public Map<String, Function> getFunctions() {
    return Map.of("t", new TranslateFunction());
  }

  private final class UrlFilter implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
      return input == null ? null : url(input.toString());
    }
  }

  private final class TranslateFunction implements Function {
    @Override
    public List<String> getArgumentNames() {
      return List.of("key", "args");
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
      Object key = args.get("key");
      String text = key == null ? null : i18n.get(key.toString());
      if (text == null) {
        throw new PebbleException(null, "no UI string '" + key + "' in the theme's i18n files", lineNumber, self.getName());
      }
      if (args.get("args") instanceof Map<?, ?> values) {
        for (Map.Entry<?, ?> e : values.entrySet()) {
          text = text.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
      }
      return text;
    }
  }
}
