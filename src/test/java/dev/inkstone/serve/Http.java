package dev.inkstone.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny HTTP/1.1 client over a plain socket, so that a test sends exactly the request line it
 * means ({@code /../x}, {@code %2e%2e}, backslashes) with no client normalising it first.
 */
final class Http {
  record Response(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private Http() {}

  static Response get(int port, String rawPath, String... headers) {
    return request(port, "GET", rawPath, headers);
  }

  static Response request(int port, String method, String rawPath, String... headers) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      StringBuilder req = new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
      for (String h : headers) {
        req.append(h).append("\r\n");
      }
      req.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      String status = line(in);
      Map<String, String> hs = new LinkedHashMap<>();
      for (String l; !(l = line(in)).isEmpty(); ) {
        int colon = l.indexOf(':');
        hs.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
      }
      byte[] body;
      if (method.equals("HEAD")) {
        body = new byte[0];
      } else if ("chunked".equalsIgnoreCase(hs.get("transfer-encoding"))) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int n; (n = Integer.parseInt(line(in).trim(), 16)) > 0; ) {
          b.write(in.readNBytes(n));
          line(in);
        }
        body = b.toByteArray();
      } else if (hs.containsKey("content-length")) {
        body = in.readNBytes(Integer.parseInt(hs.get("content-length")));
      } else {
        body = in.readAllBytes();
      }
      return new Response(Integer.parseInt(status.split(" ")[1]), hs, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) != -1 && c != '\n'; ) {
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.UTF_8);
  }
}
