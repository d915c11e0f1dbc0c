package dev.inkstone.scaffold;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.source.YamlStrings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Templates for new files. {@code archetypes/post.md} in the blog folder wins over the same file
 * in the theme (child theme first), which wins over the built-in one. Placeholders are
 * {@code {{ name }}}; their values are already written as YAML where they sit in front matter.
 */
final class Archetypes {
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  /** A template and where it came from. */
  record Archetype(String text, Path file, String origin) {}

  private Archetypes() {}

  static Archetype find(Path blogRoot, List<Path> themeRoots, String name) {
    List<Path> candidates = new ArrayList<>();
    candidates.add(blogRoot.resolve("archetypes").resolve(name + ".md"));
    for (Path root : themeRoots) {
      candidates.add(root.resolve("archetypes").resolve(name + ".md"));
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        try {
          Path shown = p.startsWith(blogRoot) ? blogRoot.relativize(p) : p;
          return new Archetype(Files.readString(p, StandardCharsets.UTF_8), shown, shown.toString().replace('\\', '/'));
        } catch (IOException e) {
          throw new ProblemsException(Problem.in(p, "cannot read the archetype: " + e.getMessage(), "check the file's permissions"));
        }
      }
    }
    return new Archetype(builtIn("archetypes/" + name + ".md"), null, "built-in");
  }

  /** Fills every placeholder; an unknown one is a problem at its line, all reported together. */
  static String fill(Archetype archetype, Map<String, String> values) {
    List<Problem> problems = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(archetype.text());
    while (m.find()) {
      String key = m.group(1);
      String value = values.get(key);
      if (value == null) {
        int line = 1 + (int) archetype.text().substring(0, m.start()).chars().filter(c -> c == '\n').count();
        problems.add(Problem.at(archetype.file(), line, 0, "unknown placeholder `" + m.group() + "` in the archetype",
            "placeholders: " + String.join(", ", values.keySet().stream().sorted().map(k -> "{{ " + k + " }}").toList())));
        value = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return out.toString();
  }

  static String builtIn(String name) {
    try (InputStream in = Archetypes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML flow list of quoted strings: {@code ["a", "b"]}, or {@code []}. */
  static String list(List<String> items) {
    return "[" + String.join(", ", items.stream().map(YamlStrings::quoted).toList()) + "]";
  }
}
