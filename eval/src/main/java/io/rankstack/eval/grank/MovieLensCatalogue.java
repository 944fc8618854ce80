package io.rankstack.eval.grank;

import io.rankstack.core.io.CsvFields;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.ltr.grank.Item;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MovieLens (ml-latest-small) as a G-Rank catalogue: movies are items; their genres and user tags,
 * lower-cased with inner white space as '_', are the metadata terms. Query terms are the terms that
 * at least {@code minItems} movies carry, weighted by that number of movies.
 */
public final class MovieLensCatalogue {
  /** Items, the query terms and their weights. */
  public record Catalogue(List<Item> items, List<String> terms, double[] weights) {}

  private MovieLensCatalogue() {}

  /** Reads {@code dir/movies.csv} and {@code dir/tags.csv}. */
  public static Catalogue read(Path dir, int minItems) {
    Map<String, String> titles = new LinkedHashMap<>();
    Map<String, Set<String>> tags = new HashMap<>();
    Path movies = dir.resolve("movies.csv");
    forEachRow(movies, 3, (f, line) -> {
      titles.put(f.get(0), f.get(1));
      Set<String> t = tags.computeIfAbsent(f.get(0), k -> new HashSet<>());
      for (String g : f.get(2).split("\\|")) {
        if (!g.isBlank() && !g.equals("(no genres listed)")) {
          t.add(term(g));
        }
      }
    });
    Path tagFile = dir.resolve("tags.csv");
    forEachRow(tagFile, 4, (f, line) -> {
      if (titles.containsKey(f.get(1)) && !f.get(2).isBlank()) {
        tags.get(f.get(1)).add(term(f.get(2)));
      }
    });
    List<Item> items = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    titles.forEach((id, title) -> {
      Set<String> t = tags.getOrDefault(id, Set.of());
      items.add(new Item(id, title, t));
      t.forEach(x -> df.merge(x, 1, Integer::sum));
    });
    List<String> terms = new ArrayList<>();
    df.forEach((t, n) -> {
      if (n >= minItems) {
        terms.add(t);
      }
    });
    terms.sort(null);
    double[] weights = new double[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      weights[i] = df.get(terms.get(i));
    }
    return new Catalogue(items, terms, weights);
  }

  static String term(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
  }

  private interface RowHandler {
    void accept(List<String> fields, long line);
  }

  private static void forEachRow(Path file, int columns, RowHandler handler) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      long n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = CsvFields.split(line, ',', file.toString(), n);
        if (f.size() != columns) {
          throw new InputFormatException(file.toString(), n, null, "expected " + columns + " comma-separated fields, found " + f.size());
        }
        handler.accept(f, n);
      }
    } catch (IOException e) {
      throw InputFormatException.io(file.toString(), e);
    }
  }
}
