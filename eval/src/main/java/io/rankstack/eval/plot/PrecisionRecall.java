package io.rankstack.eval.plot;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.eval.trec.TrecEvalOptions;
import io.rankstack.eval.trec.TrecEvalResult;
import io.rankstack.eval.trec.TrecEvaluator;
import io.rankstack.eval.trec.TrecQrels;
import io.rankstack.eval.trec.TrecRun;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Eleven-point interpolated precision–recall curves: at recall r ∈ {0, 0.1, …, 1}, a query's
 * interpolated precision is the highest precision at any rank whose recall is at least r, averaged
 * over every query of the qrels as {@code trec_eval -c} does (a query the run misses, or one without a
 * relevant document, counts 0). These are trec_eval's {@code iprec_at_recall_*} values with
 * {@code -c}, computed by the project's trec_eval-exact engine.
 */
public final class PrecisionRecall {
  /** The eleven recall levels. */
  public static final double[] RECALL = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  private PrecisionRecall() {}

  /** One run's curve: {@code precision[i]} at {@code RECALL[i]}. */
  public record Curve(String name, double[] precision) {}

  /** The curve of {@code run} against {@code qrels}. */
  public static Curve compute(String name, Judgments qrels, Run run) {
    TrecEvaluator evaluator = new TrecEvaluator(TrecEvalOptions.defaults().withMeasures("iprec_at_recall")
        .withCompleteRelInfo(true));
    TrecEvalResult result = evaluator.evaluate(TrecQrels.from(qrels), TrecRun.from(run));
    double[] p = new double[RECALL.length];
    for (int i = 0; i < RECALL.length; i++) {
      p[i] = result.summary(String.format(Locale.ROOT, "iprec_at_recall_%3.2f", RECALL[i]));
    }
    return new Curve(name, p);
  }

  /** One line with markers per curve. */
  public static JFreeChart chart(List<Curve> curves, String title) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Curve c : curves) {
      XYSeries s = new XYSeries(c.name(), false, true);
      for (int i = 0; i < RECALL.length; i++) {
        s.add(RECALL[i], c.precision()[i]);
      }
      data.addSeries(s);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < curves.size(); i++) {
      r.setSeriesPaint(i, Palette.color(i));
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    NumberAxis x = new NumberAxis("recall");
    x.setRange(0, 1);
    NumberAxis y = new NumberAxis("interpolated precision");
    y.setRange(0, 1);
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
