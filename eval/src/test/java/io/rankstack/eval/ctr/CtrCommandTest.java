package io.rankstack.eval.ctr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.eval.RankstackEval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ctr commands end to end on a small generated MovieLens-format folder. */
@Timeout(180)
class CtrCommandTest {
  @TempDir
  Path root;

  /** 60 users, 80 movies, 3,000 ratings; users with even ids like genre 0 (Action). */
  Path movieLens() throws IOException {
    Path d = root.resolve("recsys/ml-latest-small");
    Files.createDirectories(d);
    StringBuilder movies = new StringBuilder("movieId,title,genres\n");
    for (int m = 1; m <= 80; m++) {
      movies.append(m).append(",\"Movie ").append(m).append(", The (").append(1980 + m % 30).append(")\",")
          .append(m % 2 == 0 ? "Action|Thriller" : "Comedy").append('\n');
    }
    Files.writeString(d.resolve("movies.csv"), movies);
    SplittableRandom r = new SplittableRandom(3);
    StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
    for (int i = 0; i < 3000; i++) {
      int u = 1 + (int) Math.min(59, Math.abs(r.nextGaussian()) * 20);
      int m = 1 + r.nextInt(80);
      boolean likes = (u % 2 == 0) == (m % 2 == 0);
      double rating = likes ? (r.nextDouble() < 0.8 ? 4.5 : 2.0) : (r.nextDouble() < 0.2 ? 4.0 : 2.5);
      ratings.append(u).append(',').append(m).append(',').append(rating).append(',').append(1_000_000 + i).append('\n');
    }
    Files.writeString(d.resolve("ratings.csv"), ratings);
    return d;
  }

  private String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = RankstackEval.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, rc, err + "\n" + out);
    return out.toString();
  }

  @Test
  void movieLensPrintsOneRowPerModel() throws IOException {
    movieLens();
    String out = run("ctr", "movielens", "--data", root.toString(), "--epochs", "2", "--k", "2,3", "--buckets", "1024",
        "--batch", "64");
    for (String model : new String[] {"| shared MLP |", "| one MLP per domain (3) |", "| STAR (true domains, K=3) |",
        "| AdaptDHM K=2 |", "| AdaptDHM K=3 |"}) {
      assertTrue(out.contains(model), model + " missing:\n" + out);
    }
    assertTrue(out.contains("train 2400"), out);
  }

  @Test
  void onlineVsBatchRunsTheLearnerThroughKafka() throws IOException {
    movieLens();
    String out = run("ctr", "online-vs-batch", "--data", root.toString(), "--epochs", "2", "--k", "2", "--buckets",
        "1024", "--batch", "64", "--shuffle-window", "0,256");
    String online = row(out, "| online: learner on the Kafka topic, 1 pass, in time order (checkpoint v");
    String windowed = row(out, "| online: learner on the Kafka topic, 1 pass, shuffle window 256 (checkpoint v");
    assertTrue(online.contains("| 2,400 |") && windowed.contains("| 2,400 |"),
        "each online arm trains each training example once:\n" + out);
    assertTrue(out.contains("| batch: 2 epochs, shuffled | 4,800 |"), out);
    // one pass in the same order through Kafka and in memory give the same model, so the same log loss
    String inOrder = row(out, "| batch: 1 epoch in time order");
    assertEquals(online.split("\\|")[4], inOrder.split("\\|")[4], out);
    // the shuffled arm is scored with its own model, not the first arm's
    assertNotEquals(online.split("\\|")[4], windowed.split("\\|")[4], out);
  }

  private static String row(String out, String prefix) {
    return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(
        "no row " + prefix + ":\n" + out));
  }

  @Test
  void theRouterUpdateIsAFlagAndABadOneIsNamed() throws IOException {
    movieLens();
    String out = run("ctr", "movielens", "--data", root.toString(), "--epochs", "1", "--k", "2", "--buckets", "1024",
        "--batch", "64", "--router", "specified");
    assertTrue(out.contains("router=specified"), out);
    StringWriter err = new StringWriter();
    int rc = RankstackEval.run(new String[] {"ctr", "movielens", "--data", root.toString(), "--router", "centered"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertNotEquals(0, rc);
    assertTrue(err.toString().contains("got 'centered'"), err.toString());
  }

  @Test
  void benchReportsLatencyForOneHundredCandidates() throws IOException {
    movieLens();
    String out = run("ctr", "bench", "--data", root.toString(), "--k", "2", "--requests", "20", "--warmup", "2",
        "--buckets", "1024");
    assertTrue(out.contains("| AdaptDHM K=2 |") && out.contains("| 20 |"), out);
  }

  @Test
  void aBadRatingRowNamesFileLineAndField() throws IOException {
    Path d = movieLens();
    Files.writeString(d.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,5\n1,2,nine,6\n");
    InputFormatException e = org.junit.jupiter.api.Assertions.assertThrows(InputFormatException.class,
        () -> MovieLensCtr.load(d, 0.8));
    assertEquals(3, e.line());
    assertEquals("rating", e.field());
    StringWriter err = new StringWriter();
    int rc = RankstackEval.run(new String[] {"ctr", "movielens", "--data", root.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err, true));
    assertEquals(RankstackEval.EXIT_BAD_INPUT, rc);
    assertTrue(err.toString().contains("ratings.csv:3: field 'rating'"), err.toString());
  }

  @Test
  void theSplitIsTimeOrderedAndDomainsComeFromTrainingActivity() throws IOException {
    MovieLensCtr.Split s = MovieLensCtr.load(movieLens(), 0.8);
    assertEquals(2400, s.train().size());
    assertEquals(600, s.test().size());
    assertTrue(s.train().get(s.train().size() - 1).timestamp() <= s.test().get(0).timestamp());
    // movie 2 is "Movie 2, The (1982)", Action|Thriller: genres 0 and 16 set, year (1982 − 1990)/20
    MovieLensCtr.Row r = s.train().stream().filter(x -> x.movie() == 2).findFirst().orElseThrow();
    assertEquals(1f, r.dense()[0]);
    assertEquals(1f, r.dense()[MovieLensCtr.GENRES.indexOf("Thriller")]);
    assertEquals(-0.4f, r.dense()[MovieLensCtr.GENRES.size()], 1e-6f);
    long[] perDomain = new long[3];
    s.train().forEach(x -> perDomain[x.domain()]++);
    assertTrue(perDomain[0] > 0 && perDomain[1] > 0 && perDomain[2] > 0, java.util.Arrays.toString(perDomain));
  }
}
