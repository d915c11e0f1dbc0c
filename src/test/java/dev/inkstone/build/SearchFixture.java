package dev.inkstone.build;

/** A small blog in Chinese and English whose posts a reader would expect to find by certain queries. */
public final class SearchFixture {
  private SearchFixture() {}

  public static final String BLOG = """
      -- content/site.yaml --
      title: 搜索测试
      baseUrl: https://example.org/
      language: zh-CN
      -- content/posts/microservices.md --
      ---
      title: 微服务拆分实践
      date: 2024-01-10
      tags: [微服务, 架构]
      ---
      把单体应用拆成微服务之前，先想清楚服务边界。每个服务有自己的数据库。

      拆分之后，服务之间的调用需要超时和重试。
      -- content/posts/service-mesh.md --
      ---
      title: 服务网格入门
      date: 2024-03-05
      tags: [云原生]
      ---
      服务网格把流量治理从代码里拿出来。它常和微服务一起出现，但不是必需品。
      -- content/posts/llm-inference.md --
      ---
      title: 大模型推理加速笔记
      date: 2024-02-01
      tags: [大模型, GPU]
      ---
      推理的瓶颈在显存带宽。大模型的 KV cache 占用很多显存，批处理能提高吞吐。
      -- content/posts/llm-training.md --
      ---
      title: 大模型训练的数据清洗
      date: 2024-04-01
      tags: [大模型]
      ---
      训练数据要去重、过滤低质量文本。这里不谈推理。
      -- content/posts/kafka.md --
      ---
      title: Kafka Consumer Groups Explained
      date: 2023-11-20
      tags: [Kafka, Messaging]
      ---
      A consumer group shares the partitions of a topic. When a consumer leaves, Kafka rebalances.
      -- content/posts/redis.md --
      ---
      title: Redis 缓存穿透
      date: 2024-05-01
      tags: [Redis]
      ---
      缓存穿透的常见解法是布隆过滤器。我们的订单事件也会写进 Kafka，但这不是重点。
      -- content/posts/jvm.md --
      ---
      title: Tuning the JVM garbage collector
      date: 2024-06-01
      tags: [Java, JVM]
      ---
      Pick G1 for most services; measure pause times before switching to ZGC.
      -- content/posts/latency-math.md --
      ---
      title: 平均延迟的估算
      date: 2023-01-01
      ---
      设命中率为 $h$，平均延迟是：

      $$
      \\bar{t} = h \\cdot t_c
      $$
      """;
}
