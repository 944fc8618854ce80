package io.rankstack.eval.ope;

import io.rankstack.eval.plot.ChartFiles;
import io.rankstack.eval.plot.EstimatorBars;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the optional CSV and chart of an {@code ope} run. */
final class OpeOutput {
  private OpeOutput() {}

  static void write(OpeOptions o, List<EstimatorBars.Row> rows, String title, String yLabel, PrintWriter out) {
    if (o.csv != null) {
      try {
        Path parent = o.csv.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(o.csv, EstimatorBars.toCsv(rows));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + o.csv + ": " + e.getMessage(), e);
      }
      out.println("wrote " + o.csv);
    }
    if (o.plot != null) {
      ChartFiles.write(EstimatorBars.chart(rows, title, yLabel), o.plot);
      out.println("wrote " + o.plot);
    }
  }
}
