package io.rankstack.eval.ltr;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rankstack-eval ltr}: learning to rank on feature vectors (train, evaluate, experiments). */
@Command(name = "ltr", mixinStandardHelpOptions = true,
    description = "Learning to rank: train and evaluate LambdaMART on LETOR files, and the issue-3 experiments.",
    subcommands = {
        CommandLine.HelpCommand.class,
        LtrTrainCommand.class,
        LtrEvaluateCommand.class,
        LightGbmExperimentCommand.class,
        SciFactExperimentCommand.class,
        CvExperimentCommand.class,
    })
public final class LtrCommand {
}
