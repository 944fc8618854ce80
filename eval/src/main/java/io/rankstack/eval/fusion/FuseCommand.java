package io.rankstack.eval.fusion;

import io.rankstack.core.RankedList;
import io.rankstack.core.Run;
import io.rankstack.core.fusion.RankFusion;
import io.rankstack.core.fusion.ScoreNormalization;
import io.rankstack.core.io.TrecFormats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval fuse}: reciprocal rank fusion or CombSUM/CombMNZ over TREC runs. */
@Command(name = "fuse", mixinStandardHelpOptions = true,
    description = {"Fuse any number of TREC runs into one: rrf (Cormack et al. 2009), combsum or combmnz",
        "(Fox and Shaw 1994) with none, minmax or zscore normalisation per query and run."})
public final class FuseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "RUN", description = "Two or more TREC runs.")
  List<Path> runs;

  @Option(names = "--method", defaultValue = "rrf", description = "rrf, combsum or combmnz (default ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--norm", defaultValue = "minmax", description = "none, minmax or zscore, for combsum/combmnz (default ${DEFAULT-VALUE}).")
  String norm;

  @Option(names = "--rrf-k", defaultValue = "" + RankFusion.DEFAULT_RRF_K, description = "RRF's k (default ${DEFAULT-VALUE}).")
  int rrfK;

  @Option(names = "--depth", defaultValue = "1000", description = "Documents per query in the fused run (default ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--out", required = true, description = "Output TREC run.")
  Path out;

  @Option(names = "--tag", defaultValue = "rankstack-fused", description = "Run tag (default ${DEFAULT-VALUE}).")
  String tag;

  @Override
  public Integer call() {
    RankFusion fusion = new RankFusion(parseMethod(method), parseNorm(norm), rrfK, depth);
    List<Run> inputs = new ArrayList<>();
    Set<String> queries = new LinkedHashSet<>();
    for (Path p : runs) {
      Run r = TrecFormats.readRun(p);
      inputs.add(r);
      queries.addAll(r.lists().keySet());
    }
    List<RankedList> fused = new ArrayList<>();
    for (String q : queries) {
      List<RankedList> lists = new ArrayList<>();
      for (Run r : inputs) {
        if (r.lists().containsKey(q)) {
          lists.add(r.of(q));
        }
      }
      fused.add(fusion.fuse(q, lists));
    }
    TrecFormats.writeRun(Run.of(tag, fused), out);
    spec.commandLine().getOut().printf(Locale.ROOT, "fused %d runs over %d queries with %s into %s%n", runs.size(), queries.size(),
        method.toLowerCase(Locale.ROOT), out);
    return 0;
  }

  static RankFusion.Method parseMethod(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "rrf" -> RankFusion.Method.RRF;
      case "combsum" -> RankFusion.Method.COMB_SUM;
      case "combmnz" -> RankFusion.Method.COMB_MNZ;
      default -> throw new IllegalArgumentException("unknown --method '" + s + "'; expected rrf, combsum or combmnz");
    };
  }

  static ScoreNormalization parseNorm(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "none" -> ScoreNormalization.NONE;
      case "minmax" -> ScoreNormalization.MIN_MAX;
      case "zscore" -> ScoreNormalization.Z_SCORE;
      default -> throw new IllegalArgumentException("unknown --norm '" + s + "'; expected none, minmax or zscore");
    };
  }
}
