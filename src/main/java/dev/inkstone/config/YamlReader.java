package dev.inkstone.config;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text (front matter, {@code site.yaml}, data files) into a {@link YamlValue} tree that
 * keeps positions, without the YAML 1.1 surprises.
 *
 * <p>Which text becomes which value, for unquoted (plain) scalars only:
 *
 * <ul>
 *   <li>{@code true}, {@code false} (also {@code True}, {@code TRUE}, ...) become {@code Boolean};
 *       {@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n} stay text.
 *   <li>{@code -?(0|[1-9][0-9]*)} becomes {@code Long}; {@code 0755}, {@code 1.10}, {@code 1e3},
 *       {@code 0x1F} and integers too large for a {@code long} stay text, exactly as written.
 *   <li>{@code ~}, {@code null}, {@code Null}, {@code NULL} and nothing at all become {@code null}.
 *   <li>Everything else is text, timestamps included: dates are parsed later with {@code
 *       java.time}, so they never pass through {@code java.util.Date} and the JVM's zone.
 * </ul>
 *
 * <p>Quoted scalars are always text. Keys are always the text as written, so {@code no: no} is
 * the key "no". Merge keys ({@code <<: *base}) work; explicit keys win over merged ones. Aliases
 * are expanded; the expanded value keeps the position of the anchored original.
 *
 * <p>Limits, so that hostile input fails fast with a problem instead of hanging or exhausting
 * memory: {@value #MAX_CODE_POINTS} code points, {@value #MAX_DEPTH} levels of nesting, {@value
 * #MAX_ALIASES} aliases to lists or mappings, and a cap on the number of values after aliases are
 * expanded (which is what stops a "billion laughs" document: 50 aliases can still multiply).
 *
 * <p>Thread-safe: every call builds its own parser and composer; the options and the resolver they
 * share are only read.
 */
public final class YamlReader {

  /** Largest YAML text read, in code points (1 MiB of ASCII). */
  public static final int MAX_CODE_POINTS = 1024 * 1024;

  /** Deepest nesting of lists and mappings. */
  public static final int MAX_DEPTH = 50;

  /** Most aliases ({@code *name}) to lists or mappings in one document. */
  public static final int MAX_ALIASES = 50;

  // Expansion allowance on top of the input size: without aliases a document can't hold more
  // values than characters, so this only bites when aliases multiply.
  private static final int EXTRA_VALUES = 100_000;

  private static final Pattern PLAIN_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
  private static final Pattern PLAIN_INT = Pattern.compile("^-?(?:0|[1-9][0-9]*)$");
  private static final Pattern PLAIN_NULL = Pattern.compile("^(?:~|null|Null|NULL)$");
  private static final Pattern PLAIN_MERGE = Pattern.compile("^<<$");

  private YamlReader() {}

  /**
   * Reads one YAML document.
   *
   * @param text the YAML, without {@code ---} fences
   * @param file the file to name in problems, relative to the blog folder
   * @param firstLine the 1-based line of {@code file} on which {@code text} starts (2 for front
   *     matter after a {@code ---} line, 1 for a whole {@code .yaml} file)
   * @return the document; an empty document is a null {@link YamlValue.Scalar}
   * @throws ProblemsException for a syntax error (one problem: the parser stops there), or for
   *     every duplicate key, unsupported tag and the like found in the document
   * @see #read(String, Path, int, List)
   */
  public static YamlValue read(String text, Path file, int firstLine) throws ProblemsException {
    List<Problem> problems = new ArrayList<>();
    YamlValue value = read(text, file, firstLine, problems);
    if (!problems.isEmpty()) {
      throw new ProblemsException(problems);
    }
    return value;
  }

  /**
   * Reads one YAML document as far as it can, for callers that go on checking the value and want
   * to report everything at once.
   *
   * <p>Problems that still leave a usable value are added to {@code problems} and the value is
   * returned: a duplicate key (the first one is kept), an unsupported tag (read as text), an
   * alias inside its own anchor (read as null). Problems that leave nothing to read (syntax
   * errors, the limits) are thrown.
   *
   * @param problems where to add the problems that do not stop reading
   * @throws ProblemsException when nothing usable can be read
   */
  public static YamlValue read(String text, Path file, int firstLine, List<Problem> problems)
      throws ProblemsException {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(problems, "problems");
    if (firstLine < 1) {
      throw new IllegalArgumentException("firstLine is 1-based: " + firstLine);
    }
    if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
      throw new ProblemsException(
          Problem.at(
              file,
              firstLine,
              0,
              "the YAML is larger than 1 MiB",
              "split it into smaller files; Inkstone refuses larger YAML to stay safe"));
    }

    Node root;
    try {
      // the node tree is all we read, so no Yaml object: its constructor and representer would
      // be set up for every post only to be thrown away
      root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), LOADER), RESOLVER, LOADER).getSingleNode();
    } catch (MarkedYAMLException e) {
      throw new ProblemsException(syntaxProblem(e, file, firstLine));
    } catch (YAMLException e) {
      throw new ProblemsException(limitProblem(e, file, firstLine));
    } catch (StackOverflowError e) {
      // Deep flow nesting like [[[[... can recurse in the parser before the depth check.
      throw new ProblemsException(
          Problem.at(file, firstLine, 0, "the YAML is nested too deeply", "flatten the structure"));
    }
    if (root == null) {
      return new YamlValue.Scalar(null, firstLine, 1);
    }
    Converter converter = new Converter(file, firstLine, text.length() + EXTRA_VALUES);
    YamlValue value = converter.convert(root, 0);
    problems.addAll(converter.problems);
    return value;
  }

  /** The parser's limits; only read once set, so every thread shares them. */
  private static final LoaderOptions LOADER = loaderOptions();
  /** Read-only once built, so shared too. */
  private static final Resolver RESOLVER = new PlainResolver();

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    // Duplicates are found while converting (compose() does not check), but keep the guard on
    // in case the options are used to load.
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS + 16);
    return options;
  }

  /** Only the YAML 1.2 core spellings, and no timestamps or floats: see the class comment. */
  private static final class PlainResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, PLAIN_BOOL, "tTfF", 10);
      addImplicitResolver(Tag.INT, PLAIN_INT, "-0123456789", 40);
      addImplicitResolver(Tag.MERGE, PLAIN_MERGE, "<", 10);
      addImplicitResolver(Tag.NULL, PLAIN_NULL, "~nN", 10);
      addImplicitResolver(Tag.NULL, Resolver.EMPTY, null, 10);
    }
  }

  private static Problem syntaxProblem(MarkedYAMLException e, Path file, int firstLine) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String[] words = explain(problem, context);
    // For something left open (a quote, a bracket) the parser notices at the end of the text;
    // the author needs the place where it was opened.
    boolean leftOpen = words[0].contains("not closed");
    Mark mark =
        leftOpen && e.getContextMark() != null
            ? e.getContextMark()
            : e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    int line = mark == null ? firstLine : firstLine + mark.getLine();
    int column = mark == null ? 0 : mark.getColumn() + 1;
    return Problem.at(file, line, column, words[0], words[1]);
  }

  /** SnakeYAML's parser jargon, in the words an author understands: {message, hint}. */
  static String[] explain(String problem, String context) {
    String p = problem.toLowerCase(Locale.ROOT);
    String c = context.toLowerCase(Locale.ROOT);
    if (p.contains("'\\t'") || p.contains("tab")) {
      return new String[] {
        "a tab character where YAML expects spaces", "indent with spaces, not tabs"
      };
    }
    if (p.contains("mapping values are not allowed")) {
      return new String[] {
        "unexpected ':' inside a value",
        "quote values that contain ': ', e.g. title: \"Java: the good parts\""
      };
    }
    if (p.contains("could not find expected ':'")) {
      return new String[] {
        "a line is neither `key: value` nor part of the value above it",
        "check the indentation, and that every key is followed by ': '"
      };
    }
    if (p.contains("global tag is not allowed")) {
      return new String[] {
        "the YAML tag " + problem.replaceFirst("^Global tag is not allowed: ", "") + " is not supported",
        "remove the tag; only plain text, numbers, true/false, lists and mappings are read"
      };
    }
    if (p.contains("found undefined alias")) {
      return new String[] {
        "an alias (*name) refers to an anchor (&name) that is not defined before it",
        "define the anchor first, or quote the value if the * was meant literally"
      };
    }
    if (p.contains("found duplicate anchor")) {
      return new String[] {"the same anchor (&name) is defined twice", "rename one of them"};
    }
    if (c.contains("expected a single document") || p.contains("expected a single document")) {
      return new String[] {
        "more than one YAML document (a second ---)", "keep a single document; remove the extra ---"
      };
    }
    if ((p.contains("cannot start any token") || p.contains("cannot start"))
        && (p.contains("'@'") || p.contains("'`'"))) {
      return new String[] {
        "a value cannot start with @ or ` unless it is quoted", "put the value in quotes"
      };
    }
    if (p.contains("cannot start any token")) {
      return new String[] {
        "a character that cannot start a value (" + problem.replaceFirst("^found character ", "") + ")",
        "put the value in quotes"
      };
    }
    if (c.contains("quoted scalar") || p.contains("end of stream") && c.contains("scalar")) {
      return new String[] {
        "a quoted value is not closed", "close the quote, or escape quotes inside the value"
      };
    }
    if (c.contains("flow sequence") || c.contains("flow mapping")) {
      return new String[] {
        "a [list] or {mapping} written on one line is not closed properly",
        "check the brackets and commas; quote values that contain , [ ] { } or :"
      };
    }
    if (p.contains("expected <block end>") || c.contains("block mapping") || c.contains("block collection")) {
      return new String[] {
        "the indentation does not line up", "check the indentation: keys at the same level start in the same column"
      };
    }
    if (p.contains("special characters are not allowed") || p.contains("unacceptable code point")) {
      return new String[] {
        "a control character that YAML does not allow", "remove the invisible character"
      };
    }
    String raw = problem.isEmpty() ? context : problem;
    return new String[] {
      "YAML syntax error: " + raw,
      "check the indentation, and quote values that contain ': ', '#', or start with [ { * & ! | > @ `"
    };
  }

  private static Problem limitProblem(YAMLException e, Path file, int firstLine) {
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (m.contains("aliases")) {
      return Problem.at(
          file,
          firstLine,
          0,
          "more than " + MAX_ALIASES + " aliases (*name) to lists or mappings",
          "write the values out; the limit stops documents that expand without end");
    }
    if (m.contains("nesting depth")) {
      return Problem.at(
          file,
          firstLine,
          0,
          "lists and mappings nested more than " + MAX_DEPTH + " levels deep",
          "flatten the structure");
    }
    if (m.contains("exceeds the limit")) {
      return Problem.at(
          file,
          firstLine,
          0,
          "the YAML is larger than 1 MiB",
          "split it into smaller files; Inkstone refuses larger YAML to stay safe");
    }
    return Problem.at(file, firstLine, 0, "cannot read the YAML: " + e.getMessage(), "");
  }

  /** Node tree to {@link YamlValue} tree; collects problems instead of stopping at the first. */
  private static final class Converter {
    private final Path file;
    private final int firstLine;
    private final List<Problem> problems = new ArrayList<>();
    // Nodes on the current path: an alias inside its own anchor would otherwise recurse forever.
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private int valuesLeft;

    Converter(Path file, int firstLine, int maxValues) {
      this.file = file;
      this.firstLine = firstLine;
      this.valuesLeft = maxValues;
    }

    private int line(Node node) {
      return firstLine + node.getStartMark().getLine();
    }

    private int column(Node node) {
      return node.getStartMark().getColumn() + 1;
    }

    private void problem(Node node, String message, String hint) {
      problems.add(Problem.at(file, line(node), column(node), message, hint));
    }

    YamlValue convert(Node node, int depth) {
      if (--valuesLeft < 0) {
        // Stop now: continuing is exactly what an alias bomb wants.
        throw new ProblemsException(
            Problem.at(
                file,
                line(node),
                column(node),
                "aliases (*name) expand to too many values",
                "write the values out instead of nesting aliases"));
      }
      if (depth > MAX_DEPTH) {
        throw new ProblemsException(
            Problem.at(
                file,
                line(node),
                column(node),
                "lists and mappings nested more than " + MAX_DEPTH + " levels deep",
                "flatten the structure"));
      }
      if (onPath.containsKey(node)) {
        problem(node, "an alias (*name) is used inside its own anchor (&name)", "remove the alias");
        return new YamlValue.Scalar(null, line(node), column(node));
      }
      onPath.put(node, Boolean.TRUE);
      try {
        if (node instanceof ScalarNode scalar) {
          return scalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
          checkTag(node, Tag.SEQ);
          List<YamlValue> items = new ArrayList<>(sequence.getValue().size());
          for (Node item : sequence.getValue()) {
            items.add(convert(item, depth + 1));
          }
          return new YamlValue.Sequence(items, line(node), column(node));
        }
        if (node instanceof MappingNode mapping) {
          return mapping(mapping, depth);
        }
        throw new IllegalStateException("unknown node " + node.getNodeId());
      } finally {
        onPath.remove(node);
      }
    }

    private void checkTag(Node node, Tag expected) {
      Tag tag = node.getTag();
      if (!tag.equals(expected) && !(expected.equals(Tag.MAP) && tag.equals(Tag.SET))) {
        unsupportedTag(node);
      }
    }

    private void unsupportedTag(Node node) {
      problem(
          node,
          "the YAML tag " + shortTag(node.getTag()) + " is not supported",
          "remove the tag; only plain text, numbers, true/false, lists and mappings are read");
    }

    private static String shortTag(Tag tag) {
      String value = tag.getValue();
      return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    private YamlValue scalar(ScalarNode node) {
      Tag tag = node.getTag();
      String text = node.getValue();
      Object value;
      if (tag.equals(Tag.STR) || tag.equals(Tag.FLOAT) || tag.equals(Tag.TIMESTAMP)) {
        // Floats and timestamps only arrive with an explicit tag; keep the author's digits.
        value = text;
      } else if (tag.equals(Tag.BOOL)) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
          value = Boolean.valueOf(lower);
        } else {
          problem(node, "!!bool value must be true or false, not `" + text + "`", "write true or false");
          value = text;
        }
      } else if (tag.equals(Tag.INT)) {
        value = integer(node, text.trim());
      } else if (tag.equals(Tag.NULL)) {
        value = null;
      } else if (tag.equals(Tag.MERGE)) {
        // A `<<` in value position is just the text.
        value = text;
      } else {
        unsupportedTag(node);
        value = text;
      }
      return new YamlValue.Scalar(value, line(node), column(node));
    }

    private Object integer(ScalarNode node, String text) {
      if (PLAIN_INT.matcher(text).matches() || text.matches("^[-+]?[0-9]+$")) {
        try {
          return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException tooBig) {
          // An id like 12345678901234567890123 is still meaningful as text.
          return text;
        }
      }
      problem(node, "!!int value must be a whole number, not `" + text + "`", "write digits only");
      return text;
    }

    private YamlValue mapping(MappingNode node, int depth) {
      checkTag(node, Tag.MAP);
      Map<String, YamlValue.Entry> explicit = new LinkedHashMap<>();
      List<Node> merges = new ArrayList<>();
      for (NodeTuple tuple : node.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (keyNode instanceof ScalarNode key && key.getTag().equals(Tag.MERGE)) {
          merges.add(tuple.getValueNode());
          continue;
        }
        if (!(keyNode instanceof ScalarNode key)) {
          problem(keyNode, "a key must be plain text, not a list or mapping", "write the key as text");
          continue;
        }
        String name = key.getValue();
        YamlValue value = convert(tuple.getValueNode(), depth + 1);
        YamlValue.Entry first = explicit.get(name);
        if (first != null) {
          problem(
              keyNode,
              "`" + name + "` is set twice (first on line " + first.line() + ")",
              "keep one of them");
          continue;
        }
        explicit.put(name, new YamlValue.Entry(name, line(keyNode), column(keyNode), value));
      }
      if (merges.isEmpty()) {
        return new YamlValue.Mapping(explicit, line(node), column(node));
      }
      // YAML merge: explicit keys win; among merged mappings the first one listed wins.
      Map<String, YamlValue.Entry> merged = new LinkedHashMap<>();
      for (Node source : merges) {
        List<Node> sources =
            source instanceof SequenceNode list ? list.getValue() : List.of(source);
        for (Node one : sources) {
          YamlValue value = convert(one, depth + 1);
          if (value instanceof YamlValue.Mapping map) {
            for (YamlValue.Entry entry : map.entries().values()) {
              if (!explicit.containsKey(entry.key())) {
                merged.putIfAbsent(entry.key(), entry);
              }
            }
          } else {
            problem(one, "`<<` merges a mapping, not " + value.describe(), "use <<: *anchor where &anchor names a mapping");
          }
        }
      }
      merged.putAll(explicit);
      return new YamlValue.Mapping(merged, line(node), column(node));
    }
  }
}
