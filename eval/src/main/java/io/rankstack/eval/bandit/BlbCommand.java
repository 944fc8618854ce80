package io.rankstack.eval.bandit;

import io.rankstack.bandits.CascadeModel;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rankstack-eval bandit blb}: expected cumulative regret of the cascading bandits on
 * BLB(L, K, p, Δ) (Kveton et al. 2015), averaged over seeds with 95% confidence bands.
 */
@Command(name = "blb", mixinStandardHelpOptions = true,
    description = {"Regret of the cascading bandits on BLB(L, K, p, Δ).",
        "CascadeUCB1, CascadeKL-UCB, CascadeTS and CascadeLinUCB on BLB(L, K, p, Δ): the first K items have",
        "attraction p, the rest p - Δ. Seeds share the click draws across learners (common random numbers)."})
public final class BlbCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--items", defaultValue = "32", description = "L (default ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--k", defaultValue = "8", description = "K (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--p", defaultValue = "0.2", description = "Attraction of the K best items (default ${DEFAULT-VALUE}).")
  double p;

  @Option(names = "--delta", defaultValue = "0.15", description = "Gap Δ (default ${DEFAULT-VALUE}).")
  double delta;

  @Mixin RegretOptions run;

  @Override
  public Integer call() throws Exception {
    CascadeModel model = CascadeModel.blb(items, k, p, delta);
    String name = String.format(Locale.ROOT, "BLB(L=%d, K=%d, p=%s, Δ=%s)", items, k, p, delta);
    run.experiment()
        .run(spec.commandLine().getOut(), "bandit blb", name, model, null, run.plot, run.csv);
    return 0;
  }
}
