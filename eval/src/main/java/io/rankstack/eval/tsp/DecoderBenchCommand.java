package io.rankstack.eval.tsp;

import io.rankstack.ltr.tsp.CpSatPathDecoder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval tsprank bench-decoders}: exact vs heuristic decoder speed and heuristic optimality. */
@Command(name = "bench-decoders", mixinStandardHelpOptions = true,
    description = {"Time per list of the Held-Karp (n<=16), CP-SAT and heuristic decoders on the same seeded random",
        "score matrices, and how often the heuristic reaches the exact optimum. Prints a Markdown table."})
public final class DecoderBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--sizes", split = ",", defaultValue = "10,16,30", description = "List sizes n (default ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--lists", defaultValue = "100", description = "Matrices per size (default ${DEFAULT-VALUE}).")
  int lists;

  @Option(names = "--warmup", defaultValue = "10", description = "Unmeasured matrices per decoder and size (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--kind", split = ",", defaultValue = "UNIFORM,BILINEAR", description = "Matrix kinds: UNIFORM, BILINEAR (default ${DEFAULT-VALUE}).")
  List<DecoderBenchmark.Kind> kinds;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the matrices (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--cp-sat-workers", defaultValue = "1", description = "CP-SAT workers (default ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--cp-sat-time-limit", defaultValue = "60", description = "CP-SAT seconds per list (default ${DEFAULT-VALUE}).")
  double timeLimit;

  @Override
  public Integer call() {
    if (lists < 1 || warmup < 0) {
      throw new IllegalArgumentException("--lists must be at least 1 and --warmup non-negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    CpSatPathDecoder cpSat = new CpSatPathDecoder(Math.max(30, sizes.stream().mapToInt(Integer::intValue).max().orElse(30)),
        workers, 42, timeLimit);
    out.printf(Locale.ROOT, "bench-decoders: %d lists per size, %d warm-up, seed %d, CP-SAT %d worker(s), %.0f s limit, %d available processors%n",
        lists, warmup, seed, workers, timeLimit, Runtime.getRuntime().availableProcessors());
    out.println("| matrices | n | decoder | mean ms/list | p50 ms | max ms | labelled exact | optimal (= exact reference) | mean relative gap |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    for (DecoderBenchmark.Kind kind : kinds) {
      for (int n : sizes) {
        for (DecoderBenchmark.Result r : DecoderBenchmark.run(kind, n, lists, warmup, seed, cpSat)) {
          out.printf(Locale.ROOT, "| %s | %d | %s | %.3f | %.3f | %.3f | %d/%d | %d/%d | %.2e |%n",
              kind.name().toLowerCase(Locale.ROOT), r.n(), r.decoder(), r.meanMs(), r.p50Ms(), r.maxMs(),
              r.exactLabelled(), r.lists(), r.optimal(), r.lists(), r.meanGap());
          out.flush();
        }
      }
    }
    return 0;
  }
}
