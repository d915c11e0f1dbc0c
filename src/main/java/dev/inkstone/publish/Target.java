package dev.inkstone.publish;

import java.nio.file.Path;

/** Where a site is published: from {@code deploy:} in site.yaml or from command-line flags. */
public sealed interface Target permits Target.Git, Target.Dir, Target.S3 {

  /** The name the user gave the target, or its type for a one-off publish. */
  String name();

  /**
   * A branch of a git repository, fed by the user's own {@code git} (their keys, credential
   * helpers and proxies apply).
   *
   * @param repo a URL or scp-like address git understands, or an absolute local path
   * @param branch e.g. {@code gh-pages}
   * @param cname written to {@code CNAME} when not null (GitHub Pages custom domain)
   * @param nojekyll write an empty {@code .nojekyll} so that GitHub Pages serves folders starting with _
   * @param message the commit message
   */
  record Git(String name, String repo, String branch, String cname, boolean nojekyll, String message) implements Target {}

  /**
   * A folder mirrored from the site: files the site no longer has are deleted.
   *
   * @param to an absolute path
   */
  record Dir(String name, Path to) implements Target {}

  /**
   * An S3-compatible bucket (AWS S3, Cloudflare R2, Aliyun OSS, MinIO). Credentials are never
   * part of the target: they come from the environment or {@code ~/.aws}.
   *
   * @param endpoint e.g. {@code https://<account>.r2.cloudflarestorage.com}; null for AWS itself
   * @param region e.g. {@code us-east-1}, {@code auto} for R2; null to use the SDK's default chain or us-east-1
   * @param prefix a key prefix without leading slash, e.g. {@code blog/}; empty for the bucket root
   * @param pathStyle address the bucket as {@code endpoint/bucket} rather than {@code bucket.endpoint}
   * @param profile the {@code ~/.aws} profile to use, or null for the default chain
   */
  record S3(String name, String bucket, String endpoint, String region, String prefix, boolean pathStyle, String profile) implements Target {
    public S3 {
      prefix = prefix == null ? "" : normalizePrefix(prefix);
    }

    static String normalizePrefix(String p) {
      String s = p.replace('\\', '/');
      while (s.startsWith("/")) {
        s = s.substring(1);
      }
      return s.isEmpty() || s.endsWith("/") ? s : s + "/";
    }
  }
}
