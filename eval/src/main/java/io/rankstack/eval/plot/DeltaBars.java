package io.rankstack.eval.plot;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.eval.compare.PerQueryScores;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Per-query metric differences of run B against run A, sorted: the chart shows at a glance how many
 * queries a change helps, how many it hurts and by how much. Data and drawing are separate:
 * {@link #compute} gives the bars, {@link #chart} draws them.
 */
public final class DeltaBars {
  /** Query labels are drawn only up to this many bars; beyond, they would overlap. */
  public static final int MAX_LABELLED = 40;

  private DeltaBars() {}

  /** One query's difference {@code B − A}. */
  public record Bar(String query, double a, double b) {
    public double delta() {
      return b - a;
    }
  }

  /**
   * The bars of every evaluated query ({@link PerQueryScores#evaluatedQueries}), sorted by
   * {@code B − A} from largest to smallest, ties by query id.
   */
  public static List<Bar> compute(Judgments qrels, Run a, Run b, String measure, PerQueryScores engine) {
    Map<String, Double> sa = engine.scores(qrels, a, measure);
    Map<String, Double> sb = engine.scores(qrels, b, measure);
    List<Bar> bars = new ArrayList<>();
    for (String q : PerQueryScores.evaluatedQueries(qrels)) {
      bars.add(new Bar(q, sa.get(q), sb.get(q)));
    }
    bars.sort(Comparator.comparingDouble(Bar::delta).reversed().thenComparing(Bar::query));
    return bars;
  }

  /** The bar chart: gains in green, losses in red, one category per query. */
  public static JFreeChart chart(List<Bar> bars, String title, String measure) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Bar bar : bars) {
      data.addValue(bar.delta(), "B − A", bar.query());
    }
    BarRenderer renderer = new BarRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        return bars.get(column).delta() >= 0 ? new Color(0x2ca02c) : new Color(0xd62728);
      }
    };
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0);
    CategoryAxis x = new CategoryAxis(bars.size() + " queries, sorted by difference");
    x.setTickLabelsVisible(bars.size() <= MAX_LABELLED);
    x.setCategoryMargin(0.1);
    CategoryPlot plot = new CategoryPlot(data, x, new NumberAxis(measure + " difference (B − A)"), renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
