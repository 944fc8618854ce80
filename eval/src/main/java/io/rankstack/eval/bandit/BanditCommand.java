package io.rankstack.eval.bandit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rankstack-eval bandit}: cascading bandit and cascading RL experiments. */
@Command(name = "bandit", mixinStandardHelpOptions = true,
    description = "Cascading bandit and cascading RL experiments (regret curves, running times, replay).",
    subcommands = {CommandLine.HelpCommand.class, BlbCommand.class, MovieLensBanditCommand.class, MovieLensRlCommand.class, ReplayCommand.class})
public final class BanditCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
