package dev.inkstone.config;

import dev.inkstone.diagnostic.Problem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import dev.inkstone.config.WebConfig.Widget;

/**
 * Reads the {@code feeds}, {@code verification}, {@code analytics}, {@code comments},
 * {@code views} and {@code donate} sections of {@code site.yaml} into a {@link WebConfig}. Each
 * widget provider has its required keys checked here, and its optional keys filled with
 * defaults, so that a missing {@code repoId} is a problem with a line number rather than a
 * silently broken widget.
 */
final class WebConfigReader {

  /** provider → required keys, then optional keys with their defaults. */
  private record Spec(List<String> required, Map<String, String> defaults) {}

  private static final Map<String, Spec> COMMENTS = new LinkedHashMap<>();
  private static final Map<String, Spec> VIEWS = new LinkedHashMap<>();
  private static final Map<String, String> VERIFICATION = new LinkedHashMap<>();
  private static final Map<String, String> ANALYTICS = new LinkedHashMap<>();

  static {
    COMMENTS.put("giscus", new Spec(List.of("repo", "repoId", "category", "categoryId"), ordered(
        "mapping", "pathname", "strict", "0", "reactionsEnabled", "1", "inputPosition", "bottom", "theme", "preferred_color_scheme",
        "lang", "", "src", "https://giscus.app/client.js")));
    COMMENTS.put("waline", new Spec(List.of("serverURL"), ordered(
        "reaction", "false", "lang", "", "src", "https://unpkg.com/@waline/client@v3/dist/waline.js",
        "css", "https://unpkg.com/@waline/client@v3/dist/waline.css")));
    COMMENTS.put("twikoo", new Spec(List.of("envId"), ordered(
        "region", "", "lang", "", "src", "https://cdn.jsdelivr.net/npm/twikoo@1.6.44/dist/twikoo.all.min.js")));
    COMMENTS.put("utterances", new Spec(List.of("repo"), ordered(
        "issueTerm", "pathname", "label", "", "theme", "preferred-color-scheme", "src", "https://utteranc.es/client.js")));
    VIEWS.put("busuanzi", new Spec(List.of(), ordered("src", "https://busuanzi.ibruce.info/busuanzi/2.3/busuanzi.pure.mini.js")));
    VIEWS.put("waline", new Spec(List.of("serverURL"), ordered("src", "https://unpkg.com/@waline/client@v3/dist/pageview.js")));
    VERIFICATION.put("google", "google-site-verification");
    VERIFICATION.put("bing", "msvalidate.01");
    VERIFICATION.put("baidu", "baidu-site-verification");
    ANALYTICS.put("google", "https://www.googletagmanager.com/gtag/js?id=");
    ANALYTICS.put("plausible", "https://plausible.io/js/script.js");
    ANALYTICS.put("umami", "https://cloud.umami.is/script.js");
    ANALYTICS.put("baidu", "https://hm.baidu.com/hm.js?");
  }

  private final Path file;
  private final List<Problem> problems;
  private final YamlFields fields;

  WebConfigReader(Path file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
    this.fields = new YamlFields(file, problems);
  }

  WebConfig read(YamlValue.Mapping root) {
    Widget comments = widget(root, "comments", COMMENTS, Map.of());
    Map<String, String> inherited = comments.provider().equals("waline") ? Map.of("serverURL", comments.options().get("serverURL")) : Map.of();
    return new WebConfig(feeds(root), verification(root), analytics(root), comments, widget(root, "views", VIEWS, inherited),
        donate(root));
  }

  private WebConfig.Feeds feeds(YamlValue.Mapping root) {
    YamlValue.Mapping m = fields.mapping(root, "feeds");
    if (m == null) {
      return WebConfig.Feeds.DEFAULT;
    }
    known(m, "feeds", Set.of("enabled", "content", "limit", "terms"));
    String content = fields.text(m, "content", "full");
    if (!content.equals("full") && !content.equals("excerpt")) {
      fields.problem(m.get("content"), "`feeds.content` must be `full` or `excerpt`", "`full` puts the whole post in each entry");
    }
    int limit = WebConfig.Feeds.DEFAULT.limit();
    YamlValue l = m.get("limit");
    if (l instanceof YamlValue.Scalar s && s.value() instanceof Long n && n >= 1 && n <= 100_000) {
      limit = n.intValue();
    } else if (l != null) {
      fields.problem(l, "`feeds.limit` must be a whole number of at least 1", "e.g. `limit: 20`");
    }
    return new WebConfig.Feeds(fields.bool(m, "enabled", true), !content.equals("excerpt"), limit, termFeeds(m.get("terms")));
  }

  /** {@code terms: rss} (the default, also {@code true}), {@code atom}, {@code both} or {@code false}. */
  private WebConfig.TermFeeds termFeeds(YamlValue v) {
    if (v == null || v instanceof YamlValue.Scalar s && s.isNull()) {
      return WebConfig.Feeds.DEFAULT.terms();
    }
    String found = v.describe();
    if (v instanceof YamlValue.Scalar s && s.value() instanceof Boolean on) {
      return on ? WebConfig.TermFeeds.RSS : WebConfig.TermFeeds.NONE;
    }
    if (v instanceof YamlValue.Scalar s && s.value() instanceof String name) {
      WebConfig.TermFeeds named = switch (name) {
        case "rss" -> WebConfig.TermFeeds.RSS;
        case "atom" -> WebConfig.TermFeeds.ATOM;
        case "both" -> WebConfig.TermFeeds.BOTH;
        default -> null;
      };
      if (named != null) {
        return named;
      }
      found = "`" + name + "`";
    }
    fields.problem(v, "`feeds.terms` must be `rss`, `atom`, `both` or `false`, found " + found,
        "`rss` gives each category and tag a feed.xml; `both` adds an atom.xml");
    return WebConfig.Feeds.DEFAULT.terms();
  }

