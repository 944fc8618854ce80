package io.rankstack.eval.bandit;

import io.rankstack.bandits.rl.CascadingMdp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MovieLens (ml-latest-small) turned into a cascading bandit instance and a cascading MDP. A movie
 * is <em>liked</em> by a user who rated it 4 or more.
 *
 * <p>Bandit instance (L items): the L most-rated movies; w(e) = (users who liked e) / (all users),
 * the chance that a random user would click e if examined; features for CascadeLinUCB are the
 * movie's genre indicators plus a constant 1.
 *
 * <p>Cascading MDP (N items, S = G + 1 states): the states are the G genres with the most likes
 * plus "other", read as the genre of the last clicked movie (the user's current taste). Users are
 * grouped by their favourite state (the state genre with most of their likes; "other" when none).
 * <ul>
 *   <li>items: the N most-rated movies;</li>
 *   <li>q(s, a) = (users of group s who liked a) / |group s|;</li>
 *   <li>r(s, a) = mean rating of a by group-s users who rated it, / 5 (all users' mean when none);</li>
 *   <li>p(·|s, a): uniform over a's genres that are states ("other" when none): the click moves the
 *       user's taste to the clicked movie's genre;</li>
 *   <li>p(·|s, ⊥) = stay in s; μ(s) = |group s| / users.</li>
 * </ul>
 */
final class MovieLens {
  private final Map<Integer, String[]> genres = new HashMap<>();
  private final Map<Integer, String> titles = new HashMap<>();
  /** user -> (movie -> rating) */
  private final Map<Integer, Map<Integer, Double>> ratings = new LinkedHashMap<>();
  private final Map<Integer, Integer> ratingCount = new HashMap<>();

  private MovieLens() {}

  static MovieLens load(Path dir) {
    MovieLens ml = new MovieLens();
    Path movies = dir.resolve("movies.csv");
    Path ratings = dir.resolve("ratings.csv");
    try (BufferedReader r = Files.newBufferedReader(movies, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      int no = 1;
      while ((line = r.readLine()) != null) {
        no++;
        int first = line.indexOf(',');
        int last = line.lastIndexOf(',');
        if (first < 0 || last <= first) {
          throw new IllegalArgumentException(movies + ":" + no + ": expected movieId,title,genres");
        }
        int id = Integer.parseInt(line.substring(0, first));
        ml.genres.put(id, line.substring(last + 1).split("\\|"));
        ml.titles.put(id, line.substring(first + 1, last).replace("\"", ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + movies + " (set --data to the folder holding recsys/ml-latest-small)", e);
    }
    try (BufferedReader r = Files.newBufferedReader(ratings, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      int no = 1;
      while ((line = r.readLine()) != null) {
        no++;
        String[] f = line.split(",");
        if (f.length < 3) {
          throw new IllegalArgumentException(ratings + ":" + no + ": expected userId,movieId,rating,timestamp");
        }
        int user = Integer.parseInt(f[0]);
        int movie = Integer.parseInt(f[1]);
        ml.ratings.computeIfAbsent(user, u -> new HashMap<>()).put(movie, Double.parseDouble(f[2]));
        ml.ratingCount.merge(movie, 1, Integer::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ratings, e);
    }
    return ml;
  }

  int users() {
    return ratings.size();
  }

  String title(int movie) {
    return titles.getOrDefault(movie, "?");
  }

  /** The n most-rated movie ids (ties: lower id). */
  int[] mostRated(int n) {
    return ratingCount.entrySet().stream()
        .sorted((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey()) : Integer.compare(b.getValue(), a.getValue()))
        .limit(n).mapToInt(Map.Entry::getKey).toArray();
  }

  /** The bandit instance: w(e) for the L most-rated movies. */
  double[] attractions(int[] movies) {
    double[] w = new double[movies.length];
    for (Map<Integer, Double> r : ratings.values()) {
      for (int i = 0; i < movies.length; i++) {
        Double x = r.get(movies[i]);
        if (x != null && x >= 4) {
          w[i]++;
        }
      }
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= ratings.size();
    }
    return w;
  }

  /** Genre indicator features (all genres of the given movies, sorted) plus a constant 1. */
  double[][] genreFeatures(int[] movies) {
    List<String> all = new ArrayList<>();
    for (int m : movies) {
      for (String g : genres.get(m)) {
        if (!all.contains(g)) {
          all.add(g);
        }
      }
    }
    all.sort(null);
    double[][] x = new double[movies.length][all.size() + 1];
    for (int i = 0; i < movies.length; i++) {
      x[i][all.size()] = 1;
      for (String g : genres.get(movies[i])) {
        x[i][all.indexOf(g)] = 1;
      }
    }
    return x;
  }

  /** The G genres with the most likes (ties: alphabetical). */
  List<String> topGenres(int g) {
    Map<String, Integer> likes = new HashMap<>();
    for (Map<Integer, Double> r : ratings.values()) {
      for (Map.Entry<Integer, Double> e : r.entrySet()) {
        if (e.getValue() >= 4) {
          for (String x : genres.get(e.getKey())) {
            if (!x.equals("(no genres listed)")) {
              likes.merge(x, 1, Integer::sum);
            }
          }
        }
      }
    }
    return likes.entrySet().stream()
        .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : Integer.compare(b.getValue(), a.getValue()))
        .limit(g).map(Map.Entry::getKey).toList();
  }

  /** The cascading MDP described in the class comment; state G is "other". */
  CascadingMdp cascadingMdp(int[] movies, List<String> stateGenres, int horizon, int maxLength) {
    int g = stateGenres.size();
    int s = g + 1;
    int n = movies.length;
    // user groups
    List<List<Map<Integer, Double>>> groups = new ArrayList<>();
    for (int i = 0; i < s; i++) {
      groups.add(new ArrayList<>());
    }
    for (Map<Integer, Double> r : ratings.values()) {
      int[] likes = new int[g];
      for (Map.Entry<Integer, Double> e : r.entrySet()) {
        if (e.getValue() >= 4) {
          for (String x : genres.get(e.getKey())) {
            int k = stateGenres.indexOf(x);
            if (k >= 0) {
              likes[k]++;
            }
          }
        }
      }
      int best = g;
      int bestCount = 0;
      for (int k = 0; k < g; k++) {
        if (likes[k] > bestCount) {
          bestCount = likes[k];
          best = k;
        }
      }
      groups.get(best).add(r);
    }
    double[] globalMean = new double[n];
    int[] globalCount = new int[n];
    for (Map<Integer, Double> r : ratings.values()) {
      for (int a = 0; a < n; a++) {
        Double x = r.get(movies[a]);
        if (x != null) {
          globalMean[a] += x;
          globalCount[a]++;
        }
      }
    }
    double[][] q = new double[s][n];
    double[][] rew = new double[s][n];
    double[] mu = new double[s];
    for (int st = 0; st < s; st++) {
      List<Map<Integer, Double>> grp = groups.get(st);
      mu[st] = grp.size() / (double) ratings.size();
      for (int a = 0; a < n; a++) {
        int liked = 0;
        int rated = 0;
        double sum = 0;
        for (Map<Integer, Double> r : grp) {
          Double x = r.get(movies[a]);
          if (x != null) {
            rated++;
            sum += x;
            if (x >= 4) {
              liked++;
            }
          }
        }
        q[st][a] = grp.isEmpty() ? 0 : liked / (double) grp.size();
        rew[st][a] = rated > 0 ? sum / rated / 5 : globalMean[a] / Math.max(1, globalCount[a]) / 5;
      }
    }
    double[][][] p = new double[s][n][];
    double[][] pb = new double[s][s];
    for (int a = 0; a < n; a++) {
      double[] row = new double[s];
      int hits = 0;
      for (String x : genres.get(movies[a])) {
        int k = stateGenres.indexOf(x);
        if (k >= 0) {
          row[k] = 1;
          hits++;
        }
      }
      if (hits == 0) {
        row[g] = 1;
        hits = 1;
      }
      for (int k = 0; k < s; k++) {
        row[k] /= hits;
      }
      for (int st = 0; st < s; st++) {
        p[st][a] = row;
      }
    }
    for (int st = 0; st < s; st++) {
      pb[st][st] = 1;
    }
    return new CascadingMdp(q, rew, p, pb, mu, horizon, maxLength);
  }

  static String describe(double[] v) {
    return Arrays.toString(Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray());
  }
}
