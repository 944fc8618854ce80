package io.rankstack.eval.tsp;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rankstack-eval tsprank}: TSPRank experiments (issue 3). */
@Command(name = "tsprank", mixinStandardHelpOptions = true,
    description = "TSPRank (Li et al., KDD 2025): reranking experiments and decoder benchmarks.",
    subcommands = {CommandLine.HelpCommand.class, TspExperimentCommand.class, DecoderBenchCommand.class})
public final class TspRankCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
