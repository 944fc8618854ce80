package io.rankstack.eval.ope;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a log of the Open Bandit Dataset ({@code {random,bts}/{men,women,all}/CAMPAIGN.csv}; Saito
 * et al., "Open Bandit Dataset and Pipeline", NeurIPS 2021 Datasets track) as single-action
 * impressions. Columns are found by header name: {@code item_id} (the action), {@code position}
 * (1..3), {@code click} (0 or 1, the reward) and {@code propensity_score} (the logging policy's
 * probability of the item at that position, named {@code action_prob} in the dataset's README and
 * accepted under that name too). A row is one (impression, position): the sample's timestamps do not
 * group rows into whole slates, so every row is its own impression, with context "" (the logging
 * policies of the dataset ignore the user features).
 *
 * <p>Errors name the file, the 1-based line and the field.
 */
public final class ObdCsv {
  private ObdCsv() {}

  /** Reads every row of {@code file}. */
  public static List<LoggedImpression> read(Path file) {
    String source = file.toString();
    List<LoggedImpression> log = new ArrayList<>();
    try (LineSource r = LineSource.open(file)) {
      String header = r.readLine();
      if (header == null) {
        throw new InputFormatException(source, 1, null, "empty file; expected a header with item_id, position, click, propensity_score");
      }
      Map<String, Integer> columns = new HashMap<>();
      String[] names = header.split(",", -1);
      for (int i = 0; i < names.length; i++) {
        columns.put(names[i].trim(), i);
      }
      int item = column(columns, source, "item_id");
      int position = column(columns, source, "position");
      int click = column(columns, source, "click");
      int prop = columns.containsKey("propensity_score") ? columns.get("propensity_score")
          : column(columns, source, "action_prob");
      String propName = names[prop].trim();
      int needed = Math.max(Math.max(item, position), Math.max(click, prop)) + 1;
      String line;
      while ((line = r.readNonBlankLine()) != null) {
        long no = r.lineNumber();
        String[] f = line.split(",", -1);
        if (f.length < needed) {
          throw new InputFormatException(source, no, null, "has " + f.length + " fields, the header names " + names.length);
        }
        String action = f[item].trim();
        if (action.isEmpty()) {
          throw new InputFormatException(source, no, "item_id", "empty");
        }
        int k = integer(f[position], source, no, "position");
        if (k < 1) {
          throw new InputFormatException(source, no, "position", "must be at least 1: " + k);
        }
        int c = integer(f[click], source, no, "click");
        if (c != 0 && c != 1) {
          throw new InputFormatException(source, no, "click", "must be 0 or 1: " + c);
        }
        double p = number(f[prop], source, no, propName);
        if (!(p > 0 && p <= 1)) {
          throw new InputFormatException(source, no, propName, "must be in (0, 1]: " + f[prop]);
        }
        log.add(LoggedImpression.single("", action, k, p, c));
      }
    }
    return log;
  }

  /** The {@code item_id} column of a campaign's {@code item_context.csv}, in file order. */
  public static List<String> readItemIds(Path file) {
    String source = file.toString();
    List<String> ids = new ArrayList<>();
    try (LineSource r = LineSource.open(file)) {
      String header = r.readLine();
      if (header == null) {
        throw new InputFormatException(source, 1, "item_id", "empty file; expected a header with item_id");
      }
      Map<String, Integer> columns = new HashMap<>();
      String[] names = header.split(",", -1);
      for (int i = 0; i < names.length; i++) {
        columns.put(names[i].trim(), i);
      }
      int item = column(columns, source, "item_id");
      String line;
      while ((line = r.readNonBlankLine()) != null) {
        long no = r.lineNumber();
        String[] f = line.split(",", -1);
        if (f.length <= item || f[item].trim().isEmpty()) {
          throw new InputFormatException(source, no, "item_id", "missing");
        }
        if (ids.contains(f[item].trim())) {
          throw new InputFormatException(source, no, "item_id", "duplicate item " + f[item].trim());
        }
        ids.add(f[item].trim());
      }
    }
    return ids;
  }

  private static int column(Map<String, Integer> columns, String source, String name) {
    Integer i = columns.get(name);
    if (i == null) {
      throw new InputFormatException(source, 1, name, "missing from the header");
    }
    return i;
  }

  private static int integer(String text, String source, long line, String field) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new InputFormatException(source, line, field, "not an integer: '" + text + "'");
    }
  }

  private static double number(String text, String source, long line, String field) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new InputFormatException(source, line, field, "not a number: '" + text + "'");
    }
  }
}
