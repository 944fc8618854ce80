package io.rankstack.eval.ltr;

import io.rankstack.core.Judgments;
import io.rankstack.core.Run;
import io.rankstack.core.io.TrecFormats;
import io.rankstack.ltr.LetorDataset;
import io.rankstack.ltr.lambdamart.LambdaMartCodec;
import io.rankstack.ltr.lambdamart.LambdaMartModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rankstack-eval ltr evaluate}: rerank a LETOR file with a saved model and report nDCG. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Score a LETOR file with a saved LambdaMART model, rank each query's rows, and report nDCG@1/3/5/10",
        "(trec_eval's ndcg_cut, gain = grade; and ndcg_exp, gain = 2^grade - 1). Grades come from --qrels when given,"
            + " else from the file's labels."})
public final class LtrEvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "Model folder written by 'ltr train'.")
  Path model;

  @Option(names = "--test", required = true, description = "LETOR file (or LightGBM layout) to rank.")
  Path test;

  @Option(names = "--qrels", description = "Judgments for the metrics (default: the file's labels; docids from '# docid' comments).")
  Path qrels;

  @Option(names = "--run", description = "Also write the ranking as a TREC run here.")
  Path run;

  @Option(names = "--scores", description = "Also write the model's score of every row, one per line in the dataset's row order"
      + " (the first-stage file 'tsprank experiment --first-stage FILE' reads).")
  Path scores;

  @Override
  public Integer call() {
    LetorDataset data = LtrTrainCommand.read(test);
    try (LambdaMartModel m = LambdaMartCodec.load(model)) {
      float[] rowScores = m.score(data.denseMatrix(), data.size());
      Run r = LtrSupport.rank(data, rowScores, "lambdamart");
      if (scores != null) {
        StringBuilder sb = new StringBuilder();
        for (float v : rowScores) {
          sb.append(v).append('\n');
        }
        try {
          java.nio.file.Files.writeString(scores, sb);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot write " + scores + ": " + e.getMessage(), e);
        }
      }
      Judgments j = qrels == null ? LtrSupport.qrelsOf(data) : TrecFormats.readAnyQrels(qrels);
      Map<String, Double> metrics = LtrSupport.metrics(j, r);
      PrintWriter out = spec.commandLine().getOut();
      out.println(LtrSupport.tableHeader(metrics));
      out.println(LtrSupport.row("LambdaMART (" + model + ")", metrics));
      if (run != null) {
        TrecFormats.writeRun(LtrSupport.rankScores(r), run);
      }
    }
    return 0;
  }
}
