package dev.inkstone.scaffold;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import dev.inkstone.site.Slugs;
import java.util.List;
import java.util.Locale;

/**
 * A readable slug from a title. With {@link SlugStyle#PINYIN}, runs of Han characters become
 * toneless pinyin, one syllable per dash, read word by word so that polyphones come out right
 * (银行 → yin-hang, 长城 → chang-cheng); Latin text is kept. With {@link SlugStyle#KEEP}, the
 * Chinese stays as written (the site's own slug rules).
 */
final class TitleSlugs {
  private TitleSlugs() {}

  static String slug(String title, SlugStyle style) {
    if (style == SlugStyle.KEEP) {
      return Slugs.slugify(title);
    }
    StringBuilder words = new StringBuilder(title.length() * 3);
    int i = 0;
    while (i < title.length()) {
      int cp = title.codePointAt(i);
      if (isHan(cp)) {
        int end = i;
        while (end < title.length() && isHan(title.codePointAt(end))) {
          end += Character.charCount(title.codePointAt(end));
        }
        words.append(' ').append(pinyin(title.substring(i, end))).append(' ');
        i = end;
      } else {
        words.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
    }
    return Slugs.slugify(words.toString());
  }

  private static String pinyin(String han) {
    List<Pinyin> syllables = HanLP.convertToPinyinList(han);
    StringBuilder out = new StringBuilder();
    int offset = 0;
    for (Pinyin p : syllables) {
      String s = p == Pinyin.none5 ? null : p.getPinyinWithoutTone();
      if (out.length() > 0) {
        out.append(' ');
      }
      // a character HanLP does not know keeps its own letter in the slug
      out.append(s == null ? han.substring(offset, offset + 1) : s.toLowerCase(Locale.ROOT).replace("ü", "v"));
      offset++;
    }
    return out.toString();
  }

  static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
