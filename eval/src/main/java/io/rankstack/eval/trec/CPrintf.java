package io.rankstack.eval.trec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The few {@code printf} conversions trec_eval prints with, reproduced exactly.
 *
 * <p>{@code %.4f} in glibc rounds the exact binary value of the double, ties to even (so 0.03125
 * prints as 0.0312). Java's {@link String#format} rounds the shortest decimal representation half
 * up instead (0.0313), which is why this class exists.
 */
final class CPrintf {
  private CPrintf() {}

  /** {@code %<width>.<precision>f}. NaN prints as {@code -nan} (x86's default NaN is negative). */
  static String fixed(double value, int width, int precision) {
    return padLeft(fixed(value, precision), width);
  }

  /** {@code %.<precision>f}. */
  static String fixed(double value, int precision) {
    if (Double.isNaN(value)) {
      return "-nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    boolean negative = value < 0 || (value == 0 && 1 / value < 0);
    String digits = new BigDecimal(Math.abs(value)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    return negative ? "-" + digits : digits;
  }

  /** {@code %-<width>s}: left-justified, padded with spaces, never truncated. */
  static String padRight(String s, int width) {
    if (s.length() >= width) {
      return s;
    }
    StringBuilder sb = new StringBuilder(width).append(s);
    while (sb.length() < width) {
      sb.append(' ');
    }
    return sb.toString();
  }

  /** {@code %<width>s}: right-justified, padded with spaces, never truncated. */
  static String padLeft(String s, int width) {
    if (s.length() >= width) {
      return s;
    }
    StringBuilder sb = new StringBuilder(width);
    while (sb.length() < width - s.length()) {
      sb.append(' ');
    }
    return sb.append(s).toString();
  }
}
