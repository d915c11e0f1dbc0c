package dev.inkstone.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A template reads the same through {@link ViewAttributes} as through Pebble's own resolver, errors included. */
class ViewAttributesTest {

  public record Card(String title, int count, boolean draft) {
    public String getSummary() {
      return "summary of " + title;
    }

    public boolean isLong() {
      return count > 2;
    }

    public String broken() {
      throw new IllegalStateException("no");
    }
  }

  private static final Card CARD = new Card("Hello <b>", 3, false);

  private static Map<String, Object> context() {
    Map<String, Object> i18n = new HashMap<>();
    i18n.put("toc", "目录");
    i18n.put("size", "a key named like a method");
    i18n.put("nothing", null);
    Map<String, Object> ctx = new HashMap<>();
    ctx.put("card", CARD);
    ctx.put("i18n", i18n);
    ctx.put("fixed", Map.of("a", 1));
    ctx.put("ordered", new LinkedHashMap<>(Map.of("key", "v")));
    ctx.put("cards", List.of(CARD, new Card("Two", 1, true)));
    return ctx;
  }

  private static final List<String> TEMPLATES = List.of(
      "{{ card.title }} {{ card.count }} {{ card.draft }}",
      "{{ card.summary }} {{ card.long }} {{ card.getSummary }}",
      "{% for c in cards %}{{ c.title }}/{{ c.long }};{% endfor %}",
      "{{ i18n.toc }} [{{ i18n.nothing }}] {{ i18n['toc'] }}",
      "{{ i18n.size }} {{ i18n.empty }}",
      "{{ fixed.a }} {{ ordered.key }} {{ fixed['a'] }}",
      "{{ card.hashCode == card.hashCode }} {{ card.toString }}",
      "{{ card.missing }}",
      "{{ i18n.missing }}",
      "{{ card.broken }}",
      "{{ card.class }}");

  @Test
  void everyReadGivesWhatPebbleGives() {
    PebbleEngine ours = engine(List.of(new ViewAttributes()));
    PebbleEngine pebbles = engine(List.of());
    for (String template : TEMPLATES) {
      assertThat(render(ours, template)).as(template).isEqualTo(render(pebbles, template));
    }
  }

  @Test
  void readsRecordsAndMapsItself() {
    // the reads above that it answers, not Pebble (answers for the rest are null)
    ViewAttributes resolver = new ViewAttributes();
    assertThat(resolver.resolve(CARD, "title", null, null, null, "t", 1).evaluatedValue).isEqualTo("Hello <b>");
    assertThat(resolver.resolve(CARD, "long", null, null, null, "t", 1).evaluatedValue).isEqualTo(true);
    assertThat(resolver.resolve(Map.of("toc", "目录"), "toc", null, null, null, "t", 1).evaluatedValue).isEqualTo("目录");
    assertThat(resolver.resolve(Map.of("size", "x"), "size", null, null, null, "t", 1)).isNull();
    assertThat(resolver.resolve(CARD, "missing", null, null, null, "t", 1)).isNull();
    assertThat(resolver.resolve(CARD, "class", null, null, null, "t", 1)).isNull();
    assertThat(resolver.resolve(List.of(1), "size", null, null, null, "t", 1)).isNull();
  }

  private static PebbleEngine engine(List<AttributeResolver> resolvers) {
    return new PebbleEngine.Builder()
        .loader(new StringLoader())
        .strictVariables(true)
        .autoEscaping(true)
        .cacheActive(false)
        .extension(new AbstractExtension() {
          @Override
          public List<AttributeResolver> getAttributeResolver() {
            return resolvers;
          }
        })
        .build();
  }

  private static String render(PebbleEngine engine, String template) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, context());
      return out.toString();
    } catch (Exception e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage() + " / " + (e.getCause() == null ? "" : e.getCause().getClass().getSimpleName());
    }
  }
}
