package dev.inkstone.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkstone.build.TestSite;
import dev.inkstone.cli.Cli;
import dev.inkstone.progress.Progress;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Publishes to a real S3-compatible server (s3proxy) on 127.0.0.1. */
class PublishS3Test {
  static S3ProxyServer server;
  static S3Client s3;
  static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL));

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyServer.start();
    s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(URI.create(server.endpoint))
        .region(Region.US_EAST_1).forcePathStyle(true).credentialsProvider(CREDENTIALS).build();
  }

  @AfterAll
  static void stop() {
    if (s3 != null) {
      s3.close();
    }
    if (server != null) {
      server.close();
    }
  }

  Target.S3 target(String bucket, String prefix) {
    s3.createBucket(b -> b.bucket(bucket));
    return new Target.S3("s3", bucket, server.endpoint, "us-east-1", prefix, true, null);
  }

  PublishResult publish(TestSite blog, Target.S3 target, boolean dryRun) {
    return S3Publisher.publish(SiteFiles.scan(blog.out()), target, dryRun, Progress.NONE, CREDENTIALS);
  }

  Map<String, S3Object> objects(String bucket) {
    Map<String, S3Object> out = new TreeMap<>();
    s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> out.put(o.key(), o));
    return out;
  }

  ResponseBytes<GetObjectResponse> get(String bucket, String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
  }

  @Test
  void objects_types_cache_headers_a_second_publish_that_sends_nothing_and_deletions() throws IOException {
    Path root = tmp.resolve("blog");
    TestSite blog = Blogs.blog(root, "").buildOk();
    Target.S3 target = target("blog-one", "www/");

    PublishResult first = publish(blog, target, false);
    Map<String, String> site = Blogs.tree(blog.out());
    assertThat(first.added()).isEqualTo(site.size());
    Map<String, S3Object> objects = objects("blog-one");
    assertThat(objects.keySet()).isEqualTo(site.keySet().stream().map(k -> "www/" + k).collect(java.util.stream.Collectors.toSet()));

    ResponseBytes<GetObjectResponse> page = get("blog-one", "www/posts/first/index.html");
    // the server may drop the space after the semicolon
    assertThat(page.response().contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
    assertThat(page.response().cacheControl()).isEqualTo(ContentTypes.SHORT);
    assertThat(page.asByteArray()).isEqualTo(Files.readAllBytes(blog.out().resolve("posts/first/index.html")));
    ResponseBytes<GetObjectResponse> logo = get("blog-one", "www/logo.svg");
    assertThat(logo.response().contentType()).isEqualTo("image/svg+xml; charset=utf-8");
    assertThat(logo.response().cacheControl()).isEqualTo(ContentTypes.DAY);
    ResponseBytes<GetObjectResponse> css = get("blog-one", "www/css/app.3f2a9c1b.css");
    assertThat(css.response().contentType().replace(" ", "")).isEqualTo("text/css;charset=utf-8");
    assertThat(css.response().cacheControl()).isEqualTo(ContentTypes.IMMUTABLE);

    Instant uploadedAt = objects.get("www/posts/first/index.html").lastModified();
    PublishResult second = publish(blog, target, false);
    assertThat(second.nothingToDo()).isTrue();
    assertThat(second.unchanged()).isEqualTo(site.size());
    assertThat(objects("blog-one").get("www/posts/first/index.html").lastModified()).isEqualTo(uploadedAt);

    blog.add("-- content/posts/first.md --\n---\ntitle: First\ndate: 2024-01-01\n---\nHello, edited.\n").buildOk();
    PublishResult dry = publish(blog, target, true);
    assertThat(dry.changes()).contains("~ posts/first/index.html");
    assertThat(get("blog-one", "www/posts/first/index.html").asString(StandardCharsets.UTF_8)).doesNotContain("edited");
    PublishResult edit = publish(blog, target, false);
    assertThat(edit.changed()).isPositive();
    assertThat(edit.added()).isZero();
    assertThat(get("blog-one", "www/posts/first/index.html").asString(StandardCharsets.UTF_8)).contains("Hello, edited.");

    Files.delete(root.resolve("content/posts/second.md"));
    blog.buildOk();
    PublishResult deleted = publish(blog, target, false);
    assertThat(deleted.deleted()).isPositive();
    assertThat(objects("blog-one")).doesNotContainKey("www/posts/second/index.html").containsKey("www/posts/first/index.html");
    assertThat(objects("blog-one").keySet()).hasSize(Blogs.tree(blog.out()).size());
  }

  @Test
  void objects_outside_the_prefix_are_left_alone() {
    TestSite blog = Blogs.blog(tmp.resolve("blog"), "").buildOk();
    Target.S3 target = target("blog-two", "blog");
    s3.putObject(b -> b.bucket("blog-two").key("other/keep.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("mine"));
    publish(blog, target, false);
    assertThat(objects("blog-two")).containsKey("other/keep.txt").containsKey("blog/index.html");
  }

  @Test
  void wrong_and_missing_credentials_are_clear_messages() throws IOException {
    TestSite blog = Blogs.blog(tmp.resolve("blog"), "").buildOk();
    Target.S3 target = target("blog-three", "");
    AwsCredentialsProvider wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.IDENTITY, "not-the-secret"));
    assertThatThrownBy(() -> S3Publisher.publish(SiteFiles.scan(blog.out()), target, false, Progress.NONE, wrong))
        .isInstanceOfSatisfying(PublishException.class, e -> {
          assertThat(e.getMessage()).contains("refused the credentials");
          assertThat(e.hint()).contains("AWS_ACCESS_KEY_ID");
        });
    Path empty = Files.writeString(tmp.resolve("credentials"), "");
    AwsCredentialsProvider missing = ProfileCredentialsProvider.builder()
        .profileFile(ProfileFile.builder().content(empty).type(ProfileFile.Type.CREDENTIALS).build()).profileName("blog").build();
    assertThatThrownBy(() -> S3Publisher.publish(SiteFiles.scan(blog.out()), target, false, Progress.NONE, missing))
        .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.getMessage()).isEqualTo("no S3 credentials found"));
    assertThat(objects("blog-three")).isEmpty();
  }

  @Test
  void the_command_line_names_the_missing_profile_and_sends_nothing() {
    Path root = tmp.resolve("blog");
    Blogs.blog(root, "");
    target("blog-four", "");
    Cli.Run r = Cli.run("publish", "s3", "--bucket", "blog-four", "--endpoint", server.endpoint, "--profile", "inkstone-no-such-profile",
        "--source", root.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no S3 credentials found for profile inkstone-no-such-profile").contains("never in site.yaml");
    assertThat(objects("blog-four")).isEmpty();
  }
}
