package dev.inkstone.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a generated tech blog, for the benchmark and for the launcher's training build (see
 * {@code TrainCommand}): seeded and deterministic, mixed Chinese and
 * English, about 8.5 KB of Markdown a post (as the shared gen_corpus.py makes). Every post comes
 * from its own random generator, seeded by (seed, index), so the blog of 1,000 posts is exactly the first 1,000 posts of the blog of
 * 10,000.
 *
 * <p>Each post has a lead paragraph, {@code <!--more-->}, three to five h2 sections, at least one
 * h3, one fenced code block (java, sql or yaml), one table, one list, two external links and an
 * in-page link, one image reference, inline code; one or two of 12 categories and two to six of
 * 300 tags, drawn by a Zipf law so a few tags are on many posts and most on few. Dates spread over
 * 2018 to 2024, in +08:00.
 *
 * <p>Layout: {@code content/site.yaml} and {@code content/posts/YYYY/post-NNNNNN.md}.
 */
public final class CorpusGenerator {
  /** Part of the cache key of a generated blog: change it whenever the output changes. */
  public static final String VERSION = "2";

  public static final long DEFAULT_SEED = 20240301L;

  /** The training build's seed: its posts are none of the benchmark's. */
  public static final long TRAINING_SEED = 20110927L;

  /** One generated post: its path inside the blog folder and its text. */
  public record Post(String path, String text) {}

  private CorpusGenerator() {}

