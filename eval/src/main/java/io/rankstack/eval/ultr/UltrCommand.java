package io.rankstack.eval.ultr;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rankstack-eval ultr}: unbiased learning to rank from clicks (DLA and its baselines). */
@Command(name = "ultr", mixinStandardHelpOptions = true,
    description = "Unbiased learning to rank: DLA and IPW baselines on simulated clicks, and DLA's propensities on a real click log.",
    subcommands = {
        CommandLine.HelpCommand.class,
        UltrExperimentCommand.class,
        UltrYandexCommand.class,
    })
public final class UltrCommand {
}
