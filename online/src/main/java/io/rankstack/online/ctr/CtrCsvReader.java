package io.rankstack.online.ctr;

import io.rankstack.core.io.CsvFields;
import io.rankstack.core.io.InputFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CTR CSV file with a header row into a {@link CtrDataset} by a {@link CtrCsvFormat}.
 * Fields may be double-quoted ({@code ""} inside quotes is a quote). Any fault — a missing column,
 * a row with the wrong number of fields, a label other than 0/1, a dense value that is not a
 * number, an unterminated quote — stops the read with an {@link InputFormatException} naming the
 * file, the 1-based line and the column; nothing is silently dropped. Domains are numbered in order
 * of first appearance.
 */
public final class CtrCsvReader {
  private CtrCsvReader() {}

  public static CtrDataset read(Path file, CtrCsvFormat format) {
    String src = file.toString();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String headerLine = r.readLine();
      if (headerLine == null) {
        throw new InputFormatException(src, 1, null, "empty file: a header row is required (" + format.name() + ")");
      }
      List<String> header = CsvFields.split(headerLine, format.delimiter(), src, 1);
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        col.putIfAbsent(header.get(i), i);
      }
      int labelCol = column(col, format.label(), src, format);
      int domainCol = format.domain() == null ? -1 : column(col, format.domain(), src, format);
      int[] denseCols = new int[format.dense().size()];
      for (int i = 0; i < denseCols.length; i++) {
        denseCols[i] = column(col, format.dense().get(i), src, format);
      }
      List<Integer> catCols = new ArrayList<>();
      List<String> catNames = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i);
        if (i != labelCol && i != domainCol && !format.dense().contains(h) && !format.ignored().contains(h)
            && col.get(h) == i) {
          catCols.add(i);
          catNames.add(h);
        }
      }
      Map<String, Integer> domains = new LinkedHashMap<>();
      List<CtrExample> out = new ArrayList<>();
      String line;
      long lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = CsvFields.split(line, format.delimiter(), src, lineNo);
        if (f.size() != header.size()) {
          throw new InputFormatException(src, lineNo, null, "expected " + header.size() + " fields as in the header, got " + f.size());
        }
        int label = label(f.get(labelCol), src, lineNo, header.get(labelCol));
        String[] cats = new String[catCols.size()];
        for (int i = 0; i < cats.length; i++) {
          cats[i] = f.get(catCols.get(i));
        }
        float[] dense = new float[denseCols.length];
        for (int i = 0; i < dense.length; i++) {
          dense[i] = dense(f.get(denseCols[i]), src, lineNo, header.get(denseCols[i]), format.logDense());
        }
        int domain = -1;
        if (domainCol >= 0) {
          String d = f.get(domainCol);
          if (d.isEmpty()) {
            throw new InputFormatException(src, lineNo, header.get(domainCol), "empty domain");
          }
          domain = domains.computeIfAbsent(d, k -> domains.size());
        }
        out.add(new CtrExample(cats, dense, label, domain));
      }
      return new CtrDataset(out, catNames, format.dense(), new ArrayList<>(domains.keySet()));
    } catch (IOException e) {
      throw InputFormatException.io(src, e);
    }
  }

  private static int column(Map<String, Integer> col, String name, String src, CtrCsvFormat format) {
    Integer i = col.get(name);
    if (i == null) {
      throw new InputFormatException(src, 1, name, "the header has no column '" + name + "' (format " + format.name() + ")");
    }
    return i;
  }

  private static int label(String v, String src, long line, String field) {
    switch (v.trim()) {
      case "0", "0.0" -> {
        return 0;
      }
      case "1", "1.0" -> {
        return 1;
      }
      default -> throw new InputFormatException(src, line, field, "label must be 0 or 1, got '" + v + "'");
    }
  }

  private static float dense(String v, String src, long line, String field, boolean log) {
    if (v.isBlank()) {
      return 0f;
    }
    double x;
    try {
      x = Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new InputFormatException(src, line, field, "not a number: '" + v + "'");
    }
    if (!Double.isFinite(x)) {
      throw new InputFormatException(src, line, field, "not a finite number: '" + v + "'");
    }
    return (float) (log ? Math.signum(x) * Math.log1p(Math.abs(x)) : x);
  }
}
