package dev.inkstone.cli;

import dev.inkstone.build.BuildRequest;
import dev.inkstone.build.BuildResult;
import dev.inkstone.build.SiteBuild;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.publish.PublishException;
import dev.inkstone.publish.PublishResult;
import dev.inkstone.publish.Publisher;
import dev.inkstone.publish.Target;
import dev.inkstone.source.BlogFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/** {@code inkstone publish}: a production build, then an incremental upload to where the site is served. */
final class PublishCommand {
  static final Command COMMAND = Command.named("publish",
          "Build the site for production and send it where it is served, incrementally.",
          "TARGET is a name under `deploy:` in site.yaml, or git, dir or s3 with the flags below.")
      .optionalWord("TARGET", "A target from site.yaml, or git, dir, s3.")
      .sourceOption()
      .flag("dry-run", "Show what would change; send nothing.")
      .flag("no-build", "Publish site/ as it is, without building first.")
      .value("repo", "URL|PATH", "git: the repository.")
      .value("branch", "B", "git: the branch (default: gh-pages).")
      .value("cname", "DOMAIN", "git: write a CNAME file with this domain.")
      .flag("nojekyll", "git: write an empty .nojekyll file.")
      .value("to", "PATH", "dir: the folder to mirror into.")
      .value("bucket", "B", "s3: the bucket.")
      .value("endpoint", "URL", "s3: the endpoint of an S3-compatible service (R2, OSS, MinIO).")
      .value("region", "R", "s3: the region (default: AWS_REGION or us-east-1; `auto` for R2).")
      .value("prefix", "P", "s3: a key prefix, e.g. blog/.")
      .value("path-style", "true|false", "s3: address the bucket as endpoint/bucket.")
      .value("profile", "NAME", "s3: the ~/.aws profile with the credentials.")
      .runs(PublishCommand::run);

  private PublishCommand() {}

  static int run(Arguments args, Command.Console console) {
    PrintWriter out = console.out();
    PrintWriter err = console.err();
    Path root = console.source(args);
    boolean dryRun = args.flag("dry-run");
    Path site = root.resolve("site");
    Target target;
    try {
      Path to = args.path("to");
      target = Publisher.target(BlogFolder.configFile(root), root, args.word(0),
          new Publisher.Flags(args.string("repo"), args.string("branch"), args.string("cname"), args.flag("nojekyll") ? Boolean.TRUE : null,
              to == null ? null : console.invocation().resolve(to), args.string("bucket"), args.string("endpoint"), args.string("region"),
              args.string("prefix"), args.bool("path-style"), args.string("profile")));
    } catch (ProblemsException e) {
      Report.problems(err, e.problems(), "nothing was published");
      return 1;
    }
    if (!args.flag("no-build")) {
      BuildResult r = SiteBuild.run(new BuildRequest(root, site, false, false, null, Clock.systemUTC(), false));
      if (!r.ok()) {
        Report.problems(err, r.problems(), "build failed; nothing was published");
        return 1;
      }
      Report.warnings(err, r.warnings());
      out.printf("Built %s into %s%n", r.summary(), site);
      out.flush();
    }
    try {
      PublishResult r = Publisher.publish(site, root, target, dryRun, ConsoleProgress.forStandardError(err));
      print(out, r);
      return 0;
    } catch (PublishException e) {
      err.printf("publish to %s failed: %s%n", target.name(), e.getMessage());
      if (!e.hint().isEmpty()) {
        err.printf("    hint: %s%n", e.hint());
      }
      err.flush();
      return 1;
    }
  }

  private static void print(PrintWriter out, PublishResult r) {
    if (r.dryRun()) {
      r.changes().forEach(line -> out.println("  " + line));
      out.printf("Dry run for %s: would add %d, change %d, delete %d; %d unchanged. Nothing was sent.%n", r.target(), r.added(),
          r.changed(), r.deleted(), r.unchanged());
    } else if (r.nothingToDo()) {
      out.printf("Published to %s: nothing changed, nothing sent (%d files already up to date).%n", r.target(), r.unchanged());
    } else {
      out.printf("Published to %s: %d added, %d changed, %d deleted; %d unchanged.%n", r.target(), r.added(), r.changed(), r.deleted(),
          r.unchanged());
    }
    if (!r.note().isEmpty()) {
      out.println(r.note() + ".");
    }
    out.flush();
  }
}
