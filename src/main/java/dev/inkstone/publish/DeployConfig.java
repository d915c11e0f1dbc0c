package dev.inkstone.publish;

import dev.inkstone.config.YamlReader;
import dev.inkstone.config.YamlFields;
import dev.inkstone.config.YamlValue;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code deploy:} section of site.yaml: named targets, each with a {@code type}, and
 * optionally {@code default:} naming the one {@code inkstone publish} uses without an argument.
 *
 * <pre>
 * deploy:
 *   default: pages
 *   pages: {type: git, repo: git@github.com:me/me.github.io.git, branch: gh-pages, cname: blog.example.org, nojekyll: true}
 *   nas:   {type: dir, to: /srv/www/blog}
 *   r2:    {type: s3, bucket: blog, endpoint: https://ACCOUNT.r2.cloudflarestorage.com, region: auto}
 * </pre>
 */
final class DeployConfig {
  private static final Set<String> SECRETS = Set.of("accesskey", "accesskeyid", "secretkey", "secretaccesskey", "secret", "password",
      "token", "aws_access_key_id", "aws_secret_access_key", "credential", "credentials");
  private static final Map<String, Set<String>> KEYS = Map.of(
      "git", Set.of("type", "repo", "branch", "cname", "nojekyll", "message"),
      "dir", Set.of("type", "to"),
      "s3", Set.of("type", "bucket", "endpoint", "region", "prefix", "pathStyle", "profile"));

  /** The targets by name in the order written, and the default's name or null. */
  record Targets(Map<String, Target> byName, String defaultName) {}

  private final Path file;
  private final Path blogRoot;
  private final List<Problem> problems = new ArrayList<>();
  private final YamlFields fields;

  private DeployConfig(Path file, Path blogRoot) {
    this.file = file;
    this.blogRoot = blogRoot;
    this.fields = new YamlFields(file, problems);
  }

  static Targets read(Optional<SourceFile> config, Path blogRoot) {
    if (config.isEmpty()) {
      return new Targets(Map.of(), null);
    }
    SourceFile f = config.get();
    String text = new String(f.bytes(), StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    YamlValue root = YamlReader.read(text, f.path(), 1);
    YamlValue deploy = root instanceof YamlValue.Mapping m ? m.get("deploy") : null;
    DeployConfig reader = new DeployConfig(f.path(), blogRoot);
    Targets targets = reader.targets(deploy);
    if (!reader.problems.isEmpty()) {
      throw new ProblemsException(reader.problems);
    }
    return targets;
  }

  private Targets targets(YamlValue deploy) {
    Map<String, Target> out = new LinkedHashMap<>();
    if (deploy == null || deploy instanceof YamlValue.Scalar s && s.isNull()) {
      return new Targets(out, null);
    }
    if (!(deploy instanceof YamlValue.Mapping m)) {
      problems.add(Problem.at(file, deploy.line(), deploy.column(), "`deploy` must be a mapping of named targets",
          "e.g. deploy: then `pages: {type: git, repo: ..., branch: gh-pages}` indented below"));
      return new Targets(out, null);
    }
    String defaultName = null;
    for (YamlValue.Entry e : m.entries().values()) {
      if (e.key().equals("default")) {
        defaultName = text(e.value(), "default");
        continue;
      }
      Target t = target(e);
      if (t != null) {
        out.put(e.key(), t);
      }
    }
    if (defaultName != null && !out.containsKey(defaultName)) {
      YamlValue v = m.get("default");
      problems.add(Problem.at(file, v.line(), v.column(), "`default` names no target: " + defaultName,
          "targets: " + String.join(", ", out.keySet())));
    }
    return new Targets(out, defaultName);
  }

  private Target target(YamlValue.Entry e) {
    if (!(e.value() instanceof YamlValue.Mapping m)) {
      problems.add(Problem.at(file, e.line(), e.column(), "deploy target `" + e.key() + "` must be a mapping",
          "e.g. `" + e.key() + ": {type: dir, to: /srv/www}`"));
      return null;
    }
    for (YamlValue.Entry k : m.entries().values()) {
      if (SECRETS.contains(k.key().toLowerCase(Locale.ROOT).replace("-", ""))) {
        problems.add(Problem.at(file, k.line(), k.column(), "credentials do not belong in site.yaml (`" + k.key() + "`)",
            "remove it (and rotate it if it was ever committed); set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or use ~/.aws/credentials,"
                + " and git's own credential helper or SSH key"));
      }
    }
    String type = m.get("type") == null ? null : text(m.get("type"), "type");
    if (type == null || !KEYS.containsKey(type)) {
      YamlValue at = m.get("type") == null ? m : m.get("type");
      problems.add(Problem.at(file, at.line(), at.column(), "deploy target `" + e.key() + "` needs `type: git`, `type: dir` or `type: s3`",
          "add the type of target"));
      return null;
    }
    // a secret is reported as a secret, not as an unknown setting
    fields.unknownKeys(m, k -> KEYS.get(type).contains(k) || SECRETS.contains(k.toLowerCase(Locale.ROOT).replace("-", "")),
        k -> "unknown setting `" + k + "` for a " + type + " target", "known: " + String.join(", ", KEYS.get(type).stream().sorted().toList()));
    return switch (type) {
      case "git" -> new Target.Git(e.key(), repo(required(m, "repo", e)), string(m, "branch", "gh-pages"), string(m, "cname", null),
          fields.bool(m, "nojekyll", false), string(m, "message", "Publish site with Inkstone"));
      case "dir" -> {
        String to = required(m, "to", e);
        yield to == null ? null : new Target.Dir(e.key(), blogRoot.resolve(to).toAbsolutePath().normalize());
      }
      default -> new Target.S3(e.key(), required(m, "bucket", e), string(m, "endpoint", null), string(m, "region", null),
          string(m, "prefix", ""), fields.bool(m, "pathStyle", m.has("endpoint")), string(m, "profile", null));
    };
  }

  private String repo(String repo) {
    return GitPublisher.address(repo, blogRoot);
  }

  private String required(YamlValue.Mapping m, String key, YamlValue.Entry target) {
    String v = string(m, key, null);
    if (v == null || v.isBlank()) {
      problems.add(Problem.at(file, target.line(), target.column(), "deploy target `" + target.key() + "` has no `" + key + "`",
          "add `" + key + ": ...`"));
      return null;
    }
    return v;
  }

  /** Text, trimmed; unlike other settings, a deploy setting rejects true and false as text. */
  private String string(YamlValue.Mapping m, String key, String fallback) {
    YamlValue v = m.get(key);
    if (v == null || v instanceof YamlValue.Scalar s && s.isNull()) {
      return fallback;
    }
    String t = text(v, key);
    return t == null ? fallback : t;
  }

  private String text(YamlValue v, String key) {
    if (v instanceof YamlValue.Scalar s && s.value() != null && !(s.value() instanceof Boolean)) {
      return String.valueOf(s.value()).trim();
    }
    problems.add(Problem.at(file, v.line(), v.column(), "`" + key + "` must be text, found " + v.describe(), "write `" + key + ": ...`"));
    return null;
  }
}
