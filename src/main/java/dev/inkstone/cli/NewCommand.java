package dev.inkstone.cli;

import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.scaffold.Created;
import dev.inkstone.scaffold.NewContent;
import dev.inkstone.scaffold.Scaffold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/** {@code inkstone new}: a post, a page or a whole blog folder, from the archetypes. */
final class NewCommand {
  static final Command COMMAND = Command.named("new", "Create a post, a page or a whole blog folder.").under(
      content("post", "Create a post in content/posts/.")
          .value("category", "C", "A category, e.g. Java or 架构/微服务.")
          .value("tags", "a,b", "Tags, separated by commas.")
          .runs((args, console) -> create(NewContent.Kind.POST, args, console)),
      content("page", "Create a page in content/pages/.")
          .runs((args, console) -> create(NewContent.Kind.PAGE, args, console)),
      Command.named("site", "Create a new blog folder that builds at once.")
          .word("DIR", "The folder to create; must not exist or be empty.")
          .value("title", "T", "The blog's title (default: the folder's name).")
          .value("language", "LANG", "zh-CN or en (default: zh-CN).")
          .value("timezone", "ZONE", "Time zone for dates, e.g. Asia/Shanghai (default: this computer's).")
          .runs(NewCommand::site));

  private NewCommand() {}

  /** What a post and a page both take. */
  private static Command content(String name, String description) {
    return Command.named(name, description)
        .word("TITLE", "The title, e.g. \"缓存一致性\" or \"Hello, world\".")
        .value("slug", "SLUG", "The URL slug (default: pinyin of a Chinese title, or slugStyle in site.yaml).")
        .sourceOption()
        .flag("bundle", "Create SLUG/index.md, a folder for the text and its images.");
  }

  private static int create(NewContent.Kind kind, Arguments args, Command.Console console) {
    PrintWriter out = console.out();
    Path root = console.source(args);
    try {
      Created c = Scaffold.create(new NewContent(root, kind, args.word(0), args.string("slug"), args.string("category"), args.list("tags"),
          args.flag("bundle"), Clock.systemUTC()));
      Path file = c.files().get(0);
      out.printf("Created %s (slug %s, from the %s archetype)%n", file.toString().replace('\\', '/'), c.slug(), c.archetype());
      out.flush();
      return 0;
    } catch (ProblemsException e) {
      Report.problems(console.err(), e.problems(), "nothing was created");
      return 1;
    }
  }

  private static int site(Arguments args, Command.Console console) {
    PrintWriter out = console.out();
    Path dir = args.pathWord(0, "DIR");
    Path target = console.invocation().resolve(dir);
    ZoneId zone = args.zone("timezone");
    try {
      String title = args.string("title");
      String t = title != null ? title : target.getFileName() == null ? "My Blog" : target.getFileName().toString();
      Created c = Scaffold.createSite(target, t, args.string("language", "zh-CN"), zone != null ? zone : ZoneId.systemDefault(), Clock.systemUTC());
      out.printf("Created a new blog in %s:%n", target);
      c.files().forEach(f -> out.printf("  %s%n", f.toString().replace('\\', '/')));
      out.printf("Next: cd %s && inkstone build%n", dir);
      out.flush();
      return 0;
    } catch (ProblemsException e) {
      Report.problems(console.err(), e.problems(), "nothing was created");
      return 1;
    }
  }
}
