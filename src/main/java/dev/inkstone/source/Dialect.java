package dev.inkstone.source;

/** Which generator's conventions a blog folder follows: ours, or one we read in place. */
public enum Dialect {
  INKSTONE("Inkstone"),
  HEXO("Hexo"),
  JEKYLL("Jekyll"),
  HUGO("Hugo");

  private final String label;

  Dialect(String label) {
    this.label = label;
  }

  /** The generator's name as people write it. */
  public String label() {
    return label;
  }
}
