package dev.inkstone.output;

/** Text made safe to put into HTML, in element content and in quoted attribute values alike. */
public final class Html {
  private Html() {}

  /** {@code s} with {@code & < > "} written as character references. */
  public static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
