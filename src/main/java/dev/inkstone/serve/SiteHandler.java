package dev.inkstone.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.inkstone.output.Html;
import dev.inkstone.output.Output;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.zip.CRC32C;

/**
 * Serves the current {@link Snapshot}: only the build's outputs are reachable, by a lookup in
 * its map, so no URL can name another file on disk. Paths with {@code ..}, encoded dots,
 * backslashes or NUL get 404; files copied from disk must resolve (symlinks followed) inside the
 * blog or theme folders. Folder URLs get {@code index.html}, {@code /posts/x} redirects to
 * {@code /posts/x/}, unknown paths get the theme's {@code 404.html} with status 404. Answers
 * GET and HEAD with {@code ETag}, {@code Last-Modified}, 304 and single byte ranges.
 */
final class SiteHandler implements HttpHandler {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private final LiveReload live;
  private volatile Snapshot snapshot = Snapshot.EMPTY;

  SiteHandler(LiveReload live) {
    this.live = live;
  }

  void publish(Snapshot s) {
    snapshot = s;
  }

  Snapshot snapshot() {
    return snapshot;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8), null, 0);
        return;
      }
      String raw = ex.getRequestURI().getRawPath();
      if (raw.equals(LiveReload.EVENTS)) {
        live.stream(ex);
        return;
      }
      if (raw.equals(LiveReload.SCRIPT)) {
        send(ex, 200, "text/javascript; charset=utf-8", live.script(), null, 0);
        return;
      }
      serve(ex, raw);
    } catch (IOException e) {
      // the browser went away mid-answer
    }
  }

  private void serve(HttpExchange ex, String raw) throws IOException {
    Snapshot s = snapshot;
    if (s.files().isEmpty() && s.problems() != null) {
      byte[] page = brokenPage(s.problems());
      send(ex, 500, "text/html; charset=utf-8", page, null, 0);
      return;
    }
    String path = UrlPaths.decode(raw);
    if (path == null) {
      notFound(ex, s);
      return;
    }
    String base = s.basePath();
    if (!path.startsWith(base)) {
      if ((path + "/").equals(base) || path.equals("/")) {
        redirect(ex, base);
      } else {
        notFound(ex, s);
      }
      return;
    }
    String rel = path.substring(base.length());
    String file = rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel;
    Output o = s.files().get(file);
    if (o == null) {
      if (!rel.isEmpty() && !rel.endsWith("/") && s.files().containsKey(rel + "/index.html")) {
        String query = ex.getRequestURI().getRawQuery();
        redirect(ex, raw + "/" + (query == null ? "" : "?" + query));
        return;
      }
      notFound(ex, s);
      return;
    }
    file(ex, s, file, o, 200);
  }

  private void file(HttpExchange ex, Snapshot s, String file, Output o, int status) throws IOException {
    String type = dev.inkstone.output.MediaTypes.of(file);
    boolean html = type.startsWith("text/html");
    Headers h = ex.getResponseHeaders();
    h.set("Cache-Control", "no-cache");
    if (o.bytes() != null) {
      byte[] bytes = html ? inject(o.bytes()) : o.bytes();
      long modified = s.modified().getOrDefault(file, 0L);
      String etag = etag(bytes.length, crc(bytes));
      if (status == 200 && notModified(ex, etag, modified)) {
        return;
      }
      send(ex, status, type, bytes, etag, modified);
      return;
    }
    Path source = o.copyOf();
    if (!inside(source, s)) {
      notFound(ex, s);
      return;
    }
    long size = Files.size(source);
    long modified = Files.getLastModifiedTime(source).toMillis();
    String etag = etag(size, modified);
    if (status == 200 && notModified(ex, etag, modified)) {
      return;
    }
    h.set("Accept-Ranges", "bytes");
    h.set("ETag", etag);
    h.set("Last-Modified", httpDate(modified));
    h.set("Content-Type", type);
    ByteRange range = ByteRange.parse(ex.getRequestHeaders().getFirst("Range"), size);
    boolean head = ex.getRequestMethod().equals("HEAD");
    if (range == ByteRange.UNSATISFIABLE) {
      h.set("Content-Range", "bytes */" + size);
      ex.sendResponseHeaders(416, -1);
      return;
    }
    long from = range == null ? 0 : range.first();
    long length = range == null ? size : range.length();
    if (range != null) {
      h.set("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
    }
    h.set("Content-Length", String.valueOf(length));
    ex.sendResponseHeaders(range == null ? status : 206, head ? -1 : (length == 0 ? -1 : length));
    if (head || length == 0) {
      return;
    }
    try (InputStream in = Files.newInputStream(source); OutputStream out = ex.getResponseBody()) {
      in.skipNBytes(from);
      byte[] buf = new byte[65536];
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        out.write(buf, 0, n);
        left -= n;
      }
    }
  }

  /** Copied files must really live in the blog or theme folders, after following symlinks. */
  private static boolean inside(Path source, Snapshot s) {
    try {
      Path real = source.toRealPath();
      return Files.isRegularFile(real) && s.roots().stream().anyMatch(real::startsWith);
    } catch (IOException e) {
      return false;
    }
  }

  private boolean notModified(HttpExchange ex, String etag, long modified) throws IOException {
    Headers req = ex.getRequestHeaders();
    String inm = req.getFirst("If-None-Match");
    boolean match;
    if (inm != null) {
      match = inm.trim().equals("*") || java.util.Arrays.stream(inm.split(",")).map(String::trim).anyMatch(t -> t.equals(etag) || t.equals("W/" + etag));
    } else {
      String ims = req.getFirst("If-Modified-Since");
      match = false;
      if (ims != null && modified > 0) {
        try {
          long since = ZonedDateTime.parse(ims, HTTP_DATE).toInstant().toEpochMilli();
          match = modified / 1000 <= since / 1000;
        } catch (DateTimeParseException e) {
          match = false;
        }
      }
    }
    if (!match) {
      return false;
    }
    ex.getResponseHeaders().set("ETag", etag);
    if (modified > 0) {
      ex.getResponseHeaders().set("Last-Modified", httpDate(modified));
    }
    ex.sendResponseHeaders(304, -1);
    return true;
  }

  private void send(HttpExchange ex, int status, String type, byte[] bytes, String etag, long modified) throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    if (etag != null) {
      h.set("ETag", etag);
      h.set("Accept-Ranges", "bytes");
    }
    if (modified > 0) {
      h.set("Last-Modified", httpDate(modified));
    }
    ByteRange range = etag == null || status != 200 ? null : ByteRange.parse(ex.getRequestHeaders().getFirst("Range"), bytes.length);
    if (range == ByteRange.UNSATISFIABLE) {
      h.set("Content-Range", "bytes */" + bytes.length);
      ex.sendResponseHeaders(416, -1);
      return;
    }
    int from = range == null ? 0 : (int) range.first();
    int length = range == null ? bytes.length : (int) range.length();
    if (range != null) {
      h.set("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + bytes.length);
      status = 206;
    }
    h.set("Content-Length", String.valueOf(length));
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head || length == 0 ? -1 : length);
    if (!head && length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes, from, length);
      }
    }
  }

  private void notFound(HttpExchange ex, Snapshot s) throws IOException {
    Output page = s.files().get("404.html");
    if (page != null && page.bytes() != null) {
      file(ex, s, "404.html", page, 404);
    } else {
      send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8), null, 0);
    }
  }

  private void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(301, -1);
  }

  /** The live-reload script goes in before {@code </body>}, or at the end without one. */
  static byte[] inject(byte[] html) {
    int at = lastBodyClose(html);
    ByteArrayOutputStream out = new ByteArrayOutputStream(html.length + LiveReload.SCRIPT_TAG.length);
    out.write(html, 0, at);
    out.writeBytes(LiveReload.SCRIPT_TAG);
    out.write(html, at, html.length - at);
    return out.toByteArray();
  }

  private static int lastBodyClose(byte[] b) {
    byte[] tag = "</body".getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = b.length - tag.length; i >= 0; i--) {
      for (int j = 0; j < tag.length; j++) {
        int c = b[i + j];
        if (c >= 'A' && c <= 'Z') {
          c += 32;
        }
        if (c != tag[j]) {
          continue outer;
        }
      }
      return i;
    }
    return b.length;
  }

  private byte[] brokenPage(String report) {
    String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Inkstone: the site did not build</title></head>\n<body>\n"
        + "<h1>The site did not build</h1>\n<pre>" + Html.escape(report)
        + "</pre>\n<p>Fix the file and save; this page reloads by itself.</p>\n</body></html>\n";
    return inject(html.getBytes(StandardCharsets.UTF_8));
  }

  private static long crc(byte[] bytes) {
    CRC32C c = new CRC32C();
    c.update(bytes);
    return c.getValue();
  }

  private static String etag(long size, long hash) {
    return "\"" + Long.toHexString(size) + "-" + Long.toHexString(hash) + "\"";
  }

  private static String httpDate(long millis) {
    return HTTP_DATE.format(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
  }
}
