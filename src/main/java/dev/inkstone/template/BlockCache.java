package dev.inkstone.template;

import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code {% cache key %}…{% endcache %}} tag, kept for one build: the block is made the first
 * time a page shows it under that key, and later pages copy its UTF-8 bytes. The default theme's
 * lists show each post's card on the home page and on each of its terms' pages; each card is
 * evaluated and encoded once.
 *
 * <p>It replaces Pebble's own {@code cache} tag, which keeps blocks for the engine's life as
 * strings: the engine outlives builds in the preview server while a key (a post's URL) outlives
 * the text it stood for, and a string would be encoded again on every page. At most {@code
 * budget} bytes are kept; past that a block is made each time it is shown, as without the tag.
 */
final class BlockCache implements TokenParser {
  private record Key(Block block, String name) {}

  private final ConcurrentHashMap<Key, byte[]> blocks = new ConcurrentHashMap<>();
  private final PageWriter.TemplateText text;
  private final long budget;
  private final AtomicLong held = new AtomicLong();

  BlockCache(PageWriter.TemplateText text, long budget) {
    this.text = text;
    this.budget = budget;
  }

  /** Forgets every block: a new build begins, or one ended. */
  void clear() {
    blocks.clear();
    held.set(0);
  }

  @Override
  public String getTag() {
    return "cache";
  }

  @Override
  public RenderableNode parse(Token token, Parser parser) {
    TokenStream stream = parser.getStream();
    stream.next(); // past the tag's name
    Expression<?> key = parser.getExpressionParser().parseExpression();
    stream.expect(Token.Type.EXECUTE_END);
    BodyNode body = parser.subparse(t -> t.test(Token.Type.NAME, "endcache"));
    stream.next(); // past endcache
    stream.expect(Token.Type.EXECUTE_END);
    return new Block(token.getLineNumber(), key, body);
  }

  private byte[] kept(Key key) {
    return blocks.get(key);
  }

  private void keep(Key key, byte[] made) {
    if (held.addAndGet(made.length) > budget || blocks.putIfAbsent(key, made) != null) {
      held.addAndGet(-made.length);
    }
  }

  private final class Block extends AbstractRenderableNode {
    private final Expression<?> name;
    private final BodyNode body;

    Block(int line, Expression<?> name, BodyNode body) {
      super(line);
      this.name = name;
      this.body = body;
    }

    @Override
    public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
      Key key = new Key(this, String.valueOf(name.evaluate(self, context)));
      byte[] made = kept(key);
      if (made == null) {
        // Two threads may make the same block at once: the same bytes, one of them kept.
        PageWriter out = new PageWriter(2048, text);
        body.render(self, out, context);
        made = out.bytes();
        out.release();
        keep(key, made);
      }
      if (writer instanceof PageWriter page) {
        page.writeEncoded(made);
      } else {
        writer.write(new String(made, StandardCharsets.UTF_8));
      }
    }

    @Override
    public void accept(NodeVisitor visitor) {
      visitor.visit(body); // so that the blocks and macros a cached block defines are found
    }
  }
}
