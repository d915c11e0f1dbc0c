package dev.inkstone.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded theme with its {@code extends} chain resolved.
 *
 * @param name the theme asked for
 * @param chain theme names, the asked-for theme first, its furthest ancestor last
 * @param roots the folder of each theme in {@code chain}, same order
 * @param templateFolders every {@code templates/} folder of the chain, child first: the first
 *     folder that has a template wins
 * @param staticFolders every {@code static/} folder of the chain, child first: when two folders
 *     hold the same file, the first one wins
 * @param language the site language the i18n strings were chosen for
 * @param i18n UI strings, merged: the site language over English, a child over its parent
 * @param blogRoot the blog folder, so that problems can name files relative to it
 * @param onlyWith static folders a page needs only for a feature ({@code math}, {@code mermaid}),
 *     by feature, relative to {@code static/}: copied only when some page uses the feature
 */
public record Theme(
    String name,
    List<String> chain,
    List<Path> roots,
    List<Path> templateFolders,
    List<Path> staticFolders,
    String language,
    Map<String, String> i18n,
    Path blogRoot,
    Map<String, List<String>> onlyWith) {

  public Theme {
    chain = List.copyOf(chain);
    roots = List.copyOf(roots);
    templateFolders = List.copyOf(templateFolders);
    staticFolders = List.copyOf(staticFolders);
    i18n = Map.copyOf(i18n);
    onlyWith = Map.copyOf(onlyWith);
  }

  /** The features a theme can make a static folder depend on, as a page's view names them. */
  static final List<String> FEATURES = List.of("math", "mermaid");

  /** The path to show a reader: relative to the blog folder when the file is inside it. */
  Path display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path root = blogRoot == null ? null : blogRoot.toAbsolutePath().normalize();
    return root != null && abs.startsWith(root) ? root.relativize(abs) : file;
  }
}
