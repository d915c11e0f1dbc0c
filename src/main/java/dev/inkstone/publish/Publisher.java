package dev.inkstone.publish;

import dev.inkstone.diagnostic.Problem;
import dev.inkstone.diagnostic.ProblemsException;
import dev.inkstone.progress.Progress;
import dev.inkstone.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The front door of publishing: picks the target (from {@code deploy:} in site.yaml and the
 * command line's flags) and sends a built site there, incrementally.
 */
public final class Publisher {
  private Publisher() {}

  /**
   * Settings given on the command line; each null when not given. They override the named
   * target's settings, or make a one-off target when the name is {@code git}, {@code dir} or
   * {@code s3} and site.yaml has no target of that name.
   */
  public record Flags(String repo, String branch, String cname, Boolean nojekyll, Path to, String bucket, String endpoint, String region,
      String prefix, Boolean pathStyle, String profile) {}

  /**
   * Chooses the target: {@code name} from site.yaml, else a one-off of that type from flags;
   * without a name, the {@code default:} target or the only one.
   *
   * @throws ProblemsException when site.yaml's {@code deploy:} is wrong or no target fits
   */
  public static Target target(Optional<SourceFile> config, Path blogRoot, String name, Flags flags) {
    DeployConfig.Targets targets = DeployConfig.read(config, blogRoot);
    Map<String, Target> byName = targets.byName();
    Path file = config.map(SourceFile::path).orElse(null);
    String chosen = name;
    if (chosen == null) {
      if (targets.defaultName() != null) {
        chosen = targets.defaultName();
      } else if (byName.size() == 1) {
        chosen = byName.keySet().iterator().next();
      } else if (byName.isEmpty()) {
        throw new ProblemsException(Problem.in(file, "there is nowhere to publish to",
            "add a `deploy:` section to site.yaml, or give a target: publish git --repo URL --branch gh-pages, publish dir --to PATH,"
                + " publish s3 --bucket B --endpoint URL"));
      } else {
        throw new ProblemsException(Problem.in(file, "site.yaml has several deploy targets: " + String.join(", ", byName.keySet()),
            "name one: inkstone publish " + byName.keySet().iterator().next() + ", or set `default:` under `deploy:`"));
      }
    }
    Target base = byName.get(chosen);
    if (base == null) {
      base = switch (chosen) {
        case "git" -> new Target.Git("git", null, "gh-pages", null, false, "Publish site with Inkstone");
        case "dir" -> new Target.Dir("dir", null);
        case "s3" -> new Target.S3("s3", null, null, null, "", flags.endpoint() != null, null);
        default -> throw new ProblemsException(Problem.in(file, "no deploy target named `" + chosen + "`",
            byName.isEmpty() ? "add it under `deploy:` in site.yaml, or use git, dir or s3 with flags"
                : "targets in site.yaml: " + String.join(", ", byName.keySet()) + "; or use git, dir or s3 with flags"));
      };
    }
    Target t = override(base, flags);
    String missing = null;
    if (t instanceof Target.Git g && g.repo() == null) {
      missing = "--repo URL|PATH";
    } else if (t instanceof Target.Dir d && d.to() == null) {
      missing = "--to PATH";
    } else if (t instanceof Target.S3 s && s.bucket() == null) {
      missing = "--bucket NAME";
    }
    if (missing != null) {
      throw new ProblemsException(Problem.in(null, "publish " + chosen + " needs " + missing, "give it as a flag or in site.yaml under deploy:"));
    }
    return t;
  }

  private static Target override(Target base, Flags f) {
    if (base instanceof Target.Git g) {
      // a path given on the command line is relative to where the command runs, as --to is
      return new Target.Git(g.name(), or(GitPublisher.address(f.repo(), Path.of("")), g.repo()), or(f.branch(), g.branch()), or(f.cname(), g.cname()),
          f.nojekyll() != null ? f.nojekyll() : g.nojekyll(), g.message());
    }
    if (base instanceof Target.Dir d) {
      return new Target.Dir(d.name(), f.to() != null ? f.to().toAbsolutePath().normalize() : d.to());
    }
    Target.S3 s = (Target.S3) base;
    return new Target.S3(s.name(), or(f.bucket(), s.bucket()), or(f.endpoint(), s.endpoint()), or(f.region(), s.region()),
        or(f.prefix(), s.prefix()), f.pathStyle() != null ? f.pathStyle() : s.pathStyle() || f.endpoint() != null && s.endpoint() == null,
        or(f.profile(), s.profile()));
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }

  /**
   * Sends the built site in {@code siteDir} to the target; with {@code dryRun}, only says what
   * would change.
   *
   * @param blogRoot the blog folder, which a folder target must not contain or be
   * @throws PublishException when the target cannot be reached or written; what is live stays whole
   */
  public static PublishResult publish(Path siteDir, Path blogRoot, Target target, boolean dryRun, Progress progress) {
    if (!Files.isDirectory(siteDir)) {
      throw new PublishException("there is no built site in " + siteDir, "run inkstone build first");
    }
    Map<String, SiteFiles.Entry> site = SiteFiles.scan(siteDir);
    if (target instanceof Target.Dir d) {
      guard(d.to(), siteDir, blogRoot);
      return DirPublisher.publish(site, d, dryRun, progress);
    }
    if (target instanceof Target.Git g) {
      return GitPublisher.publish(site, g, dryRun, progress);
    }
    Target.S3 s = (Target.S3) target;
    return S3Publisher.publish(site, s, dryRun, progress, S3Publisher.defaultCredentials(s));
  }

  /** A mirror deletes what the site lacks: never point it at the blog, the site itself, or a folder above them. */
  private static void guard(Path to, Path siteDir, Path blogRoot) {
    Path t = to.toAbsolutePath().normalize();
    Path s = siteDir.toAbsolutePath().normalize();
    Path b = blogRoot.toAbsolutePath().normalize();
    if (t.equals(s) || t.startsWith(s) || b.startsWith(t) || s.startsWith(t) || t.getParent() == null) {
      throw new PublishException("refusing to mirror into " + t + ": it would delete the blog or the site itself",
          "give a folder outside the blog folder, e.g. /srv/www/blog");
    }
  }
}
