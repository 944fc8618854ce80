package io.rankstack.eval.trec;

import java.util.Locale;

/**
 * Number conversions with the semantics of the C library on x86-64 Linux, where trec_eval's
 * reference outputs come from: {@code atol}, {@code atof}/{@code strtod}, {@code lround}, and the
 * truncating casts from {@code double} to integers.
 */
final class CNumbers {
  private CNumbers() {}

  /**
   * {@code atol}: skips leading C white space, reads an optional sign and as many decimal digits as
   * follow; anything after them is ignored, and no digits gives 0. Out-of-range values saturate, as
   * glibc's {@code strtol} does.
   */
  static long atol(String s) {
    int i = skipSpace(s, 0);
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long value = 0;
    boolean overflow = false;
    for (; i < s.length() && isDigit(s.charAt(i)); i++) {
      int d = s.charAt(i) - '0';
      if (value > (Long.MAX_VALUE - d) / 10) {
        overflow = true;
      } else {
        value = value * 10 + d;
      }
    }
    if (overflow) {
      return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return negative ? -value : value;
  }

  /**
   * {@code atof}: the longest prefix that {@code strtod} accepts (decimal or hexadecimal numbers,
   * {@code inf}, {@code infinity}, {@code nan}), correctly rounded; 0 when there is none.
   */
  static double atof(String s) {
    int start = skipSpace(s, 0);
    int end = strtodEnd(s, start);
    return end < 0 ? 0.0 : toDouble(s.substring(start, end));
  }

  /**
   * Reads a whole token as a C floating-point number, or returns null when the token is not one
   * from end to end or is NaN (where trec_eval would silently read a prefix or 0, we refuse).
   */
  static Double parseStrictDouble(String token) {
    int end = strtodEnd(token, 0);
    if (end != token.length() || token.isEmpty()) {
      return null;
    }
    double d = toDouble(token);
    return Double.isNaN(d) ? null : d;
  }

  /** Reads a whole token as a decimal integer ({@code [+-]?[0-9]+}) in long range, or null. */
  static Long parseStrictLong(String token) {
    int i = 0;
    if (i < token.length() && (token.charAt(i) == '+' || token.charAt(i) == '-')) {
      i++;
    }
    if (i == token.length()) {
      return null;
    }
    for (int j = i; j < token.length(); j++) {
      if (!isDigit(token.charAt(j))) {
        return null;
      }
    }
    try {
      return Long.parseLong(token.charAt(0) == '+' ? token.substring(1) : token);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code lround}: nearest integer, halfway cases away from zero. */
  static long lround(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) >= 0x1p63) {
      return Long.MIN_VALUE;
    }
    double t = x < 0 ? Math.ceil(x) : Math.floor(x);
    double frac = x - t; // exact
    if (Math.abs(frac) >= 0.5) {
      t += Math.signum(x);
    }
    return (long) t;
  }

  /** {@code (long) d} on x86-64: truncation toward zero; NaN and out-of-range give LONG_MIN. */
  static long truncToLong(double d) {
    if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
      return Long.MIN_VALUE;
    }
    return (long) d;
  }

  /** {@code (int) d} on x86-64: truncation toward zero; NaN and out-of-range give INT_MIN. */
  static int truncToInt(double d) {
    if (Double.isNaN(d) || d >= 0x1p31 || d <= -0x1p31 - 1) {
      return Integer.MIN_VALUE;
    }
    return (int) d;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && CText.isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean matchesIgnoreCase(String s, int i, String word) {
    return s.regionMatches(true, i, word, 0, word.length());
  }

  /** End of the longest prefix of {@code s} from {@code i} that strtod converts, or -1 for none. */
  private static int strtodEnd(String s, int i) {
    int p = i;
    if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
      p++;
    }
    if (matchesIgnoreCase(s, p, "infinity")) {
      return p + 8;
    }
    if (matchesIgnoreCase(s, p, "inf")) {
      return p + 3;
    }
    if (matchesIgnoreCase(s, p, "nan")) {
      int q = p + 3;
      if (q < s.length() && s.charAt(q) == '(') {
        int r = q + 1;
        while (r < s.length() && (Character.isLetterOrDigit(s.charAt(r)) || s.charAt(r) == '_')) {
          r++;
        }
        if (r < s.length() && s.charAt(r) == ')') {
          return r + 1;
        }
      }
      return q;
    }
    if (p + 1 < s.length() && s.charAt(p) == '0' && (s.charAt(p + 1) == 'x' || s.charAt(p + 1) == 'X')) {
      int q = p + 2;
      int digits = 0;
      while (q < s.length() && isHexDigit(s.charAt(q))) {
        q++;
        digits++;
      }
      if (q < s.length() && s.charAt(q) == '.') {
        q++;
        while (q < s.length() && isHexDigit(s.charAt(q))) {
          q++;
          digits++;
        }
      }
      if (digits > 0) {
        return exponentEnd(s, q, 'p', 'P');
      }
      return p + 1; // just the "0"
    }
    int q = p;
    int digits = 0;
    while (q < s.length() && isDigit(s.charAt(q))) {
      q++;
      digits++;
    }
    if (q < s.length() && s.charAt(q) == '.') {
      q++;
      while (q < s.length() && isDigit(s.charAt(q))) {
        q++;
        digits++;
      }
    }
    if (digits == 0) {
      return -1;
    }
    return exponentEnd(s, q, 'e', 'E');
  }

  private static int exponentEnd(String s, int q, char lower, char upper) {
    if (q < s.length() && (s.charAt(q) == lower || s.charAt(q) == upper)) {
      int r = q + 1;
      if (r < s.length() && (s.charAt(r) == '+' || s.charAt(r) == '-')) {
        r++;
      }
      int start = r;
      while (r < s.length() && isDigit(s.charAt(r))) {
        r++;
      }
      if (r > start) {
        return r;
      }
    }
    return q;
  }

  /** Converts a prefix accepted by {@link #strtodEnd}; Java's parser rounds correctly, as glibc does. */
  private static double toDouble(String number) {
    String t = number;
    boolean negative = false;
    if (t.startsWith("+") || t.startsWith("-")) {
      negative = t.charAt(0) == '-';
      t = t.substring(1);
    }
    String lower = t.toLowerCase(Locale.ROOT);
    double v;
    if (lower.startsWith("inf")) {
      v = Double.POSITIVE_INFINITY;
    } else if (lower.startsWith("nan")) {
      v = Double.NaN;
    } else if (lower.startsWith("0x")) {
      v = Double.parseDouble(lower.contains("p") ? t : t + "p0");
    } else {
      v = Double.parseDouble(t.endsWith(".") ? t + "0" : t);
    }
    return negative ? -v : v;
  }
}
