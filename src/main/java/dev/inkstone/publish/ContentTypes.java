package dev.inkstone.publish;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code Content-Type} and {@code Cache-Control} a file is served with from a bucket. */
final class ContentTypes {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("htm", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json; charset=utf-8"),
      Map.entry("webmanifest", "application/manifest+json; charset=utf-8"),
      Map.entry("xml", "application/xml; charset=utf-8"),
      Map.entry("rss", "application/rss+xml; charset=utf-8"),
      Map.entry("atom", "application/atom+xml; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("md", "text/markdown; charset=utf-8"),
      Map.entry("csv", "text/csv; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("avif", "image/avif"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("bmp", "image/bmp"),
      Map.entry("woff", "font/woff"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("ttf", "font/ttf"),
      Map.entry("otf", "font/otf"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("zip", "application/zip"),
      Map.entry("wasm", "application/wasm"),
      Map.entry("mp4", "video/mp4"),
      Map.entry("webm", "video/webm"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("ogg", "audio/ogg"));

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
    return TYPES.getOrDefault(extension(path), "application/octet-stream");
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

  private static String extension(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
