package dev.inkstone.scaffold;

import dev.inkstone.build.Home;
import dev.inkstone.config.SiteConfig;
import dev.inkstone.config.SiteConfigReader;
import dev.inkstone.config.YamlReader;
import dev.inkstone.config.YamlValue;
import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.site.Slugs;
import dev.inkstone.source.BlogFolder;
import dev.inkstone.source.SourceFile;
import dev.inkstone.source.SourceSet;
import dev.inkstone.source.YamlStrings;
import dev.inkstone.template.Theme;
import dev.inkstone.template.ThemeLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The front door of {@code inkstone new}: writes a new post or page from its archetype, or a new
 * blog folder that builds at once. Never overwrites a file.
 */
public final class Scaffold {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

  private Scaffold() {}

  /** Writes a new post or page; see {@link NewContent}. */
  public static Created create(NewContent req) {
    SourceSet sources = BlogFolder.load(req.blogRoot());
    SiteConfig config = SiteConfigReader.read(sources.config());
    SlugStyle style = slugStyle(sources);
    String slug = req.slug() != null ? Slugs.slugify(req.slug()) : TitleSlugs.slug(req.title(), style);
    if (slug.isEmpty()) {
      throw new ProblemsException(Problem.in(null, "cannot make a slug from the title \"" + req.title() + "\"",
          "give one with --slug, e.g. --slug my-first-post"));
    }
    String folder = req.kind() == NewContent.Kind.POST ? "content/posts/" : "content/pages/";
    Path plain = Path.of(folder + slug + ".md");
    Path bundled = Path.of(folder + slug + "/index.md");
    for (Path taken : List.of(plain, bundled)) {
      if (Files.exists(req.blogRoot().resolve(taken))) {
        throw new ProblemsException(Problem.in(taken, "already exists; nothing was written",
            "pick another title, or give another slug with --slug"));
      }
    }
    Path target = req.bundle() ? bundled : plain;

    List<Path> themeRoots = themeRoots(req.blogRoot(), config);
    String name = req.kind().name().toLowerCase(Locale.ROOT);
    Archetypes.Archetype archetype = Archetypes.find(req.blogRoot(), themeRoots, name);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", YamlStrings.quoted(req.title()));
    values.put("date", ZonedDateTime.now(req.clock()).withZoneSameInstant(config.timezone()).truncatedTo(ChronoUnit.SECONDS).format(DATE));
    values.put("slug", YamlStrings.quoted(slug));
    values.put("categories", Archetypes.list(req.category() == null || req.category().isBlank() ? List.of() : List.of(req.category().trim())));
    values.put("tags", Archetypes.list(req.tags().stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList()));
    String text = Archetypes.fill(archetype, values);
    writeNew(req.blogRoot().resolve(target), text);
    return new Created(List.of(target), slug, archetype.origin());
  }

  /**
   * Writes a new blog folder: {@code content/site.yaml}, a first post, an about page and the
   * archetypes, using the built-in default theme. {@code dir} must not exist or be empty.
   */
  public static Created createSite(Path dir, String title, String language, ZoneId zone, Clock clock) {
    try {
      if (Files.isRegularFile(dir) || Files.isDirectory(dir) && !isEmpty(dir)) {
        throw new ProblemsException(Problem.in(dir, "is not empty; nothing was written", "give a new folder name, e.g. inkstone new site my-blog"));
      }
      boolean zh = language.toLowerCase(Locale.ROOT).startsWith("zh");
      String lang = zh ? "zh" : "en";
      Map<String, String> values = new LinkedHashMap<>();
      values.put("title", YamlStrings.quoted(title));
      values.put("language", YamlStrings.quoted(language));
      values.put("timezone", YamlStrings.quoted(zone.getId()));
      values.put("date", ZonedDateTime.now(clock).withZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS).format(DATE));
      values.put("menuHome", zh ? "首页" : "Home");
      values.put("menuAbout", zh ? "关于" : "About");
      values.put("year", String.valueOf(ZonedDateTime.now(clock).withZoneSameInstant(zone).getYear()));
      List<String[]> files = List.of(
          new String[] {"site/site.yaml", "content/site.yaml"},
          new String[] {"site/" + lang + "/hello.md", "content/posts/" + (zh ? "ni-hao-shi-jie" : "hello-world") + ".md"},
          new String[] {"site/" + lang + "/about.md", "content/pages/about.md"},
          new String[] {"archetypes/post.md", "archetypes/post.md"},
          new String[] {"archetypes/page.md", "archetypes/page.md"},
          new String[] {"site/gitignore", ".gitignore"});
      List<Path> written = new ArrayList<>();
      Files.createDirectories(dir);
      for (String[] f : files) {
        String text = f[0].startsWith("archetypes/")
            ? Archetypes.builtIn(f[0])
            : Archetypes.fill(new Archetypes.Archetype(Archetypes.builtIn(f[0]), null, "built-in"), values);
        writeNew(dir.resolve(f[1]), text);
        written.add(Path.of(f[1]));
      }
      Files.createDirectories(dir.resolve("content/static"));
      return new Created(written, "", "built-in");
    } catch (IOException e) {
      throw new ProblemsException(Problem.in(dir, "cannot create the folder: " + e.getMessage(), "check that the parent folder is writable"));
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static List<Path> themeRoots(Path blogRoot, SiteConfig config) {
    try {
      Theme theme = ThemeLoader.load(blogRoot, Home.themes(), config.theme(), config.language());
      return theme.roots();
    } catch (ProblemsException e) {
      // A broken theme is for `build` to report; `new` still works from the blog's or the built-in archetype.
      return List.of();
    }
  }

  /** {@code slugStyle: pinyin|keep} from site.yaml; pinyin when unset. */
  static SlugStyle slugStyle(SourceSet sources) {
    if (sources.config().isEmpty()) {
      return SlugStyle.PINYIN;
    }
    SourceFile f = sources.config().get();
    YamlValue root = YamlReader.read(new String(f.bytes(), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""), f.path(), 1);
    YamlValue v = root instanceof YamlValue.Mapping m ? m.get("slugStyle") : null;
    if (v != null && !(v instanceof YamlValue.Scalar empty && empty.isNull())) {
      if (v instanceof YamlValue.Scalar s && s.value() instanceof String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
          case "pinyin":
            return SlugStyle.PINYIN;
          case "keep":
            return SlugStyle.KEEP;
          default:
            break;
        }
      }
      throw new ProblemsException(Problem.at(f.path(), v.line(), v.column(), "`slugStyle` must be `pinyin` or `keep`",
          "`pinyin` makes 银行 into yin-hang; `keep` keeps the Chinese in the URL"));
    }
    return SlugStyle.PINYIN;
  }

  private static void writeNew(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new ProblemsException(Problem.in(file, "already exists; nothing was written", "pick another name"));
    } catch (IOException e) {
      throw new ProblemsException(Problem.in(file, "cannot write it: " + e.getMessage(), "check that its folder is writable"));
    }
  }
}
