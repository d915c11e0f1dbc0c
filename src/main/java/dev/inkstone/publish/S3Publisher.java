package dev.inkstone.publish;

import dev.inkstone.progress.Progress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Uploads the site to an S3-compatible bucket. What the bucket has is read from its listing: the
 * ETag of a simple upload is the MD5 of the content, so only new and changed files are sent.
 *
 * <p>Order keeps the live site whole at every moment: assets first, pages after them, deletions
 * last. If an upload fails half way, the old pages still link to old assets that are still
 * there; a rerun sends what is left.
 */
final class S3Publisher {
  private static final int PARALLEL = 8;

  private S3Publisher() {}

  static AwsCredentialsProvider defaultCredentials(Target.S3 target) {
    return target.profile() != null ? ProfileCredentialsProvider.create(target.profile()) : DefaultCredentialsProvider.builder().build();
  }

  static PublishResult publish(Map<String, SiteFiles.Entry> site, Target.S3 target, boolean dryRun, Progress progress,
      AwsCredentialsProvider credentials) {
    try {
      credentials.resolveCredentials();
    } catch (SdkException e) {
      throw new PublishException("no S3 credentials found" + (target.profile() != null ? " for profile " + target.profile() : ""),
          "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or put them in ~/.aws/credentials"
              + " (choose a profile with `profile:` or AWS_PROFILE); never in site.yaml", e);
    }
    try (S3Client s3 = client(target, credentials)) {
      Map<String, String> remote = list(s3, target);
      Plan plan = Plan.of(site, remote);
      if (dryRun) {
        return plan.result(target.name(), true, "");
      }
      upload(s3, target, plan.uploads(), progress);
      delete(s3, target, plan.deleted(), progress);
      return plan.result(target.name(), false, "");
    } catch (S3Exception e) {
      throw explain(target, e);
    } catch (SdkClientException e) {
      throw new PublishException("cannot reach the bucket " + target.bucket() + (target.endpoint() != null ? " at " + target.endpoint() : "")
          + ": " + e.getMessage(), "check the endpoint and the network; run publish again to finish", e);
    }
  }

  private static S3Client client(Target.S3 target, AwsCredentialsProvider credentials) {
    S3ClientBuilder b = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)))
        .credentialsProvider(credentials)
        .forcePathStyle(target.pathStyle())
        // S3-compatible services differ in the newer checksum headers; send them only where S3 requires them.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    String region = target.region();
    if (region == null) {
      String env = System.getenv("AWS_REGION");
      region = env != null && !env.isBlank() ? env : "us-east-1";
    }
    b.region(Region.of(region));
    if (target.endpoint() != null) {
      b.endpointOverride(URI.create(target.endpoint()));
    }
    return b.build();
  }

  /** Key (without the prefix) to lower-case MD5; objects uploaded in parts never match and are sent again. */
  private static Map<String, String> list(S3Client s3, Target.S3 target) {
    Map<String, String> out = new HashMap<>();
    ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(target.bucket()).prefix(target.prefix()).build();
    for (S3Object o : s3.listObjectsV2Paginator(req).contents()) {
      String key = o.key().substring(target.prefix().length());
      String etag = o.eTag() == null ? "" : o.eTag().replace("\"", "").toLowerCase(Locale.ROOT);
      out.put(key, etag.contains("-") ? "multipart:" + etag : etag);
    }
    return out;
  }

  private static void upload(S3Client s3, Target.S3 target, List<SiteFiles.Entry> uploads, Progress progress) {
    List<SiteFiles.Entry> assets = uploads.stream().filter(e -> !SiteFiles.isPage(e.path())).toList();
    List<SiteFiles.Entry> pages = uploads.stream().filter(e -> SiteFiles.isPage(e.path())).toList();
    progress.begin("uploading", uploads.size());
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
      Thread t = new Thread(r, "inkstone-s3-upload");
      t.setDaemon(true);
      return t;
    });
    int[] done = {0};
    try {
      for (List<SiteFiles.Entry> batch : List.of(assets, pages)) {
        List<Future<?>> futures = new ArrayList<>();
        for (SiteFiles.Entry e : batch) {
          futures.add(pool.submit(() -> {
            put(s3, target, e);
            progress.advance(e.path());
            return null;
          }));
        }
        for (Future<?> f : futures) {
          try {
            f.get();
            done[0]++;
          } catch (ExecutionException ex) {
            pool.shutdownNow();
            Throwable cause = ex.getCause();
            String sent = "; " + done[0] + " of " + uploads.size() + " files were sent before it, nothing was deleted";
            if (cause instanceof S3Exception s3e) {
              PublishException p = explain(target, s3e);
              throw new PublishException(p.getMessage() + sent, p.hint() + "; run publish again to finish", s3e);
            }
            throw new PublishException("upload failed: " + cause.getMessage() + sent,
                "the live site still serves whole pages; run publish again to finish", cause);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while uploading", "run publish again to finish");
    } finally {
      pool.shutdownNow();
      progress.end();
    }
  }

  private static void put(S3Client s3, Target.S3 target, SiteFiles.Entry e) {
    PutObjectRequest req = PutObjectRequest.builder()
        .bucket(target.bucket())
        .key(target.prefix() + e.path())
        .contentType(ContentTypes.of(e.path()))
        .cacheControl(ContentTypes.cacheControl(e.path()))
        .contentMD5(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(e.md5())))
        .contentLength(e.size())
        .build();
    RequestBody body = e.file() != null ? RequestBody.fromFile(e.file()) : RequestBody.fromBytes(e.bytes());
    s3.putObject(req, body);
  }

  private static void delete(S3Client s3, Target.S3 target, List<String> paths, Progress progress) {
    if (paths.isEmpty()) {
      return;
    }
    progress.begin("deleting", paths.size());
    try {
      for (int i = 0; i < paths.size(); i += 1000) {
        List<String> batch = paths.subList(i, Math.min(paths.size(), i + 1000));
        List<ObjectIdentifier> ids = batch.stream().map(p -> ObjectIdentifier.builder().key(target.prefix() + p).build()).toList();
        DeleteObjectsResponse r = s3.deleteObjects(DeleteObjectsRequest.builder().bucket(target.bucket())
            .delete(Delete.builder().objects(ids).quiet(true).build()).build());
        if (r.hasErrors() && !r.errors().isEmpty()) {
          throw new PublishException("could not delete " + r.errors().size() + " old files, e.g. " + r.errors().get(0).key() + ": "
              + r.errors().get(0).message(), "the new site is live; run publish again to remove the rest");
        }
        batch.forEach(progress::advance);
      }
    } finally {
      progress.end();
    }
  }

  private static PublishException explain(Target.S3 target, S3Exception e) {
    String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
    String msg = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    return switch (code) {
      case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidSecurity", "ExpiredToken", "InvalidToken" ->
          new PublishException("the bucket refused the credentials (" + code + "): " + msg,
              "check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the profile in ~/.aws/credentials", e);
      case "AccessDenied" -> new PublishException("access denied to bucket " + target.bucket() + ": " + msg,
          "the credentials work but may not list, write or delete in this bucket; check its policy", e);
      case "NoSuchBucket" -> new PublishException("there is no bucket named " + target.bucket(),
          "create it first, or fix `bucket:` / --bucket", e);
      default -> new PublishException("the bucket answered " + e.statusCode() + " " + code + ": " + msg,
          "check the endpoint, region and bucket; run publish again to finish", e);
    };
  }
}
