package io.rankstack.eval.bandit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Line charts with confidence bands (JFreeChart, headless): the bandit commands' regret curves and
 * {@code rankstack-eval plot regret}, which redraws them from the CSV those commands write.
 */
public final class Charts {
  private Charts() {}

  private static final Color[] COLORS = {
      new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
      new Color(0xff7f0e), new Color(0x8c564b)};

  /** One curve: x values, mean, and band low/high. */
  public record Curve(String name, double[] x, double[] mean, double[] low, double[] high) {}

  static void writeBands(Path png, String title, String xLabel, String yLabel, List<Curve> curves) {
    JFreeChart chart = bandsChart(title, xLabel, yLabel, curves);
    try {
      if (png.toAbsolutePath().getParent() != null) {
        Files.createDirectories(png.toAbsolutePath().getParent());
      }
      ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 560);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + png, e);
    }
  }

  /** The chart of {@code curves}: one line per curve over its shaded band, in a fixed palette. */
  public static JFreeChart bandsChart(String title, String xLabel, String yLabel, List<Curve> curves) {
    System.setProperty("java.awt.headless", "true");
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Curve c : curves) {
      YIntervalSeries s = new YIntervalSeries(c.name());
      for (int i = 0; i < c.x().length; i++) {
        s.add(c.x()[i], c.mean()[i], c.low()[i], c.high()[i]);
      }
      data.addSeries(s);
    }
    DeviationRenderer r = new DeviationRenderer(true, false);
    for (int i = 0; i < curves.size(); i++) {
      Color col = COLORS[i % COLORS.length];
      r.setSeriesPaint(i, col);
      r.setSeriesFillPaint(i, col);
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    r.setAlpha(0.2f);
    XYPlot plot = new XYPlot(data, new NumberAxis(xLabel), new NumberAxis(yLabel), r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