  private Map<String, String> verification(YamlValue.Mapping root) {
    Map<String, String> out = new LinkedHashMap<>();
    YamlValue.Mapping m = fields.mapping(root, "verification");
    if (m == null) {
      return out;
    }
    known(m, "verification", VERIFICATION.keySet());
    for (Map.Entry<String, String> e : VERIFICATION.entrySet()) {
      String token = fields.text(m, e.getKey(), "");
      if (!token.isBlank()) {
        out.put(e.getValue(), token.trim());
      }
    }
    return out;
  }

  private Map<String, Map<String, String>> analytics(YamlValue.Mapping root) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    YamlValue.Mapping m = fields.mapping(root, "analytics");
    if (m == null) {
      return out;
    }
    known(m, "analytics", ANALYTICS.keySet());
    for (Map.Entry<String, String> e : ANALYTICS.entrySet()) {
      YamlValue v = m.get(e.getKey());
      if (v == null || v instanceof YamlValue.Scalar s && (s.isNull() || Boolean.FALSE.equals(s.value()))) {
        continue;
      }
      String id;
      String src = null;
      if (v instanceof YamlValue.Mapping service) {
        known(service, "analytics." + e.getKey(), Set.of("id", "src"));
        id = fields.text(service, "id", "");
        src = fields.text(service, "src", null);
      } else {
        id = fields.text(m, e.getKey(), "");
      }
      if (id.isBlank()) {
        fields.problem(v, "`analytics." + e.getKey() + "` has no id", hintFor(e.getKey()));
        continue;
      }
      id = id.trim();
      boolean appendId = e.getValue().endsWith("=") || e.getValue().endsWith("?");
      out.put(e.getKey(), Map.of("id", id, "src", src != null ? src : appendId ? e.getValue() + id : e.getValue()));
    }
    return out;
  }

  private static String hintFor(String service) {
    return switch (service) {
      case "google" -> "write the measurement id: `google: G-XXXXXXXXXX`";
      case "plausible" -> "write the site's domain as Plausible knows it: `plausible: example.org`";
      case "umami" -> "write the website id: `umami: {id: 94db1cb1-74f4-4a40-ad6c-962362670409}`";
      default -> "write the hm.js key from Baidu Tongji's install code: `baidu: 0123456789abcdef0123456789abcdef`";
    };
  }

  private Widget widget(YamlValue.Mapping root, String key, Map<String, Spec> specs, Map<String, String> inherited) {
    YamlValue v = root.get(key);
    if (v == null || v instanceof YamlValue.Scalar s && (s.isNull() || Boolean.FALSE.equals(s.value()))) {
      return Widget.off();
    }
    if (!(v instanceof YamlValue.Mapping m)) {
      fields.problem(v, "`" + key + "` must be a mapping with a `provider`", "e.g. `" + key + ":` then `provider: " + specs.keySet().iterator().next()
          + "` and its settings, indented");
      return Widget.off();
    }
    String provider = fields.text(m, "provider", "");
    if (provider.isBlank() || provider.equals("none")) {
      return Widget.off();
    }
    Spec spec = specs.get(provider);
    if (spec == null) {
      fields.problem(m.get("provider"), "unknown " + key + " provider `" + provider + "`", "use one of " + String.join(", ", specs.keySet()));
      return Widget.off();
    }
    Set<String> allowed = new java.util.HashSet<>(spec.required());
    allowed.addAll(spec.defaults().keySet());
    allowed.add("provider");
    known(m, key + " (" + provider + ")", allowed);
    Map<String, String> options = new LinkedHashMap<>();
    boolean complete = true;
    for (String r : spec.required()) {
      String value = fields.text(m, r, inherited.getOrDefault(r, ""));
      if (value.isBlank()) {
        YamlValue.Entry at = root.entries().get(key);
        problems.add(Problem.at(file, at.line(), at.column(), "`" + key + "` with provider " + provider + " needs `" + r + "`",
            "add `" + r + ": ...` under `" + key + ":` (the provider's setup page shows the value)"));
        complete = false;
      }
      options.put(r, value.trim());
    }
    for (Map.Entry<String, String> d : spec.defaults().entrySet()) {
      options.put(d.getKey(), fields.text(m, d.getKey(), d.getValue()));
    }
    return complete ? new Widget(provider, options) : Widget.off();
  }

  private List<WebConfig.DonateItem> donate(YamlValue.Mapping root) {
    List<WebConfig.DonateItem> out = new ArrayList<>();
    YamlValue v = root.get("donate");
    if (v == null || v instanceof YamlValue.Scalar s && s.isNull()) {
      return out;
    }
    if (!(v instanceof YamlValue.Sequence seq)) {
      fields.problem(v, "`donate` must be a list of QR codes", "e.g. `donate:` then `- label: 微信支付` and `image: /images/wechat.png`");
      return out;
    }
    for (YamlValue item : seq.items()) {
      if (!(item instanceof YamlValue.Mapping m) || fields.text(m, "image", "").isBlank()) {
        fields.problem(item, "a donate entry needs an `image`", "write `- label: 支付宝` and `image: /images/alipay.png` on the next line");
        continue;
      }
      known(m, "donate", Set.of("label", "image"));
      out.add(new WebConfig.DonateItem(fields.text(m, "label", ""), fields.text(m, "image", "").trim()));
    }
    return out;
  }

  // ---- small readers ---------------------------------------------------------------------

  private void known(YamlValue.Mapping m, String section, Set<String> keys) {
    fields.unknownKeys(m, keys::contains, k -> "unknown setting `" + k + "` in `" + section + "`",
        "known here: " + String.join(", ", keys.stream().sorted().toList()));
  }

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
