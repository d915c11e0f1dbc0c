package dev.inkstone.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.ReplacedTextMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * Bare URLs, {@code www.} addresses and e-mail addresses in text become links, found by the
 * autolink library flexmark's own extension uses, with two differences that matter to a Chinese
 * blog:
 *
 * <ul>
 *   <li>a link ends at full-width and CJK punctuation: {@code 见 www.example.org，然后} links
 *       {@code www.example.org}, where the library would take the comma and the rest of the
 *       sentence into the address (Chinese text puts no space after a URL);
 *   <li>text that cannot hold a link (no {@code :}, {@code @} or {@code www.}, nor an {@code &}
 *       that could spell one as an entity) is passed over without scanning: flexmark's extension
 *       runs a regular expression and the scanner over every piece of text, a tenth of a big
 *       build.
 * </ul>
 */
final class QuickAutolinks implements Parser.ParserExtension {

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessorFactory(new Factory());
  }

  /**
   * Visits the text nodes itself, in document order as they were before any changed: as a node
   * post-processor it made flexmark classify every node of every post first (2 % of a build).
   */
  private static final class Factory extends DocumentPostProcessorFactory {
    private static final LinkExtractor LINKS =
        LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW, LinkType.EMAIL)).build();

    @Override
    public DocumentPostProcessor apply(Document document) {
      return new DocumentPostProcessor() {
        @Override
        public Document processDocument(Document document) {
          List<Node> texts = new ArrayList<>();
          collect(document, texts);
          for (Node text : texts) {
            if (text.getParent() != null) {
              link(text);
            }
          }
          return document;
        }
      };
    }

    private static void collect(Node parent, List<Node> texts) {
      for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
        if (node.getClass() == Text.class) {
          if (mayHoldLink(node.getChars())) {
            texts.add(node);
          }
        } else {
          collect(node, texts);
        }
      }
    }

    private static void link(Node node) {
      BasedSequence original = node.getChars();
      if (node.getAncestorOfType(DoNotDecorate.class, DoNotLinkDecorate.class) != null) {
        return;
      }
      ReplacedTextMapper mapper = new ReplacedTextMapper(original);
      BasedSequence literal = Escaping.unescape(original, mapper);
      List<Found> found = find(literal);
      if (found.isEmpty()) {
        return;
      }
      // the pieces go into a text group in the node's place, as flexmark's extension does
      Node group = node.getParent() instanceof TextBase ? null : new TextBase(original);
      if (group != null) {
        node.insertBefore(group);
      }
      int done = 0;
      for (Found f : found) {
        int start = mapper.originalOffset(f.begin());
        int end = mapper.originalOffset(f.end());
        if (start > done) {
          place(node, group, new Text(original.subSequence(done, start)));
        }
        BasedSequence chars = original.subSequence(start, end);
        Node link;
        if (f.mail()) {
          MailLink mail = new MailLink();
          mail.setText(chars);
          link = mail;
        } else {
          AutoLink auto = new AutoLink();
          auto.setText(chars);
          auto.setUrlChars(chars);
          link = auto;
        }
        link.setCharsFromContent();
        link.appendChild(new Text(chars));
        place(node, group, link);
        done = end;
      }
      if (done < original.length()) {
        place(node, group, new Text(original.subSequence(done)));
      }
      node.unlink();
    }

    private static void place(Node node, Node group, Node piece) {
      if (group != null) {
        group.appendChild(piece);
      } else {
        node.insertBefore(piece);
      }
    }
  }

  /** A link found in the unescaped text: {@code [begin, end)}. */
  private record Found(int begin, int end, boolean mail) {}

  /** The links in {@code text}, each cut at the first stop character; what follows a cut is scanned again. */
  static List<Found> find(CharSequence text) {
    List<Found> out = new ArrayList<>();
    int from = 0;
    scan:
    while (from < text.length()) {
      for (LinkSpan span : Factory.LINKS.extractLinks(text.subSequence(from, text.length()))) {
        int begin = from + span.getBeginIndex();
        int end = from + span.getEndIndex();
        int cut = begin;
        while (cut < end && !isStop(text.charAt(cut))) {
          cut++;
        }
        int last = cut;
        while (last > begin && cut < end && ".,:;!?".indexOf(text.charAt(last - 1)) >= 0) {
          last--;
        }
        if (last > begin) {
          out.add(new Found(begin, last, span.getType() == LinkType.EMAIL));
        }
        if (cut < end) {
          from = cut + 1;
          continue scan;
        }
      }
      break;
    }
    return out;
  }

  /** Full-width and CJK punctuation, which ends a link; 々, 〆 and 〇 are letters, not stops. */
  static boolean isStop(char c) {
    if (c >= '\u3000' && c <= '\u303F') {
      return c != '\u3005' && c != '\u3006' && c != '\u3007';
    }
    return (c >= '\uFF01' && c <= '\uFF0F') || (c >= '\uFF1A' && c <= '\uFF20') || (c >= '\uFF3B' && c <= '\uFF40')
        || (c >= '\uFF5B' && c <= '\uFF65') || (c >= '\u2014' && c <= '\u2026');
  }

  /** As {@link #mayHoldLink(String)}, reading a piece of a source text in place. */
  private static boolean mayHoldLink(BasedSequence chars) {
    char[] source = SourceText.array(chars);
    return source == null ? mayHoldLink(SourceText.text(chars)) : mayHoldLink(source, chars.getStartOffset(), chars.getEndOffset());
  }

  static boolean mayHoldLink(String s) {
    return mayHoldLink(s.toCharArray(), 0, s.length());
  }

  private static boolean mayHoldLink(char[] text, int start, int end) {
    int run = 0; // 'w's just before
    for (int i = start; i < end; i++) {
      char c = text[i];
      if (c == ':' || c == '@' || c == '&' || (c == '.' && run >= 3)) {
        return true;
      }
      run = c == 'w' || c == 'W' ? run + 1 : 0;
    }
    return false;
  }
}
