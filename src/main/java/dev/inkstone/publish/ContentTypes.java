package dev.inkstone.publish;

import java.util.Locale;
import java.util.regex.Pattern;

/** The {@code Content-Type} and {@code Cache-Control} a file is served with from a bucket. */
final class ContentTypes {
  /** {@code style.3f2a9c1b.css}, {@code app-5d41402abc4b2a76.js}: the name changes when the content does. */
  private static final Pattern FINGERPRINTED = Pattern.compile(".*[.-][0-9a-f]{8,64}\\.[a-z0-9]+$");

  /** A year, never revalidated: safe only because the name changes with the content. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  /** Pages and feeds: a new post shows within minutes. */
  static final String SHORT = "public, max-age=300, must-revalidate";
  /** Other files (images without a hash in the name): a day. */
  static final String DAY = "public, max-age=86400";

  private ContentTypes() {}

  static String of(String path) {
    return dev.inkstone.output.MediaTypes.of(path);
  }

  static String cacheControl(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (FINGERPRINTED.matcher(name).matches()) {
      return IMMUTABLE;
    }
    String type = of(path);
    if (type.startsWith("text/html") || type.startsWith("text/plain")
        || type.startsWith("application/") && (type.contains("xml") || type.contains("json"))) {
      return SHORT;
    }
    return DAY;
  }

}
