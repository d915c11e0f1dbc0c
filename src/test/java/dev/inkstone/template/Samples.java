package dev.inkstone.template;

import dev.inkstone.template.Views.ArchiveView;
import dev.inkstone.template.Views.AuthorView;
import dev.inkstone.template.Views.Crumb;
import dev.inkstone.template.Views.LinkView;
import dev.inkstone.template.Views.MenuItemView;
import dev.inkstone.template.Views.MonthGroup;
import dev.inkstone.template.Views.PageLink;
import dev.inkstone.template.Views.PageView;
import dev.inkstone.template.Views.Paginator;
import dev.inkstone.template.Views.PostCard;
import dev.inkstone.template.Views.PostLink;
import dev.inkstone.template.Views.SidebarView;
import dev.inkstone.template.Views.SiteView;
import dev.inkstone.template.Views.TaxonomyView;
import dev.inkstone.template.Views.TermLink;
import dev.inkstone.template.Views.TermView;
import dev.inkstone.template.Views.TocItem;
import dev.inkstone.template.Views.YearGroup;
import dev.inkstone.template.Views.WebView;
import dev.inkstone.template.Views.WidgetView;
import dev.inkstone.template.Views.PageMeta;
import dev.inkstone.template.Views.AlternateLink;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built views of a small Chinese tech blog, for rendering every template of a theme. */
final class Samples {
  private Samples() {}

  static final AuthorView OWNER =
      new AuthorView("owner", "秋山", "写 Java 和分布式系统，也记录踩过的坑。关注架构设计与工程实践。", "/img/avatar.svg", "/about/",
          List.of(new LinkView("GitHub", "https://github.com/example", "", true), new LinkView("RSS", "/feed.xml", "", false)));

  static final AuthorView GUEST = new AuthorView("lin", "林远", "大模型方向的研究者，偶尔在这里投稿。", "", "", List.of());

  static final List<TermLink> TAGS = tags(12);

