package io.rankstack.eval.ope;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rankstack-eval ope}: counterfactual (off-policy) evaluation from logged propensities. */
@Command(name = "ope", mixinStandardHelpOptions = true,
    description = "Off-policy evaluation: estimate a policy's reward from logs of another policy, with bootstrap intervals.",
    subcommands = {CommandLine.HelpCommand.class, OpeEstimateCommand.class, OpeObdCommand.class})
public final class OpeCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
