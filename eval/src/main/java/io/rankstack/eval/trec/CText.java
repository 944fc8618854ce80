package io.rankstack.eval.trec;

import java.util.ArrayList;
import java.util.List;

/**
 * Text rules of the C library as trec_eval uses them: what counts as white space ({@code isspace}
 * in the C locale) and how strings are ordered ({@code strcmp}).
 */
final class CText {
  private CText() {}

  /** {@code isspace} in the C locale: space, tab, newline, vertical tab, form feed, carriage return. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }

  /** Splits a line into the runs of characters between C white space. */
  static List<String> tokens(String line) {
    List<String> out = new ArrayList<>(8);
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(line.substring(start, i));
      }
    }
    return out;
  }

  /** True when the line holds nothing but C white space. */
  static boolean isBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!isSpace(line.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code strcmp} on the UTF-8 bytes of two strings, which is Unicode code point order (Java's
   * {@link String#compareTo} orders UTF-16 units instead, which differs for supplementary
   * characters). Only the sign of the result is meaningful.
   */
  static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa == sb) {
          return ca < cb ? -1 : 1;
        }
        // A surrogate (code point >= U+10000) sorts after every BMP character.
        return sa ? 1 : -1;
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
