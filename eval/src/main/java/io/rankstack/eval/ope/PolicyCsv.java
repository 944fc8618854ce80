package io.rankstack.eval.ope;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.nio.file.Path;

/**
 * Reads a target policy as CSV with the header {@code context,position,action,probability}: one row
 * per {@code π(action | context, position)}. The context {@code *} applies to every context without
 * rows of its own; each (context, position) distribution must sum to 1 (see {@link PolicyTable}).
 * Errors name the file, line and field.
 */
public final class PolicyCsv {
  /** The required header. */
  public static final String HEADER = "context,position,action,probability";

  private PolicyCsv() {}

  public static PolicyTable read(Path file) {
    String src = file.toString();
    PolicyTable.Builder b = new PolicyTable.Builder();
    try (LineSource r = LineSource.open(file)) {
      r.requireHeader(HEADER);
      String line;
      while ((line = r.readNonBlankLine()) != null) {
        long no = r.lineNumber();
        String[] f = line.split(",", -1);
        if (f.length != 4) {
          throw new InputFormatException(src, no, null, "expected 4 fields, found " + f.length);
        }
        int position;
        try {
          position = Integer.parseInt(f[1].trim());
        } catch (NumberFormatException e) {
          throw new InputFormatException(src, no, "position", "not an integer: '" + f[1] + "'");
        }
        double p;
        try {
          p = Double.parseDouble(f[3].trim());
        } catch (NumberFormatException e) {
          throw new InputFormatException(src, no, "probability", "not a number: '" + f[3] + "'");
        }
        if (f[2].trim().isEmpty()) {
          throw new InputFormatException(src, no, "action", "empty");
        }
        try {
          b.put(f[0].trim(), position, f[2].trim(), p);
        } catch (IllegalArgumentException e) {
          String field = position < 1 ? "position" : e.getMessage().startsWith("repeated") ? "action" : "probability";
          throw new InputFormatException(src, no, field, e.getMessage());
        }
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new InputFormatException(src, 0, "probability", e.getMessage());
    }
  }
}
