package io.rankstack.rerank;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic reranking task small enough for unit tests: each query names two topic words; a
 * relevant document repeats them, a hard negative shares one, an easy negative shares none.
 */
final class TinyData {
  static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "omega", "kappa", "sigma", "theta", "lambda", "zeta"};

  private TinyData() {}

  static List<RerankQuery> queries(int count, long seed, int featureCount) {
    SplittableRandom r = new SplittableRandom(seed);
    List<RerankQuery> out = new ArrayList<>();
    for (int q = 0; q < count; q++) {
      String a = WORDS[r.nextInt(WORDS.length)];
      String b = WORDS[(java.util.Arrays.asList(WORDS).indexOf(a) + 1 + r.nextInt(WORDS.length - 1)) % WORDS.length];
      List<RerankDoc> docs = new ArrayList<>();
      for (int d = 0; d < 6; d++) {
        int kind = d % 3; // 0 relevant, 1 hard negative, 2 easy negative
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 6; w++) {
          String word = kind == 0 ? (w % 2 == 0 ? a : b) : kind == 1 && w == 0 ? a : filler(r, a, b);
          text.append(word).append(' ');
        }
        int grade = kind == 0 ? 1 : 0;
        int target = kind == 0 ? 9 : kind == 1 ? 4 : 1;
        float[] f = new float[featureCount];
        for (int i = 0; i < featureCount; i++) {
          f[i] = (float) r.nextGaussian();
        }
        docs.add(new RerankDoc("q" + q + "d" + d, text.toString(), grade, target, f));
      }
      out.add(new RerankQuery("q" + q, a + " " + b, docs));
    }
    return out;
  }

  private static String filler(SplittableRandom r, String a, String b) {
    String w;
    do {
      w = WORDS[r.nextInt(WORDS.length)];
    } while (w.equals(a) || w.equals(b));
    return w + "x" + r.nextInt(3); // an out-of-vocabulary variant: hashed pieces
  }

  static Tokenizer tokenizer(List<RerankQuery> queries) {
    List<String> texts = new ArrayList<>();
    for (RerankQuery q : queries) {
      texts.add(q.text());
      q.docs().forEach(d -> texts.add(d.text()));
    }
    return Tokenizer.build(texts, 1, 1000, 64);
  }

  static ArchitectureConfig arch(Tokenizer tok, ScoreHead head, int featureCount) {
    return new ArchitectureConfig(head, 2, 16, 2, 16, 4, featureCount, tok.idCount());
  }

  static TrainingConfig config(long seed, int sft, int rl) {
    return new TrainingConfig(sft, rl, 8, 2, 3e-3f, 1e-3f, 5, 0.2, 0.001, 2, RewardParameters.defaults(), seed);
  }
}
