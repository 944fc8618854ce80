package io.rankstack.eval.ultr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG of relative propensities {@code P[0]/P[k]} by rank (JFreeChart, headless; log y axis). */
final class PropensityChart {
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x7f7f7f), new Color(0x17becf), new Color(0xbcbd22)};

  /** How a line is drawn: the truth dashed, DLA solid, the randomisation estimate dotted. */
  enum Style { TRUTH, LEARNED, ESTIMATE }

  /** One line: values for ranks 1..n; {@code group} picks the colour (one per η). */
  record Line(String name, double[] ratios, int group, Style style) {}

  private PropensityChart() {}

  static void write(Path png, String title, List<Line> lines) {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    for (Line l : lines) {
      XYSeries s = new XYSeries(l.name());
      for (int k = 0; k < l.ratios().length; k++) {
        s.add(k + 1, l.ratios()[k]);
      }
      data.addSeries(s);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      r.setSeriesPaint(i, COLORS[l.group() % COLORS.length]);
      r.setSeriesStroke(i, switch (l.style()) {
        case TRUTH -> new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
        case LEARNED -> new BasicStroke(2.5f);
        case ESTIMATE -> new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {1f, 3f}, 0f);
      });
    }
    LogAxis y = new LogAxis("P[1] / P[k] (log scale)");
    y.setBase(10);
    y.setNumberFormatOverride(new java.text.DecimalFormat("0.##"));
    XYPlot plot = new XYPlot(data, new NumberAxis("rank k"), y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    try {
      if (png.toAbsolutePath().getParent() != null) {
        Files.createDirectories(png.toAbsolutePath().getParent());
      }
      ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 560);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + png, e);
    }
  }
}
