package io.rankstack.eval.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG or SVG, chosen by the file's extension. PNG through JFreeChart's
 * {@link ChartUtils}; SVG by drawing the same chart on JFreeSVG's {@link SVGGraphics2D} (JFreeChart
 * 1.5 draws on any {@code Graphics2D} but has no SVG writer of its own), so both files show the
 * same picture.
 */
public final class ChartFiles {
  /** Default width in pixels (PNG) or user units (SVG). */
  public static final int WIDTH = 900;
  /** Default height. */
  public static final int HEIGHT = 560;

  private ChartFiles() {}

  /** Writes {@code chart} to {@code file} ({@code .png} or {@code .svg}) at the default size. */
  public static void write(JFreeChart chart, Path file) {
    write(chart, file, WIDTH, HEIGHT);
  }

  /**
   * Writes {@code chart} to {@code file}, creating its folder.
   *
   * @throws IllegalArgumentException when the extension is neither {@code .png} nor {@code .svg}
   */
  public static void write(JFreeChart chart, Path file, int width, int height) {
    System.setProperty("java.awt.headless", "true");
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean svg = name.endsWith(".svg");
    if (!svg && !name.endsWith(".png")) {
      throw new IllegalArgumentException("chart file must end in .png or .svg: " + file);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (svg) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // JFreeSVG prefixes its clip-path ids with the clock by default; a fixed prefix makes the
        // same chart give the same file (reproducible docs, diffable outputs).
        g2.setDefsKeyPrefix("rankstack");
        chart.draw(g2, new java.awt.Rectangle(0, 0, width, height));
        Files.writeString(file, g2.getSVGDocument(), StandardCharsets.UTF_8);
      } else {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
    }
  }
}
