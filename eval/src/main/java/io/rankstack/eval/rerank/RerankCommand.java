package io.rankstack.eval.rerank;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rankstack-eval rerank}: the ERank-style neural reranker's experiments and benchmark. */
@Command(name = "rerank", mixinStandardHelpOptions = true,
    description = "Neural reranker (ERank-style cross-encoder on DJL): the SciFact and Cranfield experiments and the speed benchmark.",
    subcommands = {
        CommandLine.HelpCommand.class,
        SciFactRerankCommand.class,
        CranfieldRerankCommand.class,
        RerankBenchCommand.class,
    })
public final class RerankCommand {
}
