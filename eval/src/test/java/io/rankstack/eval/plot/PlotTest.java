package io.rankstack.eval.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Judgments;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.eval.RankstackEval;
import io.rankstack.eval.bandit.Charts;
import io.rankstack.eval.compare.TrecEvalScores;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The charts' data against hand-computed values (separately from drawing), and the files: real
 * PNGs and well-formed SVGs of the requested size whose text shows the series.
 *
 * <p>Fixture (as in CompareCommandTest): qrels q1 {d1: 1, d2: 0, d3: 2}, q2 {d4: 1}, q3 {d5: 1},
 * q4 {d6: 0}; A ranks q1 d1 d2 d3, q2 d9 d4 (no q3); B ranks q1 d3 d1, q2 d4, q3 d7 d5.
 */
class PlotTest {
  @TempDir
  Path dir;

  Path qrels;
  Path runA;
  Path runB;

  @BeforeEach
  void writeFiles() throws IOException {
    qrels = Files.writeString(dir.resolve("qrels.txt"), "q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d4 1\nq3 0 d5 1\nq4 0 d6 0\n");
    runA = Files.writeString(dir.resolve("a.run"),
        "q1 Q0 d1 1 3.0 base\nq1 Q0 d2 2 2.0 base\nq1 Q0 d3 3 1.0 base\nq2 Q0 d9 1 2.0 base\nq2 Q0 d4 2 1.0 base\n");
    runB = Files.writeString(dir.resolve("b.run"),
        "q1 Q0 d3 1 3.0 better\nq1 Q0 d1 2 2.0 better\nq2 Q0 d4 1 1.0 better\nq3 Q0 d7 1 1.0 better\nq3 Q0 d5 2 0.5 better\n");
  }

  @Test
  void deltaBarsAreSortedPerQueryDifferences() {
    // nDCG@10 B − A: q1 1 − 0.760188 = 0.239812, q2 1 − 0.630930 = 0.369070, q3 0.630930 − 0
    List<DeltaBars.Bar> bars = DeltaBars.compute(TrecFormats.readAnyQrels(qrels), TrecFormats.readRun(runA),
        TrecFormats.readRun(runB), "ndcg_cut.10", new TrecEvalScores());
    assertEquals(List.of("q3", "q2", "q1"), bars.stream().map(DeltaBars.Bar::query).toList());
    assertEquals(0.630930, bars.get(0).delta(), 1e-6);
    assertEquals(0.369070, bars.get(1).delta(), 1e-6);
    assertEquals(0.239812, bars.get(2).delta(), 1e-6);
  }

  @Test
  void precisionRecallByHand() {
    // trec_eval turns recall level r into lround(r · R) relevant documents (R relevant in all).
    // A: q1 (R = 2) has d1 at rank 1 (P 1) and d3 at rank 3 (P 2/3); lround(r · 2) ≤ 1 for r ≤ 0.7, so
    //    precision 1 up to recall 0.7 and 2/3 from 0.8; q2 d4 at rank 2 (P 1/2) → 1/2 everywhere;
    //    q3 missing → 0; q4 has no relevant document → 0. trec_eval -c averages over all four qrels
    //    queries: r ≤ 0.7: (1 + 0.5) / 4 = 0.375; r ≥ 0.8: (2/3 + 1/2) / 4 = 0.291667.
    Judgments j = TrecFormats.readAnyQrels(qrels);
    PrecisionRecall.Curve a = PrecisionRecall.compute("A", j, TrecFormats.readRun(runA));
    double h = (2.0 / 3 + 0.5) / 4;
    double l = 1.5 / 4;
    assertArrayEquals(new double[] {l, l, l, l, l, l, l, l, h, h, h}, a.precision(), 1e-4);
    // B: q1 d3, d1 at ranks 1, 2 → 1; q2 → 1; q3 d5 at rank 2 → 1/2: mean (1 + 1 + 0.5) / 4 = 0.625 everywhere
    PrecisionRecall.Curve b = PrecisionRecall.compute("B", j, TrecFormats.readRun(runB));
    for (double p : b.precision()) {
      assertEquals(2.5 / 4, p, 1e-4);
    }
  }

  @Test
  void estimatorBarsDatasetPlacesGroupsAroundEachEstimator() {
    List<EstimatorBars.Row> rows = List.of(
        new EstimatorBars.Row("men", "IPS", 0.5, 0.4, 0.6, 0.55, 0.5, 0.6),
        new EstimatorBars.Row("men", "DR", 0.52, 0.45, 0.6, 0.55, 0.5, 0.6),
        new EstimatorBars.Row("women", "IPS", 0.3, 0.2, 0.4, Double.NaN, Double.NaN, Double.NaN),
        new EstimatorBars.Row("women", "DR", 0.31, 0.25, 0.38, Double.NaN, Double.NaN, Double.NaN));
    YIntervalSeriesCollection d = EstimatorBars.dataset(rows);
    assertEquals(2, d.getSeriesCount());
    assertEquals(-0.075, d.getXValue(0, 0), 1e-12); // IPS (0) − GROUP_OFFSET / 2
    assertEquals(1.075, d.getXValue(1, 1), 1e-12);  // DR (1) + GROUP_OFFSET / 2
    assertEquals(0.31, d.getYValue(1, 1), 1e-12);
    assertEquals(0.25, d.getStartYValue(1, 1), 1e-12);
    assertEquals(0.38, d.getEndYValue(1, 1), 1e-12);
    assertEquals(rows, roundTrip(rows));
  }

