package io.rankstack.eval.plot;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Off-policy estimates with their confidence intervals as error bars, one series per group (for
 * example a campaign), with each group's ground truth (when known) as a dashed line over its
 * shaded interval. The rows come from {@code ope ... --csv}, whose format this class owns:
 * <pre>
 *   group,estimator,value,lower,upper,truth,truth_lower,truth_upper
 * </pre>
 * with the three truth fields empty when there is no ground truth.
 */
public final class EstimatorBars {
  /** The CSV header. */
  public static final String HEADER = "group,estimator,value,lower,upper,truth,truth_lower,truth_upper";

  /** Horizontal distance between the groups' bars of one estimator. */
  static final double GROUP_OFFSET = 0.15;

  private EstimatorBars() {}

  /** One estimate; truth fields NaN when unknown. */
  public record Row(String group, String estimator, double value, double lower, double upper, double truth,
                    double truthLower, double truthUpper) {}

  /** The CSV text of {@code rows}. */
  public static String toCsv(List<Row> rows) {
    StringWriter s = new StringWriter();
    PrintWriter w = new PrintWriter(s);
    w.print(HEADER + "\n");
    for (Row r : rows) {
      w.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s%n", r.group(), r.estimator(), num(r.value()), num(r.lower()),
          num(r.upper()), num(r.truth()), num(r.truthLower()), num(r.truthUpper()));
    }
    w.flush();
    return s.toString().replace(System.lineSeparator(), "\n");
  }

  private static String num(double x) {
    return Double.isNaN(x) ? "" : Double.toString(x);
  }

  /** Reads rows written by {@link #toCsv}. */
  public static List<Row> read(Path file) {
    String src = file.toString();
    String[] names = HEADER.split(",");
    List<Row> rows = new ArrayList<>();
    try (LineSource r = LineSource.open(file)) {
      r.requireHeader(HEADER);
      String line;
      while ((line = r.readNonBlankLine()) != null) {
        long no = r.lineNumber();
        String[] f = line.split(",", -1);
        if (f.length != names.length) {
          throw new InputFormatException(src, no, null, "expected " + names.length + " fields, found " + f.length);
        }
        double[] x = new double[6];
        for (int i = 0; i < 6; i++) {
          String t = f[i + 2].trim();
          if (t.isEmpty() && i >= 3) {
            x[i] = Double.NaN;
            continue;
          }
          try {
            x[i] = Double.parseDouble(t);
          } catch (NumberFormatException e) {
            throw new InputFormatException(src, no, names[i + 2], "not a number: '" + f[i + 2] + "'");
          }
        }
        rows.add(new Row(f[0].trim(), f[1].trim(), x[0], x[1], x[2], x[3], x[4], x[5]));
      }
    }
    if (rows.isEmpty()) {
      throw new InputFormatException(src, 0, null, "no estimates");
    }
    return rows;
  }

  /** The estimators in order of first appearance: the x axis. */
  public static List<String> estimators(List<Row> rows) {
    return rows.stream().map(Row::estimator).distinct().toList();
  }

  /**
   * The plotted data: one series per group, with points at {@code x = estimator index + offset},
   * {@code offset = (g − (G − 1)/2) · GROUP_OFFSET} for group g of G.
   */
  public static YIntervalSeriesCollection dataset(List<Row> rows) {
    List<String> estimators = estimators(rows);
    Map<String, YIntervalSeries> series = new LinkedHashMap<>();
    for (Row r : rows) {
      series.computeIfAbsent(r.group(), YIntervalSeries::new);
    }
    List<String> groups = new ArrayList<>(series.keySet());
    for (Row r : rows) {
      int g = groups.indexOf(r.group());
      double x = estimators.indexOf(r.estimator()) + (g - (groups.size() - 1) / 2.0) * GROUP_OFFSET;
      series.get(r.group()).add(x, r.value(), r.lower(), r.upper());
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    series.values().forEach(data::addSeries);
    return data;
  }

  /** The error-bar chart. */
  public static JFreeChart chart(List<Row> rows, String title, String yLabel) {
    YIntervalSeriesCollection data = dataset(rows);
    List<String> estimators = estimators(rows);
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(false);
    r.setErrorStroke(new BasicStroke(1.5f));
    r.setCapLength(8);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      r.setSeriesPaint(i, Palette.color(i));
    }
    SymbolAxis x = new SymbolAxis("estimator", estimators.toArray(new String[0]));
    x.setRange(-0.5, estimators.size() - 0.5);
    x.setGridBandsVisible(false);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    Map<String, Row> truthByGroup = new LinkedHashMap<>();
    rows.stream().filter(row -> !Double.isNaN(row.truth())).forEach(row -> truthByGroup.putIfAbsent(row.group(), row));
    for (int i = 0; i < data.getSeriesCount(); i++) {
      Row t = truthByGroup.get(data.getSeriesKey(i).toString());
      if (t == null) {
        continue;
      }
      Color c = Palette.color(i);
      if (!Double.isNaN(t.truthLower()) && !Double.isNaN(t.truthUpper())) {
        IntervalMarker band = new IntervalMarker(t.truthLower(), t.truthUpper());
        band.setPaint(new Color(c.getRed(), c.getGreen(), c.getBlue(), 40));
        plot.addRangeMarker(band);
      }
      ValueMarker line = new ValueMarker(t.truth(), c, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
          10f, new float[] {6f, 4f}, 0f));
      plot.addRangeMarker(line);
    }
    y.setAutoRange(true);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
