package dev.inkstone.scaffold;

/** How {@code new} turns a Chinese title into a slug; {@code slugStyle:} in site.yaml. */
public enum SlugStyle {
  /** 银行 → {@code yin-hang}: ASCII URLs that survive every chat app and log file. */
  PINYIN,
  /** 银行 → {@code 银行}: readable Chinese URLs (percent-encoded on the wire). */
  KEEP
}
