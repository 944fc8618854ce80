package io.rankstack.eval.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.eval.RankstackEval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bandit subcommands end to end on tiny generated inputs (the real experiments are CLI runs). */
class BanditCommandTest {
  @TempDir
  Path dir;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    return out.toString();
  }

  @Test
  void blbWritesTableCsvAndPlot() throws IOException {
    Path png = dir.resolve("blb.png");
    Path csv = dir.resolve("blb.csv");
    String out = run("bandit", "blb", "--items", "8", "--k", "2", "--rounds", "2000", "--seeds", "2", "--points", "20",
        "--plot", png.toString(), "--csv", csv.toString());
    assertTrue(out.contains("f* = 0.3600000"), out); // 1 - 0.8^2
    assertTrue(out.contains("CascadeKL-UCB") && out.contains("ratio"), out);
    assertTrue(Files.size(png) > 1000);
    assertEquals(1 + 4 * 20, Files.readAllLines(csv).size());
  }

  @Test
  void badFlagsAreBadInput() {
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(new String[] {"bandit", "blb", "--rounds", "1001"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(RankstackEval.EXIT_BAD_INPUT, code);
  }

  @Test
  void movieLensBanditOnATinyGeneratedDataset() throws IOException {
    writeTinyMovieLens();
    String out = run("bandit", "movielens", "--data", dir.toString(), "--items", "4", "--k", "2", "--rounds", "1000",
        "--seeds", "2", "--points", "10");
    assertTrue(out.contains("L = 4 most-rated movies") && out.contains("CascadeLinUCB"), out);
  }

  @Test
  void movieLensRlOnATinyGeneratedDataset() throws IOException {
    writeTinyMovieLens();
    String out = run("bandit", "movielens-rl", "--data", dir.toString(), "--items", "3", "--genres", "2", "--episodes", "50",
        "--seeds", "2", "--oracle-seeds", "1", "--bpi-max-episodes", "100", "--speed-instances", "10",
        "--plot-dir", dir.toString());
    assertTrue(out.contains("CascadingVI-oracle") && out.contains("speed-up") && out.contains("CascadingBPI"), out);
    assertTrue(Files.exists(dir.resolve("bandits-rl-N3.png")));
  }

  private void writeTinyMovieLens() throws IOException {
    Path ml = Files.createDirectories(dir.resolve("recsys/ml-latest-small"));
    Files.writeString(ml.resolve("movies.csv"), """
        movieId,title,genres
        1,A (1990),Drama|Comedy
        2,"B, The (1991)",Action
        3,C (1992),Comedy
        4,D (1993),Drama
        """);
    StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
    SplittableRandom rng = new SplittableRandom(1);
    for (int u = 1; u <= 30; u++) {
      for (int m = 1; m <= 4; m++) {
        if (rng.nextInt(3) > 0) {
          ratings.append(u).append(',').append(m).append(',').append(1 + rng.nextInt(5)).append(".0,0\n");
        }
      }
    }
    Files.writeString(ml.resolve("ratings.csv"), ratings);
  }

  @Test
  void replayOnATinyGeneratedLog() throws IOException {
    for (String policy : new String[] {"random", "bts"}) {
      Path d = Files.createDirectories(dir.resolve("bandits/open-bandit-sample/" + policy + "/men"));
      StringBuilder ctx = new StringBuilder(",item_id,item_feature_0,item_feature_1,item_feature_2,item_feature_3\n");
      for (int i = 0; i < 3; i++) {
        ctx.append(i).append(',').append(i).append(",0.").append(i).append(",a").append(i % 2).append(",b,c\n");
      }
      Files.writeString(d.resolve("item_context.csv"), ctx);
      StringBuilder log = new StringBuilder(",timestamp,item_id,position,click,propensity_score,user_feature_0\n");
      SplittableRandom rng = new SplittableRandom(2);
      for (int r = 0; r < 300; r++) {
        int item = rng.nextInt(3);
        int click = rng.nextDouble() < (item == 2 ? 0.5 : 0.05) ? 1 : 0;
        log.append(r).append(",t,").append(item).append(',').append(1 + rng.nextInt(3)).append(',').append(click).append(",0.33,u\n");
      }
      Files.writeString(d.resolve("men.csv"), log);
    }
    String out = run("bandit", "replay", "--data", dir.toString(), "--campaigns", "men", "--orders", "3");
    assertTrue(out.contains("uniform random") && out.contains("CascadeTS"), out);
  }
}
