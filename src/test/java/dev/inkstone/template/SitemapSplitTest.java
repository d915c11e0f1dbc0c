package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkstone.build.TestSite;
import dev.inkstone.config.SiteConfigReader;
import dev.inkstone.content.DocumentReader;
import dev.inkstone.markdown.MarkdownEngine;
import dev.inkstone.output.Output;
import dev.inkstone.site.AssembleOptions;
import dev.inkstone.site.Site;
import dev.inkstone.site.SiteAssembler;
import dev.inkstone.source.BlogFolder;
import dev.inkstone.source.SourceFile;
import dev.inkstone.source.SourceSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitemapSplitTest {
  @TempDir Path dir;

  @Test
  void past_the_url_limit_the_sitemap_becomes_an_index_of_numbered_sitemaps() {
    StringBuilder blog = new StringBuilder("-- content/site.yaml --\nbaseUrl: https://x.org/\n");
    for (int i = 1; i <= 5; i++) {
      blog.append("-- content/posts/p").append(i).append(".md --\n---\ntitle: P").append(i).append("\ndate: 2024-01-0").append(i).append("\n---\ntext\n");
    }
    TestSite.write(dir, blog.toString());
    SourceSet sources = BlogFolder.load(dir);
    var config = SiteConfigReader.read(sources.config());
    MarkdownEngine md = new MarkdownEngine();
    List<SourceFile> docs = new ArrayList<>(sources.ofKind(SourceFile.Kind.POST));
    Site site = SiteAssembler.assemble(config, new AssembleOptions(false, false, TestSite.CLOCK.instant()),
        DocumentReader.readAll(docs, config.timezone(), md).documents(), List.of());
    List<Output> pages = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      pages.add(Output.rendered("posts/p" + i + "/index.html", new byte[0]));
    }
    List<Output> out = new Sitemap(site, 2).render(pages.stream().map(Output::path).toList(), Set.of());
    assertThat(out).extracting(Output::path).containsExactly("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml", "robots.txt");
    String index = new String(out.get(3).bytes(), StandardCharsets.UTF_8);
    assertThat(index).contains("<sitemapindex").contains("<loc>https://x.org/sitemap-3.xml</loc>");
    assertThat(new String(out.get(2).bytes(), StandardCharsets.UTF_8)).contains("<loc>https://x.org/posts/p5/</loc>")
        .contains("<lastmod>2024-01-05T00:00:00Z</lastmod>");
  }
}
