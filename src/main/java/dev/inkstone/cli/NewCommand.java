package dev.inkstone.cli;

import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.scaffold.Created;
import dev.inkstone.scaffold.NewContent;
import dev.inkstone.scaffold.Scaffold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new", description = "Create a post, a page or a whole blog folder.", mixinStandardHelpOptions = true,
    subcommands = {NewCommand.Post.class, NewCommand.Page.class, NewCommand.Site.class})
public final class NewCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  abstract static class Content implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TITLE", description = "The title, e.g. \"缓存一致性\" or \"Hello, world\".")
    String title;

    @Option(names = "--slug", paramLabel = "SLUG", description = "The URL slug (default: pinyin of a Chinese title, or slugStyle in site.yaml).")
    String slug;

    @Option(names = "--source", paramLabel = "DIR", description = "The blog folder (default: the current folder).")
    Path source = Path.of(".");

    @Option(names = "--bundle", description = "Create SLUG/index.md, a folder for the text and its images.")
    boolean bundle;

    String category;
    List<String> tags = new ArrayList<>();

    abstract NewContent.Kind kind();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path root = source.toAbsolutePath().normalize();
      try {
        Created c = Scaffold.create(new NewContent(root, kind(), title, slug, category, tags, bundle, Clock.systemUTC()));
        Path file = c.files().get(0);
        out.printf("Created %s (slug %s, from the %s archetype)%n", file.toString().replace('\\', '/'), c.slug(), c.archetype());
        out.flush();
        return 0;
      } catch (ProblemsException e) {
        Report.problems(spec.commandLine().getErr(), e.problems(), "nothing was created");
        return 1;
      }
    }
  }

  @Command(name = "post", description = "Create a post in content/posts/.", mixinStandardHelpOptions = true)
  static final class Post extends Content {
    @Option(names = "--category", paramLabel = "C", description = "A category, e.g. Java or 架构/微服务.")
    void category(String c) {
      category = c;
    }

    @Option(names = "--tags", paramLabel = "a,b", split = ",", description = "Tags, separated by commas.")
    void tags(List<String> t) {
      tags = t;
    }

    @Override
    NewContent.Kind kind() {
      return NewContent.Kind.POST;
    }
  }

  @Command(name = "page", description = "Create a page in content/pages/.", mixinStandardHelpOptions = true)
  static final class Page extends Content {
    @Override
    NewContent.Kind kind() {
      return NewContent.Kind.PAGE;
    }
  }

  @Command(name = "site", description = "Create a new blog folder that builds at once.", mixinStandardHelpOptions = true)
  static final class Site implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create; must not exist or be empty.")
    Path dir;

    @Option(names = "--title", paramLabel = "T", description = "The blog's title (default: the folder's name).")
    String title;

    @Option(names = "--language", paramLabel = "LANG", description = "zh-CN or en (default: ${DEFAULT-VALUE}).", defaultValue = "zh-CN")
    String language;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "Time zone for dates, e.g. Asia/Shanghai (default: this computer's).")
    ZoneId zone;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path target = dir.toAbsolutePath().normalize();
      try {
        String t = title != null ? title : target.getFileName() == null ? "My Blog" : target.getFileName().toString();
        Created c = Scaffold.createSite(target, t, language, zone != null ? zone : ZoneId.systemDefault(), Clock.systemUTC());
        out.printf("Created a new blog in %s:%n", target);
        c.files().forEach(f -> out.printf("  %s%n", f.toString().replace('\\', '/')));
        out.printf("Next: cd %s && inkstone build%n", dir);
        out.flush();
        return 0;
      } catch (ProblemsException e) {
        Report.problems(spec.commandLine().getErr(), e.problems(), "nothing was created");
        return 1;
      }
    }
  }
}
