package io.rankstack.server.search;

import io.rankstack.index.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code filter} parameters: {@code field=value} (exact term), {@code field=min..max}
 * (numeric range, inclusive), {@code field>=min}, {@code field<=max}.
 */
public final class FilterParser {
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
  private static final Pattern RANGE = Pattern.compile("(-?[0-9.eE+-]+)\\.\\.(-?[0-9.eE+-]+)");
  private static final String FORMS = "use field=value, field=min..max, field>=min or field<=max";

  private FilterParser() {}

  public static List<Filter> parse(List<String> specs, int max) {
    if (specs == null) {
      return List.of();
    }
    if (specs.size() > max) {
      throw new BadRequestException("filter", "at most " + max + " filters per request, got " + specs.size());
    }
    List<Filter> out = new ArrayList<>();
    for (String s : specs) {
      out.add(one(s));
    }
    return out;
  }

  static Filter one(String spec) {
    String s = spec.strip();
    int ge = s.indexOf(">=");
    int le = s.indexOf("<=");
    int eq = s.indexOf('=');
    if (ge > 0) {
      return Filter.atLeast(field(s.substring(0, ge), spec), number(s.substring(ge + 2), spec));
    }
    if (le > 0) {
      return Filter.atMost(field(s.substring(0, le), spec), number(s.substring(le + 2), spec));
    }
    if (eq <= 0 || eq == s.length() - 1) {
      throw new BadRequestException("filter", "filter '" + spec + "' has no field or no value: " + FORMS);
    }
    String field = field(s.substring(0, eq), spec);
    String value = s.substring(eq + 1);
    Matcher m = RANGE.matcher(value);
    if (m.matches()) {
      double min = number(m.group(1), spec);
      double max = number(m.group(2), spec);
      if (min > max) {
        throw new BadRequestException("filter", "filter '" + spec + "': min " + min + " is above max " + max);
      }
      return Filter.range(field, min, max);
    }
    return Filter.term(field, value);
  }

  private static String field(String f, String spec) {
    String t = f.strip();
    if (!FIELD.matcher(t).matches()) {
      throw new BadRequestException("filter", "filter '" + spec + "': '" + t + "' is not a field name (letters, digits, _ . -): " + FORMS);
    }
    return t;
  }

  private static double number(String v, String spec) {
    try {
      double d = Double.parseDouble(v.strip());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new BadRequestException("filter", "filter '" + spec + "': '" + v + "' is not a finite number");
    }
  }
}
