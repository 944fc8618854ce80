package io.rankstack.ltr.tsp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * TSPRank's scorer as a DJL block: item features of one list, shape {@code (1, n, d)} in the
 * first-stage order, to the directed score matrix {@code A}, shape {@code (n, n)}.
 *
 * <pre>
 *   H0 = X P + p                                          (input projection to width h)
 *   H  = Encoder_L(H0)                                    (L post-norm Transformer layers, L may be 0,
 *        MHA written out in {@link #selfAttention}:
 *        H' = LayerNorm(H + MHA(H)),  H = LayerNorm(H' + W2 relu(W1 H' + b1) + b2))
 *   A[i][j] = h_i^T U h_j / sqrt(h)   for i &lt;= j,   h_i^T V h_j / sqrt(h)   for i &gt; j
 * </pre>
 * U and V are the two bilinear comparators of TSPRank (Li et al., KDD 2025): one for pairs where j
 * comes at or after i in the input (first-stage) order, one for pairs where it comes before; A is
 * therefore asymmetric and aware of the first-stage order even without the encoder. The 1/sqrt(h)
 * factor (as in scaled dot-product attention) keeps the initial scores of order 1, so the first
 * softmax is not saturated.
 */
final class TspRankBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int hidden;
  private final Linear input;
  private final int heads;
  private final List<Linear[]> attention = new ArrayList<>(); // query, key, value, output
  private final List<LayerNorm> norm1 = new ArrayList<>();
  private final List<Linear> ff1 = new ArrayList<>();
  private final List<Linear> ff2 = new ArrayList<>();
  private final List<LayerNorm> norm2 = new ArrayList<>();
  private final Parameter upper;
  private final Parameter lower;

  TspRankBlock(int hidden, int encoderLayers, int heads) {
    super(VERSION);
    this.hidden = hidden;
    this.heads = heads;
    input = addChildBlock("input", Linear.builder().setUnits(hidden).build());
    for (int l = 0; l < encoderLayers; l++) {
      Linear[] qkvo = new Linear[4];
      String[] names = {"query", "key", "value", "output"};
      for (int k = 0; k < 4; k++) {
        qkvo[k] = addChildBlock(names[k] + l, Linear.builder().setUnits(hidden).build());
      }
      attention.add(qkvo);
      norm1.add(addChildBlock("norm1_" + l, LayerNorm.builder().axis(2).build()));
      ff1.add(addChildBlock("ff1_" + l, Linear.builder().setUnits(2L * hidden).build()));
      ff2.add(addChildBlock("ff2_" + l, Linear.builder().setUnits(hidden).build()));
      norm2.add(addChildBlock("norm2_" + l, LayerNorm.builder().axis(2).build()));
    }
    upper = addParameter(Parameter.builder().setName("bilinearUpper").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(hidden, hidden)).build());
    lower = addParameter(Parameter.builder().setName("bilinearLower").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(hidden, hidden)).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow(); // (1, n, d)
    NDArray h = input.forward(ps, new NDList(x), training).singletonOrThrow();
    for (int l = 0; l < attention.size(); l++) {
      NDArray att = selfAttention(ps, attention.get(l), h, training);
      h = norm1.get(l).forward(ps, new NDList(h.add(att)), training).singletonOrThrow();
      NDArray f = ff1.get(l).forward(ps, new NDList(h), training).singletonOrThrow();
      f = ff2.get(l).forward(ps, new NDList(Activation.relu(f)), training).singletonOrThrow();
      h = norm2.get(l).forward(ps, new NDList(h.add(f)), training).singletonOrThrow();
    }
    NDArray e = h.squeeze(0); // (n, h)
    NDArray u = ps.getValue(upper, e.getDevice(), training);
    NDArray v = ps.getValue(lower, e.getDevice(), training);
    NDArray et = e.transpose();
    NDArray su = e.matMul(u).matMul(et);
    NDArray sl = e.matMul(v).matMul(et);
    long n = e.getShape().get(0);
    NDManager m = e.getManager();
    // mask[i][j] = 1 when i <= j
    NDArray idx = m.arange((int) n);
    NDArray mask = idx.reshape(n, 1).lte(idx.reshape(1, n)).toType(DataType.FLOAT32, false);
    NDArray a = su.mul(mask).add(sl.mul(mask.neg().add(1))).mul(TspRankTrainer.scalar(m, (float) (1 / Math.sqrt(hidden))));
    return new NDList(a);
  }

  /**
   * Multi-head scaled dot-product self-attention (Vaswani et al. 2017), written out instead of DJL's
   * {@code ScaledDotProductAttentionBlock} so that the 1/sqrt(d_k) factor is an engine-owned scalar
   * (see {@link TspRankTrainer#scalar}): {@code softmax(Q K^T / sqrt(d_k)) V W_o} per head,
   * d_k = h / heads.
   */
  private NDArray selfAttention(ParameterStore ps, Linear[] qkvo, NDArray x, boolean training) {
    long n = x.getShape().get(1);
    int dk = hidden / heads;
    NDArray[] p = new NDArray[3];
    for (int k = 0; k < 3; k++) {
      p[k] = qkvo[k].forward(ps, new NDList(x), training).singletonOrThrow()
          .reshape(1, n, heads, dk).transpose(0, 2, 1, 3);
    }
    NDArray scores = p[0].matMul(p[1].transpose(0, 1, 3, 2))
        .mul(TspRankTrainer.scalar(x.getManager(), (float) (1 / Math.sqrt(dk))));
    NDArray o = scores.softmax(-1).matMul(p[2]).transpose(0, 2, 1, 3).reshape(1, n, hidden);
    return qkvo[3].forward(ps, new NDList(o), training).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long n = inputShapes[0].get(1);
    return new Shape[] {new Shape(n, n)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape x = inputShapes[0];
    input.initialize(manager, dataType, x);
    Shape hs = new Shape(x.get(0), x.get(1), hidden);
    for (int l = 0; l < attention.size(); l++) {
      for (Linear lin : attention.get(l)) {
        lin.initialize(manager, dataType, hs);
      }
      norm1.get(l).initialize(manager, dataType, hs);
      ff1.get(l).initialize(manager, dataType, hs);
      ff2.get(l).initialize(manager, dataType, new Shape(x.get(0), x.get(1), 2L * hidden));
      norm2.get(l).initialize(manager, dataType, hs);
    }
  }
}
