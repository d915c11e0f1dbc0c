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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Build the site for production and send it where it is served, incrementally.",
        "TARGET is a name under `deploy:` in site.yaml, or git, dir or s3 with the flags below."})
public final class PublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "A target from site.yaml, or git, dir, s3.")
  String name;

  @Option(names = "--source", paramLabel = "DIR", description = "The blog folder (default: the current folder).")
  Path source = Path.of(".");

  @Option(names = "--dry-run", description = "Show what would change; send nothing.")
  boolean dryRun;

  @Option(names = "--no-build", description = "Publish site/ as it is, without building first.")
  boolean noBuild;

  @Option(names = "--repo", paramLabel = "URL|PATH", description = "git: the repository.")
  String repo;

  @Option(names = "--branch", paramLabel = "B", description = "git: the branch (default: gh-pages).")
  String branch;

  @Option(names = "--cname", paramLabel = "DOMAIN", description = "git: write a CNAME file with this domain.")
  String cname;

  @Option(names = "--nojekyll", description = "git: write an empty .nojekyll file.")
  Boolean nojekyll;

  @Option(names = "--to", paramLabel = "PATH", description = "dir: the folder to mirror into.")
  Path to;

  @Option(names = "--bucket", paramLabel = "B", description = "s3: the bucket.")
  String bucket;

  @Option(names = "--endpoint", paramLabel = "URL", description = "s3: the endpoint of an S3-compatible service (R2, OSS, MinIO).")
  String endpoint;

  @Option(names = "--region", paramLabel = "R", description = "s3: the region (default: AWS_REGION or us-east-1; `auto` for R2).")
  String region;

  @Option(names = "--prefix", paramLabel = "P", description = "s3: a key prefix, e.g. blog/.")
  String prefix;

  @Option(names = "--path-style", arity = "1", paramLabel = "true|false", description = "s3: address the bucket as endpoint/bucket.")
  Boolean pathStyle;

  @Option(names = "--profile", paramLabel = "NAME", description = "s3: the ~/.aws profile with the credentials.")
  String profile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = source.toAbsolutePath().normalize();
    Path site = root.resolve("site");
    Target target;
    try {
      target = Publisher.target(BlogFolder.configFile(root), root, name,
          new Publisher.Flags(repo, branch, cname, nojekyll, to, bucket, endpoint, region, prefix, pathStyle, profile));
    } catch (ProblemsException e) {
      Report.problems(err, e.problems(), "nothing was published");
      return 1;
    }
    if (!noBuild) {
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
