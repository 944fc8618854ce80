package io.rankstack.eval.trec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * trec_eval's command line, parsed as its {@code getopt_long} call does
 * ({@code "hvqm:cl:nD:JN:M:R:T:oZ:"}): short flags may be grouped ({@code -qc}), a flag's value may
 * be attached ({@code -M100}, {@code -mndcg_cut.10}) or the next argument ({@code -M 100}), long
 * forms ({@code --measure=map}, {@code --measure map}) and unambiguous prefixes of them are accepted,
 * options may follow the file names, and {@code --} ends the options.
 *
 * @param options  the evaluation options
 * @param perQuery {@code -q}: print each query's values
 * @param summary  false with {@code -n}: no summary
 * @param help     {@code -h}: print help and stop
 * @param version  {@code -v}: print the version and stop
 * @param qrels    the rel_info file (null with help or version)
 * @param run      the results file (null with help or version)
 */
public record TrecArguments(TrecEvalOptions options, boolean perQuery, boolean summary, boolean help,
    boolean version, Path qrels, Path run) {

  /** Long option names and the short flag each stands for. */
  private static final Map<String, Character> LONG_OPTIONS = Map.ofEntries(
      Map.entry("help", 'h'), Map.entry("version", 'v'), Map.entry("query_eval_wanted", 'q'),
      Map.entry("measure", 'm'), Map.entry("complete_rel_info_wanted", 'c'), Map.entry("level_for_rel", 'l'),
      Map.entry("nosummary", 'n'), Map.entry("Debug_level", 'D'), Map.entry("Judged_docs_only", 'J'),
      Map.entry("Number_docs_in_coll", 'N'), Map.entry("Max_retrieved_per_topic", 'M'),
      Map.entry("Rel_info_format", 'R'), Map.entry("Results_format", 'T'),
      Map.entry("Output_old_results_format", 'o'), Map.entry("Zscore", 'Z'));

  /** Short flags that take a value. */
  private static final String WITH_VALUE = "mlDNMRTZ";
  private static final String WITHOUT_VALUE = "hvqcnJo";

  /**
   * Parses the arguments that follow {@code trec}.
   *
   * @throws IllegalArgumentException for an unknown or unsupported flag, a bad flag value, or not
   *                                  exactly two file names
   */
  public static TrecArguments parse(List<String> args) {
    Builder b = new Builder();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        files.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        char flag = longOption(name);
        if (WITH_VALUE.indexOf(flag) >= 0) {
          String value;
          if (eq >= 0) {
            value = arg.substring(eq + 1);
          } else if (i + 1 < args.size()) {
            value = args.get(++i);
          } else {
            throw new IllegalArgumentException("option '--" + name + "' requires an argument");
          }
          b.apply(flag, value);
        } else {
          if (eq >= 0) {
            throw new IllegalArgumentException("option '--" + name + "' doesn't allow an argument");
          }
          b.apply(flag, null);
        }
        continue;
      }
      if (arg.length() < 2 || arg.charAt(0) != '-') {
        files.add(arg);
        continue;
      }
      for (int j = 1; j < arg.length(); j++) {
        char flag = arg.charAt(j);
        if (WITH_VALUE.indexOf(flag) >= 0) {
          String value;
          if (j + 1 < arg.length()) {
            value = arg.substring(j + 1);
          } else if (i + 1 < args.size()) {
            value = args.get(++i);
          } else {
            throw new IllegalArgumentException("option requires an argument -- '" + flag + "'");
          }
          b.apply(flag, value);
          break;
        } else if (WITHOUT_VALUE.indexOf(flag) >= 0) {
          b.apply(flag, null);
        } else {
          throw new IllegalArgumentException("invalid option -- '" + flag + "'");
        }
      }
    }
    if (b.help || b.version) {
      return new TrecArguments(b.options(), b.perQuery, b.summary, b.help, b.version, null, null);
    }
    if (files.size() != 2) {
      throw new IllegalArgumentException("expected 2 files, rel_info_file and results_file, got " + files.size()
          + (files.isEmpty() ? "" : ": " + files));
    }
    return new TrecArguments(b.options(), b.perQuery, b.summary, false, false, Path.of(files.get(0)),
        Path.of(files.get(1)));
  }

  private static char longOption(String name) {
    Character exact = LONG_OPTIONS.get(name);
    if (exact != null) {
      return exact;
    }
    List<String> matches = new ArrayList<>();
    for (String candidate : LONG_OPTIONS.keySet()) {
      if (!name.isEmpty() && candidate.startsWith(name)) {
        matches.add(candidate);
      }
    }
    if (matches.size() == 1) {
      return LONG_OPTIONS.get(matches.get(0));
    }
    throw new IllegalArgumentException(matches.isEmpty()
        ? "unrecognized option '--" + name + "'"
        : "option '--" + name + "' is ambiguous; possibilities: " + matches);
  }

  /** Accumulates flags. */
  private static final class Builder {
    private final List<String> measures = new ArrayList<>();
    private boolean perQuery;
    private boolean summary = true;
    private boolean help;
    private boolean version;
    private boolean complete;
    private long level = 1;
    private long max = TrecEvalOptions.UNLIMITED;
    private boolean judgedOnly;
    private long numDocs;

    void apply(char flag, String value) {
      switch (flag) {
        case 'h' -> help = true;
        case 'v' -> version = true;
        case 'q' -> perQuery = true;
        case 'm' -> measures.add(value);
        case 'c' -> complete = true;
        case 'l' -> level = integer("-l (relevance level)", value);
        case 'n' -> summary = false;
        case 'J' -> judgedOnly = true;
        case 'N' -> numDocs = integer("-N (number of documents in collection)", value);
        case 'M' -> max = integer("-M (max retrieved per topic)", value);
        case 'o' -> { } // obsolete in trec_eval, no effect
        case 'R' -> {
          if (!value.equals("qrels")) {
            throw new IllegalArgumentException("-R " + value + ": not supported (only the qrels format is)");
          }
        }
        case 'T' -> {
          if (!value.equals("trec_results")) {
            throw new IllegalArgumentException("-T " + value + ": not supported (only the trec_results format is)");
          }
        }
        case 'D' -> throw new IllegalArgumentException("-D (debug output) is not supported");
        case 'Z' -> throw new IllegalArgumentException("-Z (z-scores) is not supported");
        default -> throw new IllegalArgumentException("invalid option -- '" + flag + "'");
      }
    }

    private static long integer(String what, String value) {
      Long v = CNumbers.parseStrictLong(value);
      if (v == null) {
        throw new IllegalArgumentException(what + " must be an integer, got '" + value + "'");
      }
      return v;
    }

    TrecEvalOptions options() {
      return new TrecEvalOptions(measures, complete, level, max, judgedOnly, numDocs);
    }
  }
}
