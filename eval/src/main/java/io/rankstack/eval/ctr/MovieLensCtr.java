package io.rankstack.eval.ctr;

import io.rankstack.core.io.CsvFields;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import io.rankstack.online.ctr.CtrExample;
import io.rankstack.streaming.topology.TrainingExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multi-domain CTR data from MovieLens ({@code ratings.csv}, {@code movies.csv} of ml-latest-small):
 * <ul>
 *   <li>click = rating ≥ 4;</li>
 *   <li>time-ordered split: ratings sorted by (timestamp, userId, movieId), the first
 *       {@code trainFraction} are the training set, the rest the test set;</li>
 *   <li>domains, one of two documented splits ({@link Domains}): {@code activity} = the user's
 *       activity level, from the training set only: users are ranked by their number of training
 *       ratings and cut at the terciles into light (≤ 1/3 quantile), medium (≤ 2/3 quantile) and
 *       heavy; a user with no training rating is light. {@code genre} = the movie's main genre by a
 *       fixed priority: drama if it has Drama; else comedy if Comedy; else action if any of Action,
 *       Adventure, Sci-Fi, Thriller, War, Western, Crime; else other;</li>
 *   <li>features: categorical user id and movie id (hashed), dense the movie's 19 genre indicators and
 *       its release year as (year − 1990)/20 (0 when the title has none). The domain is not a feature.</li>
 * </ul>
 */
public final class MovieLensCtr {
  public static final List<String> GENRES = List.of("Action", "Adventure", "Animation", "Children", "Comedy", "Crime",
      "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi",
      "Thriller", "War", "Western");
  /** The two domain splits. */
  public enum Domains {
    ACTIVITY(List.of("light", "medium", "heavy")),
    GENRE(List.of("drama", "comedy", "action", "other"));

    public final List<String> names;

    Domains(List<String> names) {
      this.names = names;
    }
  }

  private static final List<String> ACTION_LIKE = List.of("Action", "Adventure", "Sci-Fi", "Thriller", "War", "Western",
      "Crime");
  /** Categorical fields (user, movie) and dense features (genres + year) of {@link #example}. */
  public static final int CATEGORICAL = 2;
  public static final int DENSE = GENRES.size() + 1;
  private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");

  /** One rating with its movie's dense features and the user's domain. */
  public record Row(int user, int movie, double rating, long timestamp, float[] dense, int domain) {
    public int label() {
      return rating >= 4 ? 1 : 0;
    }
  }

  public record Split(List<Row> train, List<Row> test, Domains domains) {}

  private MovieLensCtr() {}

  /** Reads {@code dir/ratings.csv} and {@code dir/movies.csv} and splits them. */
  public static Split load(Path dir, double trainFraction) {
    return load(dir, trainFraction, Domains.ACTIVITY);
  }

  /** As {@link #load(Path, double)} with the given domain split. */
  public static Split load(Path dir, double trainFraction, Domains split) {
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException("trainFraction must be in (0, 1), got " + trainFraction);
    }
    Map<Integer, float[]> movies = movies(dir.resolve("movies.csv"));
    List<long[]> ratings = ratings(dir.resolve("ratings.csv"), movies);
    ratings.sort(Comparator.<long[]>comparingLong(r -> r[3]).thenComparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
    int cut = (int) Math.round(ratings.size() * trainFraction);
    Map<Integer, Integer> trainCount = new HashMap<>();
    for (int i = 0; i < cut; i++) {
      trainCount.merge((int) ratings.get(i)[0], 1, Integer::sum);
    }
    int[] counts = trainCount.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    int t1 = counts[(counts.length - 1) / 3];
    int t2 = counts[(2 * (counts.length - 1)) / 3];
    List<Row> train = new ArrayList<>(cut);
    List<Row> test = new ArrayList<>(ratings.size() - cut);
    for (int i = 0; i < ratings.size(); i++) {
      long[] r = ratings.get(i);
      int user = (int) r[0];
      int n = trainCount.getOrDefault(user, 0);
      float[] dense = movies.get((int) r[1]);
      int domain = split == Domains.ACTIVITY ? (n <= t1 ? 0 : n <= t2 ? 1 : 2) : genreDomain(dense);
      Row row = new Row(user, (int) r[1], r[2] / 10.0, r[3], movies.get((int) r[1]), domain);
      (i < cut ? train : test).add(row);
    }
    return new Split(train, test, split);
  }

  private static int genreDomain(float[] dense) {
    if (dense[GENRES.indexOf("Drama")] > 0) {
      return 0;
    }
    if (dense[GENRES.indexOf("Comedy")] > 0) {
      return 1;
    }
    for (String g : ACTION_LIKE) {
      if (dense[GENRES.indexOf(g)] > 0) {
        return 2;
      }
    }
    return 3;
  }