  private List<EstimatorBars.Row> roundTrip(List<EstimatorBars.Row> rows) {
    try {
      Path csv = Files.writeString(dir.resolve("rows.csv"), EstimatorBars.toCsv(rows));
      return EstimatorBars.read(csv);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void deltaAndPrCommandsWritePngAndSvg() throws Exception {
    Path png = dir.resolve("charts/delta.png");
    String out = run("plot", "delta", qrels.toString(), runA.toString(), runB.toString(), "-o", png.toString(),
        "--width", "640", "--height", "400");
    assertTrue(out.contains("3 queries: 3 better, 0 worse, 0 equal"), out);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(640, image.getWidth());
    assertEquals(400, image.getHeight());

    Path svg = dir.resolve("charts/pr.svg");
    run("plot", "pr", qrels.toString(), runA.toString(), runB.toString(), "-o", svg.toString());
    Document doc = parseSvg(svg);
    Element root = doc.getDocumentElement();
    assertEquals("svg", root.getLocalName() != null ? root.getLocalName() : root.getTagName());
    assertEquals(900, Double.parseDouble(root.getAttribute("width")), 0);
    assertEquals(560, Double.parseDouble(root.getAttribute("height")), 0);
    String text = texts(doc);
    assertTrue(text.contains("a.run") && text.contains("b.run"), "both series in the legend: " + text);
    assertTrue(text.contains("recall"), text);
  }

  @Test
  void regretCommandRedrawsTheBanditCsv() throws Exception {
    Path csv = dir.resolve("blb.csv");
    run("bandit", "blb", "--items", "8", "--k", "2", "--rounds", "2000", "--seeds", "2", "--points", "10", "--csv", csv.toString());
    List<Charts.Curve> curves = RegretCsv.read(csv);
    assertEquals(4, curves.size());
    assertEquals(10, curves.get(0).x().length);
    Path svg = dir.resolve("regret.svg");
    String out = run("plot", "regret", csv.toString(), "-o", svg.toString());
    assertTrue(out.contains("4 curves"), out);
    String text = texts(parseSvg(svg));
    for (Charts.Curve c : curves) {
      assertTrue(text.contains(c.name()), c.name() + " in " + text);
    }
  }

  @Test
  void sameChartSameSvgFile() throws IOException {
    Path one = dir.resolve("one.svg");
    Path two = dir.resolve("two.svg");
    run("plot", "pr", qrels.toString(), runA.toString(), "-o", one.toString());
    run("plot", "pr", qrels.toString(), runA.toString(), "-o", two.toString());
    assertEquals(Files.readString(one), Files.readString(two));
  }

  @Test
  void opeCommandDrawsTheEstimates() throws Exception {
    Path csv = Files.writeString(dir.resolve("ope.csv"), EstimatorBars.HEADER + "\nmen,IPS,0.5,0.4,0.6,0.55,0.5,0.6\n"
        + "women,IPS,0.3,0.2,0.4,,,\n");
    Path svg = dir.resolve("ope.svg");
    run("plot", "ope", csv.toString(), "-o", svg.toString());
    String text = texts(parseSvg(svg));
    assertTrue(text.contains("men") && text.contains("women") && text.contains("IPS"), text);
  }

  @Test
  void badInputsAreBadInput() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), RegretCsv.HEADER + "\nucb,10,1.0,0.5,x\n");
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(new String[] {"plot", "regret", bad.toString(), "-o", dir.resolve("r.png").toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(RankstackEval.EXIT_BAD_INPUT, code);
    assertTrue(err.toString().contains(bad + ":2: field 'high': not a number: 'x'"), err.toString());
    err = new StringWriter();
    code = RankstackEval.run(new String[] {"plot", "pr", qrels.toString(), runA.toString(), "-o", dir.resolve("r.gif").toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(RankstackEval.EXIT_BAD_INPUT, code);
    assertTrue(err.toString().contains(".png or .svg"), err.toString());
    assertThrows(IllegalArgumentException.class, () -> ChartFiles.write(null, dir.resolve("x.jpg")));
  }

  private static Document parseSvg(Path svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(svg.toFile());
  }

  private static String texts(Document doc) {
    NodeList nodes = doc.getElementsByTagNameNS("*", "text");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < nodes.getLength(); i++) {
      sb.append(nodes.item(i).getTextContent()).append('|');
    }
    return sb.toString();
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    return out.toString();
  }
}
