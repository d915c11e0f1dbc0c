package dev.inkstone.markdown;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.swing.text.Segment;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenTypes;
import org.fife.ui.rsyntaxtextarea.modes.*;

/**
 * Highlights code at build time: the JFlex lexers of RSyntaxTextArea split each line into
 * tokens, and each token that deserves a colour becomes a {@code <span>} with a short class
 * ({@code k} keyword, {@code s} string, {@code c} comment, ... as the theme's CSS names them).
 * An unknown language comes back as plain escaped text.
 *
 * <p>Results are cached by language and code for the life of the highlighter (one build, or one
 * preview server), so a snippet repeated across posts is lexed once; a highlighter for a very big
 * build remembers nothing, as it would keep every block of the blog. Safe to use from any number
 * of threads: a lexer keeps state, so every call makes its own (they are cheap; their tables are
 * static).
 */
final class Highlighter {

  private static final Map<String, Supplier<TokenMaker>> LEXERS = lexers(
      lexer(JavaTokenMaker::new, "java"),
      lexer(KotlinTokenMaker::new, "kotlin", "kt", "kts"),
      lexer(GoTokenMaker::new, "go", "golang"),
      lexer(PythonTokenMaker::new, "python", "py", "python3", "py3"),
      lexer(JavaScriptTokenMaker::new, "javascript", "js", "mjs", "cjs", "jsx", "node"),
      lexer(TypeScriptTokenMaker::new, "typescript", "ts", "tsx", "mts"),
      lexer(SQLTokenMaker::new, "sql", "mysql", "postgresql", "postgres", "psql", "plsql", "sqlite", "hive"),
      lexer(UnixShellTokenMaker::new, "shell", "sh", "bash", "zsh", "ksh", "console", "shell-session", "shellsession"),
      lexer(YamlTokenMaker::new, "yaml", "yml"),
      lexer(JsonTokenMaker::new, "json", "jsonc", "json5", "geojson"),
      lexer(XMLTokenMaker::new, "xml", "svg", "xsd", "xsl", "pom", "plist", "rss", "atom"),
      lexer(HTMLTokenMaker::new, "html", "htm", "xhtml", "vue", "svelte"),
      lexer(CSSTokenMaker::new, "css", "scss", "sass"),
      lexer(LessTokenMaker::new, "less"),
      lexer(DockerTokenMaker::new, "dockerfile", "docker", "containerfile"),
      lexer(MarkdownTokenMaker::new, "markdown", "md"),
      lexer(CTokenMaker::new, "c", "h"),
      lexer(CPlusPlusTokenMaker::new, "cpp", "c++", "cc", "cxx", "hpp", "hh", "objc", "objective-c"),
      lexer(CSharpTokenMaker::new, "csharp", "cs", "c#"),
      lexer(RustTokenMaker::new, "rust", "rs"),
      lexer(RubyTokenMaker::new, "ruby", "rb"),
      lexer(PHPTokenMaker::new, "php"),
      lexer(PerlTokenMaker::new, "perl", "pl"),
      lexer(LuaTokenMaker::new, "lua"),
      lexer(ScalaTokenMaker::new, "scala", "sbt"),
      lexer(GroovyTokenMaker::new, "groovy", "gradle"),
      lexer(DartTokenMaker::new, "dart"),
      lexer(ClojureTokenMaker::new, "clojure", "clj", "cljs", "edn"),
      lexer(LispTokenMaker::new, "lisp", "elisp", "scheme"),
      lexer(PropertiesFileTokenMaker::new, "properties", "props"),
      lexer(IniTokenMaker::new, "ini", "toml", "conf", "cfg", "editorconfig"),
      lexer(MakefileTokenMaker::new, "makefile", "make", "mk"),
      lexer(ProtoTokenMaker::new, "proto", "protobuf"),
      lexer(LatexTokenMaker::new, "latex", "tex"),
      lexer(WindowsBatchTokenMaker::new, "bat", "batch", "cmd"),
      lexer(VisualBasicTokenMaker::new, "vb", "vbnet", "vba"),
      lexer(TclTokenMaker::new, "tcl"),
      lexer(DelphiTokenMaker::new, "delphi", "pascal"),
      lexer(FortranTokenMaker::new, "fortran"),
      lexer(DTokenMaker::new, "d"),
      lexer(ActionScriptTokenMaker::new, "actionscript", "as"),
      lexer(AssemblerX86TokenMaker::new, "asm", "nasm", "x86asm"),
      lexer(JSPTokenMaker::new, "jsp"),
      lexer(HandlebarsTokenMaker::new, "handlebars", "hbs", "mustache"),
      lexer(HtaccessTokenMaker::new, "htaccess", "apacheconf"),
      lexer(CsvTokenMaker::new, "csv"),
      lexer(PlainTextTokenMaker::new, "text", "txt", "plain", "plaintext"));

  private record Key(String language, String code) {}

  /** Blocks remembered at most; a preview server's cache would otherwise grow with every save. */
  static final int MAX_REMEMBERED = 20_000;

  private final ConcurrentHashMap<Key, String> cache = new ConcurrentHashMap<>();
  private final boolean remember;
  /** Time spent lexing, summed over threads: highlighting is the classic cost of a build. */
  private final java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();

  Highlighter(boolean remember) {
    this.remember = remember;
  }

