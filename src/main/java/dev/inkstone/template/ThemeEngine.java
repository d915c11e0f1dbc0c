package dev.inkstone.template;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The theme's Pebble engine: built once per build and shared by all render threads.
 *
 * <p>Template names are paths below {@code templates/} without the {@code .peb} suffix, e.g.
 * {@code post} or {@code partials/sidebar}. Autoescaping is on and variables are strict, so a
 * typo in a template is an error with its line instead of an empty string.
 */
public final class ThemeEngine {
  static final String SUFFIX = ".peb";

  private final Theme theme;
  private final PebbleEngine engine;
  private final Locale locale;
  /** Compiled templates by name: Pebble's own cache builds a key object per lookup. */
  private final Map<String, PebbleTemplate> compiled = new ConcurrentHashMap<>();
  private final PageWriter.TemplateText templateText = new PageWriter.TemplateText();
  /** A sixteenth of the heap, at most 64 MB: a 10,000-post blog's cards take about 13. */
  private final BlockCache blocks = new BlockCache(templateText, Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16));

  /**
   * @param theme the loaded theme
   * @param basePath the path the site lives under, e.g. {@code /blog} for {@code
   *     https://x.org/blog/}; empty or {@code /} for a site at the root of its host
   */
  public ThemeEngine(Theme theme, String basePath) {
    this.theme = theme;
    List<Loader<?>> loaders = new ArrayList<>();
    for (Path folder : theme.templateFolders()) {
      // Pebble 4.1's FileLoader refuses names that leave its base folder, so each folder of
      // the chain gets its own loader and the delegating loader asks them child first.
      FileLoader loader = new FileLoader(folder.toAbsolutePath().normalize().toString());
      loader.setSuffix(SUFFIX);
      loader.setCharset("UTF-8");
      loaders.add(loader);
    }
    DelegatingLoader loader = new ChainLoader(loaders);
    loader.setSuffix(SUFFIX);
    loader.setCharset("UTF-8");
    this.locale = theme.language() == null || theme.language().isBlank() ? Locale.ROOT : Locale.forLanguageTag(theme.language());
    this.engine =
        new PebbleEngine.Builder()
            .loader(loader)
            .autoEscaping(true)
            .strictVariables(true)
            .cacheActive(true)
            .addEscapingStrategy("html", new MarkupEscaping())
            .defaultLocale(locale)
            .extension(new InkstoneExtension(basePath, theme.i18n(), blocks))
            .build();
  }

  /** Derives the base path from a base URL: {@code https://x.org/blog/} gives {@code /blog}. */
  public static String basePathOf(String baseUrl) {
    return InkstoneExtension.basePathOf(baseUrl);
  }

  public Theme theme() {
    return theme;
  }

  /** Whether the theme chain has the template {@code name}. */
  public boolean has(String name) {
    return file(name) != null;
  }

  /** Every template name of the chain, sorted. */
  public List<String> templateNames() {
    TreeSet<String> names = new TreeSet<>();
    for (Path folder : theme.templateFolders()) {
      try (Stream<Path> files = Files.walk(folder)) {
        files
            .filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(SUFFIX))
            .map(f -> folder.relativize(f).toString().replace('\\', '/'))
            .map(n -> n.substring(0, n.length() - SUFFIX.length()))
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(names);
  }

  /**
   * Compiles every template of the chain, so that all syntax errors of a theme are reported at
   * once at the start of a build rather than one per run as pages happen to use them.
   */
  public List<Problem> compileAll() {
    List<Problem> problems = new ArrayList<>();
    for (String name : templateNames()) {
      try {
        engine.getTemplate(name);
      } catch (PebbleException e) {
        problems.add(toProblem(name, e));
      }
    }
    problems.sort(Problem.ORDER);
    return problems;
  }

  /**
   * Renders {@code template} with {@code context}.
   *
   * @throws ProblemsException with the template file and line when the template fails; the
   *     caller adds which page was being rendered
   */
  public String render(String template, Map<String, Object> context) {
    PageWriter out = evaluate(template, context, 4096);
    String text = out.toString();
    out.release();
    return text;
  }

  /**
   * Renders a fragment that many pages of this build print, such as the sidebar, as HTML that
   * keeps its UTF-8: pages copy the bytes rather than encoding it again.
   */
  public SafeString renderShared(String template, Map<String, Object> context) {
    PageWriter out = evaluate(template, context, 4096);
    SafeString shared = new PageWriter.Shared(out.toString(), out.bytes());
    out.release();
    return shared;
  }

  /**
   * Forgets the {@code {% cache %}} blocks of a build. Called when a build's render begins and
   * when it ends, as the engine outlives it in the preview server.
   */
  public void forgetBuild() {
    blocks.clear();
  }

  /** Renders {@code template} with {@code context} into UTF-8 bytes, as {@link #render} does into a string. */
  public byte[] renderBytes(String template, Map<String, Object> context) {
    PageWriter out = evaluate(template, context, 32768);
    byte[] bytes = out.bytes();
    out.release();
    return bytes;
  }

  private PageWriter evaluate(String template, Map<String, Object> context, int capacity) {
    PageWriter out = new PageWriter(capacity, templateText);
    try {
      compiled.computeIfAbsent(template, engine::getTemplate).evaluate(out, context, locale);
    } catch (PebbleException e) {
      throw new ProblemsException(toProblem(template, e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      PebbleException cause = pebbleCause(e);
      if (cause == null) {
        throw e;
      }
      throw new ProblemsException(toProblem(template, cause));
    }
    return out;
  }

  private static PebbleException pebbleCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PebbleException p) {
        return p;
      }
    }
    return null;
  }

  private Problem toProblem(String template, PebbleException e) {
    // The deepest Pebble error names the template that really failed (an include or a parent).
    PebbleException deepest = e;
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof PebbleException p && p.getFileName() != null) {
        deepest = p;
      }
    }
    String name = deepest.getFileName() != null ? deepest.getFileName() : template;
    Path file = file(name);
    Path shown = file == null ? Path.of(name + SUFFIX) : theme.display(file);
    int line = deepest.getLineNumber() == null ? 0 : Math.max(0, deepest.getLineNumber());
    String message = deepest.getPebbleMessage() == null ? String.valueOf(deepest.getMessage()) : deepest.getPebbleMessage();
    if (file == null && deepest.getFileName() == null && !has(template)) {
      return Problem.in(shown, "template '" + template + "' not found in theme '" + theme.name() + "'",
          "add templates/" + template + SUFFIX + " to the theme or to a theme it extends");
    }
    return Problem.at(shown, line, 0, message.strip(), hintFor(deepest));
  }

  private static String hintFor(PebbleException e) {
    if (e instanceof RootAttributeNotFoundException) {
      return "this variable is not in the template's context; check its spelling "
          + "(every template gets site, page, nav, i18n, fragments and liveReload)";
    }
    if (e instanceof AttributeNotFoundException) {
      return "no such field; check its spelling against the view records in dev.inkstone.template.Views, "
          + "or test it first with {% if x.y is not null %}";
    }
    if (e instanceof ParserException) {
      return "check the tag syntax on this line: every {% if %}/{% for %}/{% block %} needs its end tag, "
          + "and {{ }} and {% %} must be closed";
    }
    return "check the expression on this line";
  }

  /** The file that provides {@code name}: the first folder of the chain that has it. */
  Path file(String name) {
    String relative = name.endsWith(SUFFIX) ? name : name + SUFFIX;
    for (Path folder : theme.templateFolders()) {
      Path candidate = folder.resolve(relative).normalize();
      if (candidate.startsWith(folder.normalize()) && Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * The theme chain's loader, asked child first. An include's name is resolved against the
   * including template on every page; Pebble's loaders run two regular expressions per loader
   * to find out that a name without {@code ./} or {@code ../} is not relative. This one answers
   * that at once.
   */
  private static final class ChainLoader extends DelegatingLoader {
    ChainLoader(List<Loader<?>> loaders) {
      super(loaders);
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
      if (relativePath == null || !(relativePath.startsWith("./") || relativePath.startsWith("../")
          || relativePath.startsWith(".\\") || relativePath.startsWith("..\\"))) {
        return null;
      }
      return super.resolveRelativePath(relativePath, anchorPath);
    }
  }
}
