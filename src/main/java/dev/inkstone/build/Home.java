package dev.inkstone.build;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Inkstone itself is installed, for its built-in themes: the {@code inkstone.home} system
 * property set by the launcher, else the folder above {@code target/} the code was loaded from.
 */
public final class Home {
  private Home() {}

  public static Path themes() {
    String prop = System.getProperty("inkstone.home");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).resolve("themes");
    }
    try {
      Path code = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = code; p != null; p = p.getParent()) {
        if (Files.isDirectory(p.resolve("themes").resolve("default"))) {
          return p.resolve("themes");
        }
      }
    } catch (URISyntaxException | SecurityException e) {
      // fall through to the working directory
    }
    return Path.of("themes").toAbsolutePath();
  }
}
