package io.rankstack.eval.trec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one trec_eval evaluation: for every evaluated query and every value (named as
 * trec_eval prints it, such as {@code map}, {@code P_10}, {@code ndcg_cut_10},
 * {@code iprec_at_recall_0.50}), the per-query value, and the summary over queries. Immutable.
 *
 * <p>Queries are in trec_eval's order ({@code strcmp} order of their ids). Per-query values exist
 * for exactly the values trec_eval prints with {@code -q}; {@code num_q}, {@code gm_map} and
 * {@code gm_bpref} have only a summary, {@code relstring} only per-query text.
 */
public final class TrecEvalResult {
  /** One printed column: a value name and the measure family that produces it. */
  record Column(String name, MeasureFamily family) {}

  private final String runId;
  private final List<String> queryIds;
  private final List<Column> columns;
  private final double[][] perQuery;
  private final double[] summary;
  private final Map<String, String> relStrings;
  private final Map<String, Integer> columnIndex;
  private final Map<String, Integer> queryIndex;

  TrecEvalResult(String runId, List<String> queryIds, List<Column> columns, double[][] perQuery, double[] summary,
      Map<String, String> relStrings) {
    this.runId = Objects.requireNonNull(runId, "runId");
    this.queryIds = List.copyOf(queryIds);
    this.columns = List.copyOf(columns);
    this.perQuery = perQuery;
    this.summary = summary;
    this.relStrings = Collections.unmodifiableMap(new LinkedHashMap<>(relStrings));
    Map<String, Integer> ci = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      ci.putIfAbsent(columns.get(i).name(), i);
    }
    this.columnIndex = ci;
    Map<String, Integer> qi = new LinkedHashMap<>();
    for (int i = 0; i < queryIds.size(); i++) {
      qi.put(queryIds.get(i), i);
    }
    this.queryIndex = qi;
  }

  /** The run id (what {@code runid} prints). */
  public String runId() {
    return runId;
  }

  /** The evaluated queries, in trec_eval's order. */
  public List<String> queryIds() {
    return queryIds;
  }

  /** Names of the values reported per query, in trec_eval's printing order. */
  public List<String> perQueryValueNames() {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      if (isNumeric(c) && c.family().printedPerQuery()) {
        names.add(c.name());
      }
    }
    return names;
  }

  /** Names of the numeric values in the summary, in trec_eval's printing order. */
  public List<String> summaryValueNames() {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      if (isNumeric(c) && c.family().printedInSummary()) {
        names.add(c.name());
      }
    }
    return names;
  }

  /**
   * The per-query values of one value name, such as {@code "ndcg_cut_10"}: query id to value, in
   * trec_eval's query order.
   *
   * @throws IllegalArgumentException when no measure produced that name, or trec_eval reports it only
   *                                  in the summary
   */
  public Map<String, Double> perQuery(String valueName) {
    int c = perQueryColumn(valueName);
    Map<String, Double> m = new LinkedHashMap<>();
    for (int q = 0; q < queryIds.size(); q++) {
      m.put(queryIds.get(q), perQuery[q][c]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * One per-query value.
   *
   * @throws IllegalArgumentException for an unknown query or value name (see {@link #perQuery})
   */
  public double value(String queryId, String valueName) {
    int c = perQueryColumn(valueName);
    Integer q = queryIndex.get(queryId);
    if (q == null) {
      throw new IllegalArgumentException("query '" + queryId + "' was not evaluated");
    }
    return perQuery[q][c];
  }

  /**
   * The summary of one value name over all queries (a mean, a sum or a geometric mean, as trec_eval
   * defines it for the measure).
   *
   * @throws IllegalArgumentException when no measure produced that name, or it has no summary
   */
  public double summary(String valueName) {
    Integer c = columnIndex.get(valueName);
    if (c == null || !isNumeric(columns.get(c)) || !columns.get(c).family().printedInSummary()) {
      throw new IllegalArgumentException("no summary value '" + valueName + "'; there are " + summaryValueNames());
    }
    return summary[c];
  }

  /** All summary values by name, in trec_eval's printing order. */
  public Map<String, Double> summary() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String name : summaryValueNames()) {
      m.putIfAbsent(name, summary[columnIndex.get(name)]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** The relstring of a query, when {@code relstring} was requested. */
  public Optional<String> relString(String queryId) {
    return Optional.ofNullable(relStrings.get(queryId));
  }

  List<Column> columns() {
    return columns;
  }

  double perQueryValue(int query, int column) {
    return perQuery[query][column];
  }

  double summaryValue(int column) {
    return summary[column];
  }

  private int perQueryColumn(String valueName) {
    Integer c = columnIndex.get(valueName);
    if (c == null || !isNumeric(columns.get(c)) || !columns.get(c).family().printedPerQuery()) {
      throw new IllegalArgumentException("no per-query value '" + valueName + "'; there are " + perQueryValueNames());
    }
    return c;
  }

  private static boolean isNumeric(Column c) {
    return c.family().output() == MeasureFamily.Output.COUNT || c.family().output() == MeasureFamily.Output.REAL;
  }
}