  /** The model's view of a row. */
  public static CtrExample example(Row r) {
    return new CtrExample(new String[] {Integer.toString(r.user()), Integer.toString(r.movie())}, r.dense(), r.label(),
        r.domain());
  }

  /** The row as the learn loop's labelled example (context = user, document = movie, position 0). */
  public static TrainingExample trainingExample(Row r) {
    float[] d = r.dense();
    double[] f = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = d[i];
    }
    return new TrainingExample("ml-" + r.user() + "-" + r.movie() + "-" + r.timestamp(), Integer.toString(r.user()),
        Integer.toString(r.movie()), 0, r.label(), f, Double.NaN, r.timestamp() * 1000);
  }

  private static Map<Integer, float[]> movies(Path file) {
    String src = file.toString();
    Map<Integer, float[]> out = new HashMap<>();
    try (LineSource r = LineSource.open(file)) {
      expectHeader(r.readLine(), "movieId,title,genres", src);
      String line;
      while ((line = r.readNonBlankLine()) != null) {
        long no = r.lineNumber();
        List<String> f = CsvFields.split(line, ',', src, no);
        if (f.size() != 3) {
          throw new InputFormatException(src, no, null, "expected 3 fields (movieId,title,genres), got " + f.size());
        }
        int id = parseInt(f.get(0), src, no, "movieId");
        float[] dense = new float[DENSE];
        for (String g : f.get(2).split("\\|")) {
          int gi = GENRES.indexOf(g);
          if (gi >= 0) {
            dense[gi] = 1f;
          } else if (!g.equals("(no genres listed)")) {
            throw new InputFormatException(src, no, "genres", "unknown genre '" + g + "'");
          }
        }
        Matcher m = YEAR.matcher(f.get(1));
        dense[GENRES.size()] = m.find() ? (Integer.parseInt(m.group(1)) - 1990) / 20f : 0f;
        out.put(id, dense);
      }
    }
    return out;
  }

  /** Rows as {userId, movieId, rating·10, timestamp}. */
  private static List<long[]> ratings(Path file, Map<Integer, float[]> movies) {
    String src = file.toString();
    List<long[]> out = new ArrayList<>();
    try (LineSource r = LineSource.open(file)) {
      expectHeader(r.readLine(), "userId,movieId,rating,timestamp", src);
      String line;
      while ((line = r.readNonBlankLine()) != null) {
        long no = r.lineNumber();
        String[] f = line.split(",", -1);
        if (f.length != 4) {
          throw new InputFormatException(src, no, null, "expected 4 fields (userId,movieId,rating,timestamp), got " + f.length);
        }
        int user = parseInt(f[0], src, no, "userId");
        int movie = parseInt(f[1], src, no, "movieId");
        if (!movies.containsKey(movie)) {
          throw new InputFormatException(src, no, "movieId", "movie " + movie + " is not in movies.csv");
        }
        double rating;
        try {
          rating = Double.parseDouble(f[2]);
        } catch (NumberFormatException e) {
          throw new InputFormatException(src, no, "rating", "not a number: '" + f[2] + "'");
        }
        if (!(rating >= 0.5 && rating <= 5)) {
          throw new InputFormatException(src, no, "rating", "must be in [0.5, 5], got " + f[2]);
        }
        long ts;
        try {
          ts = Long.parseLong(f[3].trim());
        } catch (NumberFormatException e) {
          throw new InputFormatException(src, no, "timestamp", "not an integer: '" + f[3] + "'");
        }
        out.add(new long[] {user, movie, Math.round(rating * 10), ts});
      }
    }
    return out;
  }

  private static void expectHeader(String line, String header, String src) {
    if (line == null || !line.trim().equals(header)) {
      throw new InputFormatException(src, 1, null, "expected the header '" + header + "', got '" + line + "'");
    }
  }

  private static int parseInt(String v, String src, long line, String field) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new InputFormatException(src, line, field, "not an integer: '" + v + "'");
    }
  }

  static String describe(Split s) {
    int[] dTrain = new int[s.domains().names.size()];
    int[] dTest = new int[s.domains().names.size()];
    s.train().forEach(r -> dTrain[r.domain()]++);
    s.test().forEach(r -> dTest[r.domain()]++);
    double ctrTrain = s.train().stream().mapToInt(Row::label).average().orElse(Double.NaN);
    double ctrTest = s.test().stream().mapToInt(Row::label).average().orElse(Double.NaN);
    return String.format("train %d (click rate %.3f, %s domains %s %s), test %d (click rate %.3f, domains %s)",
        s.train().size(), ctrTrain, s.domains().name().toLowerCase(java.util.Locale.ROOT), String.join("/", s.domains().names),
        Arrays.toString(dTrain), s.test().size(), ctrTest, Arrays.toString(dTest));
  }
}