  /**
   * The HTML for the inside of {@code <code>}: escaped text with {@code <span class>} around
   * tokens, or only escaped text when the language is unknown or empty.
   */
  String highlight(String language, String code) {
    Supplier<TokenMaker> lexer = language == null ? null : LEXERS.get(language.toLowerCase(Locale.ROOT));
    if (lexer == null) {
      return escape(code, new StringBuilder(code.length() + 16)).toString();
    }
    if (!remember) {
      return timedLex(lexer, code);
    }
    Key key = new Key(language.toLowerCase(Locale.ROOT), code);
    String known = cache.get(key);
    if (known != null) {
      return known;
    }
    // lexed outside the map, which would otherwise hold other threads' lookups meanwhile
    String made = timedLex(lexer, code);
    if (cache.size() >= MAX_REMEMBERED) {
      cache.clear(); // a preview server's old versions of edited blocks go with the rest
    }
    String first = cache.putIfAbsent(key, made);
    return first != null ? first : made;
  }

  private String timedLex(Supplier<TokenMaker> lexer, String code) {
    long start = System.nanoTime();
    try {
      return lex(lexer.get(), code);
    } finally {
      nanos.add(System.nanoTime() - start);
    }
  }

  /** Milliseconds spent lexing so far, summed over all threads. */
  long millis() {
    return nanos.sum() / 1_000_000;
  }

  /** Number of distinct blocks highlighted so far (for tests and timings). */
  int cached() {
    return cache.size();
  }

  private static String lex(TokenMaker lexer, String code) {
    StringBuilder out = new StringBuilder(code.length() * 2);
    int state = TokenTypes.NULL;
    int start = 0;
    char[] chars = code.toCharArray();
    while (start <= chars.length) {
      int end = start;
      while (end < chars.length && chars[end] != '\n') {
        end++;
      }
      if (start == chars.length) {
        break; // the text ended with a newline: no last, empty line
      }
      Segment line = new Segment(chars, start, end - start);
      try {
        for (Token t = lexer.getTokenList(line, state, 0); t != null && t.isPaintable(); t = t.getNextToken()) {
          String cls = cssClass(t.getType());
          if (cls == null) {
            escape(t.getLexeme(), out);
          } else {
            out.append("<span class=\"").append(cls).append("\">");
            escape(t.getLexeme(), out);
            out.append("</span>");
          }
        }
        state = lexer.getLastTokenTypeOnLine(line, state);
      } catch (RuntimeException e) {
        // a lexer bug must not fail the build: the rest of the block stays plain
        escape(new String(chars, start, chars.length - start), out);
        return out.toString();
      }
      if (end < chars.length) {
        out.append('\n');
      }
      start = end + 1;
    }
    return out.toString();
  }

  /** The theme's class for a token type; null for text that keeps the default colour. */
  private static String cssClass(int type) {
    return switch (type) {
      case TokenTypes.COMMENT_EOL, TokenTypes.COMMENT_MULTILINE, TokenTypes.COMMENT_DOCUMENTATION, TokenTypes.COMMENT_KEYWORD,
          TokenTypes.COMMENT_MARKUP, TokenTypes.MARKUP_COMMENT -> "c";
      case TokenTypes.RESERVED_WORD, TokenTypes.RESERVED_WORD_2 -> "k";
      case TokenTypes.FUNCTION -> "nf";
      case TokenTypes.LITERAL_BOOLEAN -> "kc";
      case TokenTypes.LITERAL_NUMBER_DECIMAL_INT, TokenTypes.LITERAL_NUMBER_FLOAT, TokenTypes.LITERAL_NUMBER_HEXADECIMAL -> "m";
      case TokenTypes.LITERAL_STRING_DOUBLE_QUOTE, TokenTypes.LITERAL_CHAR, TokenTypes.LITERAL_BACKQUOTE, TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE,
          TokenTypes.MARKUP_CDATA -> "s";
      case TokenTypes.DATA_TYPE -> "kt";
      case TokenTypes.VARIABLE -> "nv";
      case TokenTypes.REGEX -> "sr";
      case TokenTypes.ANNOTATION -> "nd";
      case TokenTypes.OPERATOR -> "o";
      case TokenTypes.PREPROCESSOR, TokenTypes.MARKUP_DTD, TokenTypes.MARKUP_PROCESSING_INSTRUCTION, TokenTypes.MARKUP_CDATA_DELIMITER -> "cp";
      case TokenTypes.MARKUP_TAG_DELIMITER -> "p";
      case TokenTypes.MARKUP_TAG_NAME -> "nt";
      case TokenTypes.MARKUP_TAG_ATTRIBUTE -> "na";
      case TokenTypes.MARKUP_ENTITY_REFERENCE -> "ni";
      default -> null; // identifiers, whitespace, separators, lexer errors
    };
  }

  static StringBuilder escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out;
  }

  private record Lexer(Supplier<TokenMaker> maker, String... names) {}

  private static Lexer lexer(Supplier<TokenMaker> maker, String... names) {
    return new Lexer(maker, names);
  }

  private static Map<String, Supplier<TokenMaker>> lexers(Lexer... lexers) {
    Map<String, Supplier<TokenMaker>> byName = new java.util.HashMap<>();
    for (Lexer l : lexers) {
      for (String name : l.names()) {
        if (byName.put(name, l.maker()) != null) {
          throw new IllegalStateException("two lexers for " + name);
        }
      }
    }
    return Map.copyOf(byName);
  }
}