  /** Writes {@code posts} posts and the site settings into {@code blog}. */
  public static void write(Path blog, int posts, long seed) throws IOException {
    Path content = blog.resolve("content");
    Files.createDirectories(content.resolve("posts"));
    Files.writeString(content.resolve("site.yaml"), siteYaml(), StandardCharsets.UTF_8);
    Set<Path> folders = new LinkedHashSet<>();
    for (int i = 1; i <= posts; i++) {
      Post p = post(seed, i);
      Path file = blog.resolve(p.path());
      if (folders.add(file.getParent())) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, p.text().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The site settings: a small, ordinary Chinese blog. */
  public static String siteYaml() {
    return """
        title: 基准测试博客
        subtitle: Inkstone benchmark blog
        description: 生成的中英文技术博客，用来测量构建速度
        baseUrl: https://bench.inkstone.dev/
        language: zh-CN
        timezone: Asia/Shanghai
        author: 基准
        paginate: 10
        menu:
          - name: 首页
            url: /
          - name: Java
            category: Java
          - name: 数据库
            category: 数据库
          - name: 云原生
            category: 云原生
          - name: 标签
            url: /tags/
          - name: 归档
            url: /archives/
        """;
  }

  /** Post number {@code index} (from 1) of the blog generated with {@code seed}. */
  public static Post post(long seed, int index) {
    return new Writer(new Random(mix(seed, index)), index).post();
  }

  /** Spreads (seed, index) over all 64 bits, so neighbouring posts get unrelated generators. */
  static long mix(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ---------------------------------------------------------------------------------------------
  // Word pools

  static final List<String> CATEGORIES = List.of("Java", "数据库", "架构设计", "云原生", "AI 工程", "性能调优",
      "故障复盘", "中间件", "前端", "测试", "DevOps", "读书笔记");

  private static final String[] TAG_WORDS_EN = (
      "jdk17 jdk21 records sealed-classes streams collections concurrency completablefuture "
          + "structured-concurrency panama valhalla jfr jmc async-profiler heap-dump safepoint "
          + "zgc shenandoah g1 escape-analysis inlining quarkus micronaut vertx hikaricp jooq "
          + "flyway liquibase postgres sqlite duckdb cassandra etcd zookeeper pulsar nats "
          + "redis-stream memcached varnish haproxy traefik caddy containerd podman argocd "
          + "kustomize opa cilium ebpf wasm rust golang python typescript svelte htmx "
          + "tailwind esbuild playwright cypress archunit pitest property-testing fuzzing "
          + "contract-testing chaos-engineering slo error-budget runbook postmortem on-call "
          + "feature-flags canary blue-green rollback schema-migration backfill cdc debezium "
          + "materialized-view columnar btree lsm-tree bloom-filter consistent-hashing "
          + "vector-clock crdt two-phase-commit leader-election gossip backpressure "
          + "bulkhead retry timeout hedging load-shedding tokenizer rerank quantization "
          + "distillation evals guardrails function-calling mcp openapi graphql websocket "
          + "http3 quic mtls spiffe sbom supply-chain").split(" ");

  private static final String[] TAG_WORDS_ZH = (
      "并发编程 锁优化 内存模型 类加载 字节码 启动优化 冷启动 吞吐量 尾延迟 容量评估 "
          + "全链路压测 异地多活 单元化 服务治理 注册中心 配置中心 链路追踪 日志平台 指标体系 "
          + "告警收敛 变更管理 发布流水线 代码规范 技术选型 架构评审 领域事件 防腐层 "
          + "读模型 最终一致性 补偿事务 热点账户 秒杀 库存扣减 订单状态机 对账 数据迁移 "
          + "冷热分离 归档 向量数据库 提示工程 检索增强 模型评测 推理加速 知识库 "
          + "工程文化 读书 复盘文化").split(" ");

  private static final String[] TAG_QUALIFIERS = {"实战", "internals", "入门", "at-scale", "踩坑", "design"};

  /** 300 tags in Zipf rank order: rank 0 is the most used. */
  static final List<String> TAGS = tagPool(300);

  private static final double[] TAG_CUMULATIVE = zipfCumulative(TAGS.size(), 1.0);

  private static final String[] ZH_TOPICS = {"Java 记录类", "PostgreSQL 执行计划", "Redis 大 key", "JIT 编译",
      "服务网格", "ZGC 停顿", "消息幂等", "订单状态机", "库存扣减", "异地多活", "全链路压测", "Kafka 重平衡",
      "分布式 ID", "连接泄漏", "模型推理服务", "向量召回", "配置中心", "灰度规则", "日志采样", "单元测试覆盖率"};
  private static final String[] ZH_TITLE_ENDS = {"：一次完整的排查", "的设计与取舍", "入门到上线", "的五个误区",
      "为什么这么慢", "实践笔记", "，踩过的坑", "背后的原理", "改造纪实", "：我们的答案"};
  private static final String[] EN_TITLE_STARTS = {"Inside", "What We Got Wrong About", "Measuring",
      "A Field Guide to", "Taming", "Operating", "Testing", "Replacing", "The Cost of", "Revisiting"};
  private static final String[] EN_TOPICS = {"Sealed Interfaces", "Postgres Vacuum", "Tail Latency",
      "Consumer Rebalancing", "Schema Migrations", "Rate Limiters", "Read Replicas", "JFR Recordings",
      "Service Meshes", "Retry Storms", "Feature Flags", "Hot Partitions", "Embedding Caches",
      "Blue-Green Deploys", "Saga Orchestration", "Off-Heap Memory", "Leader Election", "Bloom Filters"};

  private static final String[] ZH_OPEN = {"上个季度", "在一次大促之前", "迁移到新机房以后", "复盘会上",
      "压测进行到第三轮时", "版本升级当晚", "梳理调用链路时", "引入新框架之后", "从告警记录看", "翻看历史工单时",
      "对比两套方案时"};
  private static final String[] ZH_ACTOR = {"值班同学", "我们", "平台组", "负责数据库的同事", "测试同学", "监控大盘",
      "慢日志", "采样数据", "GC 日志", "架构委员会"};
  private static final String[] ZH_VERB = {"注意到", "确认了", "怀疑", "证明了", "没想到", "反复验证了", "最终发现"};
  private static final String[] ZH_THING = {"批处理任务的并发度", "缓存预热的时机", "索引的覆盖范围", "重试的退避间隔",
      "序列化格式的选择", "连接的空闲超时", "分区键的设计", "事务的边界", "线程的上下文切换", "堆外内存的占用",
      "消费者的拉取间隔", "限流阈值的设置", "模型的批大小", "日志的输出级别"};
  private static final String[] ZH_EFFECT = {"决定了整体的吞吐上限", "拖慢了下游所有服务", "让错误率翻了一倍",
      "在低峰期完全看不出来", "比预想的重要得多", "解释了大部分的长尾请求", "其实和问题无关", "让扩容失去了意义",
      "把 CPU 使用率压到了一半", "需要跟业务方一起评估"};
  private static final String[] ZH_END = {"。", "，这是后来才意识到的。", "，下一节会给出数据。", "，值得单独记一笔。",
      "，于是我们改了默认值。", "，这一点很容易被忽略。"};

  private static final String[] EN_OPEN = {"Last quarter", "Before the holiday peak", "After the datacenter move",
      "In the postmortem", "On the third load test", "The night of the upgrade", "While tracing requests",
      "Once the new framework shipped", "Reading the alert history", "Comparing both designs"};
  private static final String[] EN_ACTOR = {"the on-call engineer", "we", "the platform team", "our DBA",
      "the QA team", "the dashboard", "the slow log", "the sampled traces", "the GC log", "the review board"};
  private static final String[] EN_VERB = {"noticed that", "confirmed that", "suspected that", "proved that",
      "was surprised that", "checked twice that", "finally saw that"};
  private static final String[] EN_THING = {"the batch concurrency", "the cache warm-up", "the covering index",
      "the retry backoff", "the wire format", "the idle timeout", "the partition key", "the transaction boundary",
      "the context switching", "the off-heap usage", "the poll interval", "the rate limit", "the model batch size",
      "the log level"};
  private static final String[] EN_EFFECT = {"capped the whole throughput", "slowed every downstream service",
      "doubled the error rate", "was invisible off-peak", "mattered far more than expected",
      "explained most of the slow requests", "had nothing to do with it", "made scaling out pointless",
      "halved the CPU usage", "had to be agreed with the product team"};
  private static final String[] EN_END = {".", ", which we only understood later.", "; the next section has numbers.",
      ", worth writing down.", ", so we changed the default.", ", an easy thing to miss."};

  private static final String[] INLINE_CODE = {"spring.threads.virtual.enabled", "-XX:MaxRAMPercentage=75",
      "work_mem", "SELECT ... SKIP LOCKED", "@Retryable", "maxInFlightRequests", "fetch.min.bytes",
      "Thread.ofVirtual()", "kubectl top pod", "EXPLAIN (ANALYZE, BUFFERS)", "ConcurrentHashMap.compute",
      "timeout_ms", "hikari.leakDetectionThreshold", "jcmd <pid> GC.heap_info"};

  private static final String[][] LINKS = {
    {"JDK 21 release notes", "https://openjdk.org/projects/jdk/21/"},
    {"PostgreSQL documentation", "https://www.postgresql.org/docs/current/"},
    {"Kubernetes 文档", "https://kubernetes.io/zh-cn/docs/home/"},
    {"The Twelve-Factor App", "https://12factor.net/"},
    {"Google SRE book", "https://sre.google/sre-book/table-of-contents/"},
    {"Java Flight Recorder guide", "https://docs.oracle.com/javacomponents/jmc.htm"},
    {"Apache Kafka 设计文档", "https://kafka.apache.org/documentation/#design"},
    {"OpenTelemetry docs", "https://opentelemetry.io/docs/"},
    {"Jepsen analyses", "https://jepsen.io/analyses"}
  };

  private static final String[] H2_ZH = {"起因", "现象", "排查思路", "方案对比", "落地过程", "效果", "遗留问题", "小结"};
  private static final String[] H2_EN = {"Context", "Symptoms", "Investigation", "Options", "Rollout", "Results",
      "Open Issues", "Summary"};
  private static final String[] H3 = {"参数清单", "核心代码", "Corner cases", "压测数据", "Why not X", "回退方案",
      "Follow-ups", "监控项"};

  private static final String[] LIST_ITEMS = {"上线前在预发环境跑满 24 小时", "Alert on the p99, not the mean",
      "每次只改一个参数", "Keep the old path behind a flag for a week", "把结论写进 runbook",
      "Record a JFR profile before and after", "和下游约定好超时时间", "Load-test with production-shaped data",
      "检查 `work_mem` 是否被整体放大", "Review the dashboards with the on-call engineer",
      "灰度比例按 1% → 10% → 50% 推进", "Delete the flag once the rollout is done"};

  private static final String[] TABLE_ROWS = {"原始方案", "加覆盖索引", "read replica", "本地缓存", "batch insert",
      "虚拟线程", "connection pooling", "异步化"};
  private static final String[] TABLE_NOTES = {"推荐", "不稳定", "baseline", "需要调参", "成本高", "已上线"};

  // ---------------------------------------------------------------------------------------------

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final LocalDateTime START = LocalDateTime.of(2018, 1, 1, 0, 0);
  private static final long SPAN_MINUTES = 7L * 365 * 24 * 60;

  /** Writes one post from its own generator. */
  private static final class Writer {
    private final Random r;
    private final int index;
    private final String slug;

    Writer(Random r, int index) {
      this.r = r;
      this.index = index;
      this.slug = String.format(Locale.ROOT, "post-%06d", index);
    }

    Post post() {
      boolean zhTitle = r.nextDouble() < 0.55;
      String title = zhTitle
          ? pick(ZH_TOPICS) + pick(ZH_TITLE_ENDS) + "（" + index + "）"
          : pick(EN_TITLE_STARTS) + " " + pick(EN_TOPICS) + " (" + index + ")";
      LocalDateTime date = START.plusMinutes((long) (r.nextDouble() * SPAN_MINUTES));
      LocalDateTime updated = date.plusDays(r.nextInt(150)).plusMinutes(r.nextInt(720));
      List<String> categories = sample(CATEGORIES, r.nextInt(3) == 0 ? 2 : 1);
      List<String> tags = zipfTags(2 + r.nextInt(5));

      StringBuilder fm = new StringBuilder(512);
      fm.append("---\n");
      fm.append("title: ").append(quote(title)).append('\n');
      fm.append("date: ").append(STAMP.format(date)).append(" +08:00\n");
      fm.append("updated: ").append(STAMP.format(updated)).append(" +08:00\n");
      fm.append("categories:\n");
      categories.forEach(c -> fm.append("  - ").append(quote(c)).append('\n'));
      fm.append("tags:\n");
      tags.forEach(t -> fm.append("  - ").append(quote(t)).append('\n'));
      fm.append("---\n\n");

      int targetBytes = 5_800 + r.nextInt(4_000);
      boolean zhHeadings = r.nextBoolean();
      int sections = 3 + r.nextInt(3);
      List<String> h2 = sample(Arrays.asList(zhHeadings ? H2_ZH : H2_EN), sections);
      int codeAt = r.nextInt(sections);
      int tableAt = r.nextInt(sections);
      int listAt = r.nextInt(sections);
      int imageAt = r.nextInt(sections);
      int linksAt = r.nextInt(sections);
      int h3At = r.nextInt(sections);

      List<List<String>> body = new ArrayList<>();
      for (int s = 0; s < sections; s++) {
        List<String> blocks = new ArrayList<>();
        blocks.add("## " + h2.get(s));
        blocks.add(paragraph());
        if (s == h3At || r.nextInt(4) == 0) {
          blocks.add("### " + pick(H3));
          blocks.add(paragraph());
        }
        if (s == listAt) {
          blocks.add(list());
        }
        if (s == codeAt) {
          blocks.add(code());
        }
        if (s == tableAt) {
          blocks.add(table());
        }
        if (s == imageAt) {
          blocks.add("![系统结构图 / system overview](/images/" + slug + "/figure-" + (s + 1) + ".png)");
        }
        if (s == linksAt) {
          blocks.add(links(h2.get(0)));
        }
        body.add(blocks);
      }
      String lead = paragraph();
      int bytes = utf8(lead) + body.stream().flatMap(List::stream).mapToInt(b -> utf8(b) + 2).sum();
      // Pad with paragraphs, one section after another, until the post reaches its size.
      for (int k = 0; bytes < targetBytes; k++) {
        String p = paragraph();
        List<String> blocks = body.get(k % sections);
        blocks.add(2 + (k / sections) % 2, p);
        bytes += utf8(p) + 2;
      }

      StringBuilder text = new StringBuilder(fm.length() + bytes + 64);
      text.append(fm).append(lead).append("\n\n<!--more-->\n");
      for (List<String> blocks : body) {
        for (String b : blocks) {
          text.append('\n').append(b).append('\n');
        }
      }
      String path = "content/posts/" + date.getYear() + "/" + slug + ".md";
      return new Post(path, text.toString());
    }

    private String paragraph() {
      return r.nextBoolean() ? chinese() : english();
    }

    private String chinese() {
      StringBuilder p = new StringBuilder();
      for (int n = 3 + r.nextInt(4); n > 0; n--) {
        p.append(pick(ZH_OPEN)).append('，').append(pick(ZH_ACTOR)).append(pick(ZH_VERB))
            .append(pick(ZH_THING)).append(pick(ZH_EFFECT));
        if (r.nextInt(5) == 0) {
          p.append("（相关配置是 `").append(pick(INLINE_CODE)).append("`）");
        }
        if (r.nextInt(12) == 0) {
          p.append("，**这一点最关键**");
        }
        p.append(pick(ZH_END));
      }
      return p.toString();
    }

    private String english() {
      StringBuilder p = new StringBuilder();
      for (int n = 3 + r.nextInt(4); n > 0; n--) {
        if (p.length() > 0) {
          p.append(' ');
        }
        p.append(pick(EN_OPEN)).append(", ").append(pick(EN_ACTOR)).append(' ').append(pick(EN_VERB))
            .append(' ').append(pick(EN_THING)).append(' ').append(pick(EN_EFFECT));
        if (r.nextInt(5) == 0) {
          p.append(" (the setting is `").append(pick(INLINE_CODE)).append("`)");
        }
        if (r.nextInt(12) == 0) {
          p.append(", *and that was the key point*");
        }
        p.append(pick(EN_END));
      }
      return p.toString();
    }

    private String list() {
      StringBuilder l = new StringBuilder();
      for (String item : sample(Arrays.asList(LIST_ITEMS), 3 + r.nextInt(4))) {
        if (l.length() > 0) {
          l.append('\n');
        }
        l.append("- ").append(item);
      }
      return l.toString();
    }

    private String table() {
      StringBuilder t = new StringBuilder("| 方案 / Variant | TPS | P95 (ms) | 结论 |\n| --- | ---: | ---: | :---: |");
      for (String row : sample(Arrays.asList(TABLE_ROWS), 3 + r.nextInt(3))) {
        t.append("\n| ").append(row).append(" | ").append(500 + r.nextInt(30_000)).append(" | ")
            .append(2 + r.nextInt(1_200)).append(" | ").append(pick(TABLE_NOTES)).append(" |");
      }
      return t.toString();
    }

    private String links(String firstHeading) {
      List<String[]> two = sample(Arrays.asList(LINKS), 2);
      return "延伸阅读：[" + two.get(0)[0] + "](" + two.get(0)[1] + ")，还有 [" + two.get(1)[0] + "]("
          + two.get(1)[1] + " \"" + two.get(1)[0] + "\")。See also [the first section](#"
          + firstHeading.toLowerCase(Locale.ROOT).replace(' ', '-') + ") above.";
    }

    private String code() {
      int a = 4 + r.nextInt(60);
      int b = 50 + r.nextInt(9_950);
      return switch (r.nextInt(3)) {
        case 0 -> "下面是精简过的 Java 代码 / the Java code, trimmed:\n\n```java\n"
            + "public final class RetryingClient {\n"
            + "  private static final int MAX_ATTEMPTS = " + a + ";\n"
            + "  private final HttpClient http;\n\n"
            + "  RetryingClient(HttpClient http) {\n"
            + "    this.http = http;\n"
            + "  }\n\n"
            + "  String fetch(URI uri) throws IOException, InterruptedException {\n"
            + "    for (int attempt = 1; ; attempt++) {\n"
            + "      HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());\n"
            + "      if (res.statusCode() < 500 || attempt == MAX_ATTEMPTS) {\n"
            + "        return res.body();\n"
            + "      }\n"
            + "      Thread.sleep(Math.min(" + b + "L, 50L << attempt)); // backoff\n"
            + "    }\n"
            + "  }\n"
            + "}\n```";
        case 1 -> "对应的 SQL / the SQL behind it:\n\n```sql\n"
            + "CREATE INDEX CONCURRENTLY idx_shipment_" + a + "_status\n"
            + "    ON shipment (warehouse_id, status, updated_at DESC)\n"
            + " WHERE status <> 'DELIVERED';\n\n"
            + "SELECT s.id, s.tracking_no, w.name AS warehouse\n"
            + "  FROM shipment s\n"
            + "  JOIN warehouse w ON w.id = s.warehouse_id\n"
            + " WHERE s.warehouse_id = " + a + "\n"
            + "   AND s.status = 'IN_TRANSIT'\n"
            + " ORDER BY s.updated_at DESC\n"
            + " LIMIT " + b + ";\n```";
        default -> "部署配置 / the deployment:\n\n```yaml\n"
            + "apiVersion: apps/v1\n"
            + "kind: Deployment\n"
            + "metadata:\n"
            + "  name: checkout-" + a + "\n"
            + "spec:\n"
            + "  replicas: " + (2 + a % 8) + "\n"
            + "  template:\n"
            + "    spec:\n"
            + "      containers:\n"
            + "        - name: app\n"
            + "          image: registry.internal/checkout:1." + a + "\n"
            + "          env:\n"
            + "            - name: JAVA_TOOL_OPTIONS\n"
            + "              value: \"-XX:MaxRAMPercentage=75\"\n"
            + "          readinessProbe:\n"
            + "            httpGet: { path: /health, port: 8080 }\n"
            + "            timeoutSeconds: " + (1 + b % 5) + "\n```";
      };
    }

    private List<String> zipfTags(int count) {
      List<String> chosen = new ArrayList<>(count);
      while (chosen.size() < count) {
        int rank = Arrays.binarySearch(TAG_CUMULATIVE, r.nextDouble());
        String tag = TAGS.get(Math.min(rank < 0 ? -rank - 1 : rank, TAGS.size() - 1));
        if (!chosen.contains(tag)) {
          chosen.add(tag);
        }
      }
      return chosen;
    }

    private String pick(String[] pool) {
      return pool[r.nextInt(pool.length)];
    }

    /** {@code count} distinct members of {@code pool}, in random order. */
    private <T> List<T> sample(List<T> pool, int count) {
      List<T> copy = new ArrayList<>(pool);
      List<T> out = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        out.add(copy.remove(r.nextInt(copy.size())));
      }
      return out;
    }
  }

  private static List<String> tagPool(int size) {
    List<String> pool = new ArrayList<>(size);
    pool.addAll(Arrays.asList(TAG_WORDS_EN));
    pool.addAll(Arrays.asList(TAG_WORDS_ZH));
    for (int q = 0; pool.size() < size; q++) {
      String base = TAG_WORDS_EN[q % TAG_WORDS_EN.length];
      String qualifier = TAG_QUALIFIERS[(q / TAG_WORDS_EN.length) % TAG_QUALIFIERS.length];
      pool.add(base + "-" + qualifier);
    }
    List<String> ranked = new ArrayList<>(pool.subList(0, size));
    // Rank by a fixed shuffle, so the most used tags are not simply the first ones written above.
    java.util.Collections.shuffle(ranked, new Random(300));
    return List.copyOf(ranked);
  }

  /** Cumulative probabilities of ranks 0..n-1 under Zipf's law with exponent {@code s}. */
  private static double[] zipfCumulative(int n, double s) {
    double[] c = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + 1, s);
      c[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      c[k] /= sum;
    }
    return c;
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static int utf8(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }
}