  static List<TermLink> tags(int n) {
    String[] names = {"AI", "人工智能", "OpenAI", "大模型", "Gemini", "Google", "Java", "MySQL", "消息队列", "微服务架构", "DDD", "Event Sourcing"};
    List<TermLink> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new TermLink(names[i], "/tags/" + names[i].toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "/", (i * 7) % 20 + 1));
    }
    return out;
  }

  static SiteView site(String language) {
    return new SiteView("墨石技术笔记", "路很长，慢慢走", "Java、数据库与 AI 的技术笔记", "https://blog.example.org/", language, OWNER,
        2014, 2025, "墨石技术笔记", "粤ICP备00000000号-1", true, Map.of(), Map.of(), List.of(),
        new WebView(Map.of(), new Views.AnalyticsView(null, null, null, null), new WidgetView("", Map.of()), new WidgetView("", Map.of()), List.of(), ""));
  }

  static PageMeta meta(String kind, String description) {
    return new PageMeta(description, "", kind.equals("post") ? "article" : "website", List.of(), false, null,
        List.of(new AlternateLink("application/rss+xml", "RSS", "https://blog.example.org/feed.xml")), false);
  }

  static List<MenuItemView> nav(String activeUrl) {
    return List.of(
        item("首页", "/", activeUrl),
        item("原创", "/categories/original/", activeUrl),
        item("Java", "/categories/java/", activeUrl),
        item("MySQL", "/categories/mysql/", activeUrl),
        item("AI", "/categories/ai/", activeUrl),
        new MenuItemView("工具", "", false, false, List.of(
            item("JSON 格式化", "/tools/json/", activeUrl),
            item("SQL 格式化", "/tools/sql/", activeUrl),
            new MenuItemView("在线工具集", "https://tools.example.net/", true, false, List.of()))),
        item("归档", "/archives/", activeUrl),
        item("关于", "/about/", activeUrl));
  }

  private static MenuItemView item(String name, String url, String activeUrl) {
    boolean active = url.equals(activeUrl) || (!url.equals("/") && activeUrl.startsWith(url));
    return new MenuItemView(name, url, false, active, List.of());
  }

  static final String BODY = """
      <p>技术报告有 60 页，几乎没有透露模型细节，大部分篇幅是评测。下面按<strong>训练、结构、评测</strong>三部分整理要点，并附上一点自己的看法。</p>
      <h2 id="训练">1. 训练方式</h2>
      <p>多种模态从头一起训练，包括文本、图片、音频和视频。图片先切成 16×16 的块，再展开成一维序列，和文本一样做 next token prediction。</p>
      <blockquote><p>猜测：最后阶段提高了领域数据的配比，尤其是数学和逻辑类数据。</p></blockquote>
      <h3 id="数据">1.1 数据配比</h3>
      <ul><li>文本：网页、书籍、代码</li><li>多模态：图片、音频、视频</li><li><del>合成数据</del>（报告没有提）</li></ul>
      <h2 id="结构">2. 模型结构</h2>
      <p>仍是 Decoder-only 结构，支持 32K 上下文。下面是一段调用示例，行很长，用来检查窄屏上的横向滚动：</p>
      <pre><code class="language-java">public final class Client {
        public static void main(String[] args) throws Exception {
          var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("https://api.example.org/v1/generate?model=ultra&amp;max_tokens=32768")).build(), BodyHandlers.ofString());
          System.out.println(response.body());
        }
      }</code></pre>
      <p>行内代码如 <code>max_tokens</code> 也要清楚可读。</p>
      <h2 id="评测">3. 评测结果</h2>
      <table><thead><tr><th>模型</th><th>MMLU (5-shot)</th><th>MMLU (CoT@32)</th><th>GSM8K</th><th>HumanEval</th><th>备注</th></tr></thead>
      <tbody><tr><td>Gemini Ultra</td><td>83.7%</td><td>90.0%</td><td>94.4%</td><td>74.4%</td><td>报告数据</td></tr>
      <tr><td>GPT-4</td><td>86.4%</td><td>87.3%</td><td>92.0%</td><td>67.0%</td><td>公开数据</td></tr></tbody></table>
      <p>结论：文本依然是大模型获取世界知识的主要来源，多模态训练主要建立起概念和物理形象之间的对应。<a href="#训练">回到第一节</a>。</p>
      """;

  static List<TocItem> toc() {
    return List.of(
        new TocItem("训练", "1. 训练方式", 2, List.of(new TocItem("数据", "1.1 数据配比", 3, List.of()))),
        new TocItem("结构", "2. 模型结构", 2, List.of()),
        new TocItem("评测", "3. 评测结果", 2, List.of()));
  }

  static List<PostLink> related() {
    String[] titles = {"2023 年 AI 盘点", "LangChain：打造自己的 LLM 应用", "Assistants API 技术原理探秘", "Agent 基础能力概述：Profile、Memory、Plan、Action",
        "Prompt 之翻译", "一文了解 Sora", "ChatGLM：另一种选择", "26 条有效的提示词技巧", "LangChain 原理学习笔记", "向量数据库选型"};
    List<PostLink> out = new ArrayList<>();
    for (int i = 0; i < titles.length; i++) {
      out.add(new PostLink(titles[i], "/posts/related-" + (i + 1) + "/", "2023-11-" + (10 + i)));
    }
    return out;
  }

  static PageView post(AuthorView author) {
    List<TermLink> categories = List.of(new TermLink("AI", "/categories/ai/", 20));
    Map<String, List<PostLink>> series = new LinkedHashMap<>();
    series.put("读报告", List.of(new PostLink("读 GPT-4 技术报告", "/posts/gpt4/", "2023-03-20"),
        new PostLink("Gemini 技术报告要点提炼", "/posts/gemini-report/", "2023-12-10")));
    return new PageView("post", "【AI】Gemini 技术报告要点提炼", "/posts/gemini-report/",
        "https://blog.example.org/posts/gemini-report/", "2023-12-10T21:30:00+08:00", "2023-12-10",
        "2023-12-12T09:00:00+08:00", "2023-12-12", author, categories, TAGS, Map.of(), new SafeString(BODY),
        "技术报告 60 页，大部分是评测。本文按训练、结构和评测整理要点。", toc(), true, 3429, 9, "", true,
        List.of(new Crumb("首页", "/"), new Crumb("AI", "/categories/ai/"), new Crumb("Gemini 技术报告要点提炼", "")),
        new PostLink("LangChain：打造自己的 LLM 应用", "/posts/langchain/", "2023-12-01"),
        new PostLink("2023 年 AI 盘点（转译）", "/posts/ai-2023/", "2023-12-28"), related(), series, Map.of(), "", false, false,
        meta("post", "技术报告 60 页，大部分是评测。本文按训练、结构和评测整理要点。"));
  }

  static PageView page(String kind, String title, String url, String layout, SafeString content) {
    List<Crumb> crumbs = kind.equals("home") || kind.equals("404") ? List.of() : List.of(new Crumb("首页", "/"), new Crumb(title, ""));
    return new PageView(kind, title, url, "https://blog.example.org" + url, "", "", "", "", kind.equals("page") ? OWNER : null,
        List.of(), List.of(), Map.of(), content, "", List.of(), false, 0, 0, "", false, crumbs, null, null, List.of(), Map.of(), Map.of(), layout, false, false,
        meta(kind, title));
  }

  static List<PostCard> cards(int n) {
    List<PostCard> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new PostCard(i == 0 ? "基于 MySQL Binlog 实现可配置的异构数据同步" : "微服务架构笔记（" + (i + 1) + "）：服务注册与发现",
          "/posts/card-" + i + "/", "2024-0" + (5 - i % 4) + "-1" + i + "T08:00:00+08:00", "2024-0" + (5 - i % 4) + "-1" + i,
          "从业务背景讲起，比较了几种数据同步方案的取舍：一致性、延迟、运维成本，以及出问题时如何补数据。", List.of(new TermLink("架构方案", "/categories/arch/", 12)),
          tags(3 + i % 3), "", 2400 + i * 100, 6 + i, i == 0));
    }
    return out;
  }

  static Paginator paginator(String base) {
    return new Paginator(cards(5), 2, 3, 13, base, base + "page/3/", List.of(
        new PageLink(1, base, false), new PageLink(2, base + "page/2/", true), new PageLink(3, base + "page/3/", false)));
  }

  static SidebarView sidebar() {
    List<PostLink> latest = related().subList(0, 8);
    List<PostLink> hot = related().subList(2, 10);
    List<TermView> cloud = new ArrayList<>();
    for (TermLink t : tags(12)) {
      cloud.add(new TermView("tags", t.name(), t.url(), t.count(), 0, Math.min(5, 1 + t.count() / 4), List.of()));
    }
    return new SidebarView(latest, hot, List.of(), cloud, List.of(
        new LinkView("AI 工具集", "https://ai.example.com/", "常用 AI 工具导航", true),
        new LinkView("工具箱", "/tools/", "", false)), 40, "/tags/");
  }

  static TermView term() {
    return new TermView("categories", "AI", "/categories/ai/", 13, 0, 3,
        List.of(new TermView("categories", "大模型", "/categories/ai/llm/", 8, 1, 2, List.of())));
  }

  static TaxonomyView tagsTaxonomy() {
    return new TaxonomyView("tags", "标签", "/tags/", sidebar().tagCloud());
  }

  static TaxonomyView categoriesTaxonomy() {
    return new TaxonomyView("categories", "分类", "/categories/", List.of(term(),
        new TermView("categories", "Java", "/categories/java/", 30, 0, 5, List.of()),
        new TermView("categories", "视频", "/categories/video/", 20, 0, 4, List.of())));
  }

  static ArchiveView archive(boolean oneYear) {
    List<YearGroup> years = new ArrayList<>();
    years.add(new YearGroup(2024, "/archives/2024/", 5, List.of(
        new MonthGroup(2024, 5, "/archives/2024/05/", 2, cards(2)),
        new MonthGroup(2024, 3, "/archives/2024/03/", 3, cards(3)))));
    if (!oneYear) {
      years.add(new YearGroup(2023, "/archives/2023/", 1, List.of(new MonthGroup(2023, 12, "/archives/2023/12/", 1, cards(1)))));
    }
    return new ArchiveView(years);
  }
}
