package io.rankstack.eval.bandit;

import io.rankstack.bandits.CascadeModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rankstack-eval bandit movielens}: the cascading bandits on a MovieLens cascade model
 * (see {@link MovieLens}: the L most-rated movies, w(e) = share of all users who rated e 4 or more;
 * CascadeLinUCB uses genre indicators plus a constant as features).
 */
@Command(name = "movielens", mixinStandardHelpOptions = true,
    description = {"Regret of the cascading bandits on a MovieLens cascade model.",
        "The L most-rated movies of ml-latest-small, w(e) = share of users who rated e >= 4;",
        "CascadeLinUCB uses genre features."})
public final class MovieLensBanditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "../shared/data", description = "Data folder holding recsys/ml-latest-small (default ${DEFAULT-VALUE}, relative to the working directory).")
  Path data;

  @Option(names = "--items", defaultValue = "100", description = "L (default ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--k", defaultValue = "10", description = "K (default ${DEFAULT-VALUE}).")
  int k;

  @Mixin RegretOptions run;

  @Override
  public Integer call() throws Exception {
    MovieLens ml = MovieLens.load(data.resolve("recsys/ml-latest-small"));
    int[] movies = ml.mostRated(items);
    double[] w = ml.attractions(movies);
    CascadeModel model = new CascadeModel(w, k);
    double[][] features = ml.genreFeatures(movies);
    var out = spec.commandLine().getOut();
    int[] best = model.optimalList();
    StringBuilder top = new StringBuilder();
    for (int i = 0; i < Math.min(3, best.length); i++) {
      top.append(String.format(Locale.ROOT, "%s%s (w = %.3f)", i == 0 ? "" : ", ", ml.title(movies[best[i]]), w[best[i]]));
    }
    out.printf(Locale.ROOT, "MovieLens cascade model: %d users, L = %d most-rated movies, w in [%.3f, %.3f], LinUCB features d = %d; best items: %s%n",
        ml.users(), items, java.util.Arrays.stream(w).min().orElse(0), java.util.Arrays.stream(w).max().orElse(0), features[0].length, top);
    run.experiment()
        .run(out, "bandit movielens", String.format(Locale.ROOT, "MovieLens(L=%d, K=%d)", items, k), model, features, run.plot, run.csv);
    return 0;
  }
}
