package io.rankstack.server.search;

import java.util.regex.Pattern;

/** Checks shared by the endpoints; each failure names the parameter and what is accepted. */
public final class Validation {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

  private Validation() {}

  /** {@code k} in [1, max]; null means 10 (or max when smaller). */
  public static int k(Integer k, int max) {
    if (k == null) {
      return Math.min(10, max);
    }
    if (k < 1 || k > max) {
      throw new BadRequestException("k", "parameter 'k' must be between 1 and " + max + ", got " + k);
    }
    return k;
  }

  /** An identifier (user, session): 1–128 of letters, digits, {@code _ . : @ -}. */
  public static String id(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new BadRequestException(name, "parameter '" + name + "' is required (1-128 letters, digits, _ . : @ -)");
    }
    if (!ID.matcher(value).matches()) {
      throw new BadRequestException(name, "parameter '" + name + "' must be 1-128 letters, digits, _ . : @ -");
    }
    return value;
  }

  /** As {@link #id}, null allowed. */
  public static String optionalId(String name, String value) {
    return value == null ? null : id(name, value);
  }
}
