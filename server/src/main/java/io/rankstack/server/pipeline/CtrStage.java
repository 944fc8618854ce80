package io.rankstack.server.pipeline;

import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import io.rankstack.online.ctr.CtrExample;
import io.rankstack.online.ctr.CtrModelHolder;
import io.rankstack.online.ctr.CtrModelVersion;
import io.rankstack.online.ctr.TrainingExampleFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores recommendation candidates with the current AdaptDHM CTR version (published by the
 * in-process {@code OnlineCtrLearner}) and orders them by predicted click probability; equal
 * probabilities keep the candidates' order. Before the first version it passes through and says so.
 *
 * <p>A candidate's example is built exactly as {@link TrainingExampleFeatures} builds one from a
 * labelled impression: categorical fields (context key, document id, position as text) and the
 * candidate's features as dense features. The position is the candidate's rank in this stage's
 * input, the place it would be shown at without reordering; candidates carry no features in
 * recommendations, so the dense part is empty there ({@code denseFeatures} = 0).
 */
public final class CtrStage implements Stage {
  private final CtrModelHolder holder;
  private final int denseFeatures;

  public CtrStage(CtrModelHolder holder, int denseFeatures) {
    this.holder = Objects.requireNonNull(holder);
    this.denseFeatures = denseFeatures;
  }

  @Override
  public String name() {
    return "ctr";
  }

  @Override
  public String version(RequestContext context) {
    return holder.current().map(v -> "ctr-v" + v.version()).orElse("");
  }

  @Override
  public RankedList apply(RequestContext context, RankedList input) {
    Optional<CtrModelVersion> v = holder.current();
    if (v.isEmpty()) {
      throw new StagePassThrough("no model yet (the online CTR learner publishes its first version at its first checkpoint)");
    }
    List<CtrExample> examples = examples(context.contextKey(), input, denseFeatures);
    float[] p = v.get().score(examples);
    Integer[] idx = new Integer[input.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Float.compare(p[b], p[a])); // stable: ties keep the incoming order
    List<Candidate> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(input.atRank(i + 1).withScore(p[i]));
    }
    return new RankedList(input.queryId(), out);
  }

  /** The CTR examples of a list, as {@link TrainingExampleFeatures} would build them for these placements. */
  public static List<CtrExample> examples(String contextKey, RankedList list, int denseFeatures) {
    List<CtrExample> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Candidate c = list.atRank(i + 1);
      float[] dense = new float[denseFeatures];
      for (int j = 0; j < Math.min(denseFeatures, c.featureCount()); j++) {
        dense[j] = c.feature(j);
      }
      out.add(new CtrExample(new String[] {contextKey, c.docId(), Integer.toString(i + 1)}, dense, 0, -1));
    }
    return out;
  }
}
