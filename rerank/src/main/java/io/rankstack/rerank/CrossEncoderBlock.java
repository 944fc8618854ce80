package io.rankstack.rerank;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-encoder as a DJL block. Inputs (batch B, padded length L): token ids and segment ids
 * (int64, B×L), the padding mask (float32, B×L, 1 for a real token) and, when the architecture has
 * first-stage features, the features (float32, B×F). Output: the head's logits, B×classes.
 *
 * <pre>
 *   H0 = LayerNorm(E_tok[t] + E_pos[0..L) + E_seg[s])
 *   per layer (post-norm, as BERT):  H = LayerNorm(H + MHA(H, mask)),  H = LayerNorm(H + W2 gelu(W1 H))
 *   z  = tanh(W_p [H[:,0] ; features] + b_p)             ([CLS] pooling, features appended)
 *   logits = W_o z + b_o
 * </pre>
 * Attention is written out (DJL's TransformerEncoderBlock uses BatchNorm and fails with a mask,
 * STACK.md): {@code softmax(Q K^T / sqrt(d_k) + bias) V}, bias −1e9 on padding keys. No dropout:
 * it is most of the step cost on this CPU and the model is small.
 */
final class CrossEncoderBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final ArchitectureConfig arch;
  private final Parameter tokenEmbedding;
  private final Parameter positionEmbedding;
  private final Parameter segmentEmbedding;
  private final LayerNorm inputNorm;
  private final List<Linear[]> attention = new ArrayList<>(); // query, key, value, output
  private final List<LayerNorm> norm1 = new ArrayList<>();
  private final List<Linear> ff1 = new ArrayList<>();
  private final List<Linear> ff2 = new ArrayList<>();
  private final List<LayerNorm> norm2 = new ArrayList<>();
  private final Linear pooler;
  private final Linear output;

  CrossEncoderBlock(ArchitectureConfig arch) {
    super(VERSION);
    this.arch = arch;
    int d = arch.hidden();
    tokenEmbedding = addParameter(Parameter.builder().setName("tokenEmbedding").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(arch.vocabularySize(), d)).build());
    positionEmbedding = addParameter(Parameter.builder().setName("positionEmbedding").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(arch.maxLength(), d)).build());
    segmentEmbedding = addParameter(Parameter.builder().setName("segmentEmbedding").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(2, d)).build());
    inputNorm = addChildBlock("inputNorm", LayerNorm.builder().axis(2).build());
    String[] names = {"query", "key", "value", "output"};
    for (int l = 0; l < arch.layers(); l++) {
      Linear[] qkvo = new Linear[4];
      for (int k = 0; k < 4; k++) {
        qkvo[k] = addChildBlock(names[k] + l, Linear.builder().setUnits(d).build());
      }
      attention.add(qkvo);
      norm1.add(addChildBlock("norm1_" + l, LayerNorm.builder().axis(2).build()));
      ff1.add(addChildBlock("ff1_" + l, Linear.builder().setUnits(2L * d).build()));
      ff2.add(addChildBlock("ff2_" + l, Linear.builder().setUnits(d).build()));
      norm2.add(addChildBlock("norm2_" + l, LayerNorm.builder().axis(2).build()));
    }
    pooler = addChildBlock("pooler", Linear.builder().setUnits(d).build());
    output = addChildBlock("output", Linear.builder().setUnits(arch.head().classes()).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray tokens = inputs.get(0);
    NDArray types = inputs.get(1);
    NDArray mask = inputs.get(2);
    long b = tokens.getShape().get(0);
    long len = tokens.getShape().get(1);
    NDManager m = tokens.getManager();
    NDArray tokW = ps.getValue(tokenEmbedding, tokens.getDevice(), training);
    NDArray posW = ps.getValue(positionEmbedding, tokens.getDevice(), training);
    NDArray segW = ps.getValue(segmentEmbedding, tokens.getDevice(), training);
    NDArray h = Embedding.embedding(tokens, tokW, SparseFormat.DENSE).singletonOrThrow()
        .add(Embedding.embedding(types, segW, SparseFormat.DENSE).singletonOrThrow())
        .add(posW.get(new NDIndex("0:{}", len)).expandDims(0));
    h = inputNorm.forward(ps, new NDList(h), training).singletonOrThrow();
    // additive key-padding bias, (B, 1, 1, L): 0 for real tokens, -1e9 for padding
    NDArray bias = mask.sub(Tensors.scalar(m, 1f)).mul(Tensors.scalar(m, 1e9f)).reshape(b, 1, 1, len);
    for (int l = 0; l < attention.size(); l++) {
      NDArray att = selfAttention(ps, attention.get(l), h, bias, training);
      h = norm1.get(l).forward(ps, new NDList(h.add(att)), training).singletonOrThrow();
      NDArray f = ff1.get(l).forward(ps, new NDList(h), training).singletonOrThrow();
      f = ff2.get(l).forward(ps, new NDList(Activation.gelu(f)), training).singletonOrThrow();
      h = norm2.get(l).forward(ps, new NDList(h.add(f)), training).singletonOrThrow();
    }
    NDArray pooled = h.get(new NDIndex(":, 0, :"));
    if (arch.featureCount() > 0) {
      pooled = pooled.concat(inputs.get(3), 1);
    }
    NDArray z = pooler.forward(ps, new NDList(pooled), training).singletonOrThrow().tanh();
    return output.forward(ps, new NDList(z), training);
  }

  private NDArray selfAttention(ParameterStore ps, Linear[] qkvo, NDArray x, NDArray bias, boolean training) {
    long b = x.getShape().get(0);
    long n = x.getShape().get(1);
    int d = arch.hidden();
    int dk = d / arch.heads();
    NDArray[] p = new NDArray[3];
    for (int k = 0; k < 3; k++) {
      p[k] = qkvo[k].forward(ps, new NDList(x), training).singletonOrThrow()
          .reshape(b, n, arch.heads(), dk).transpose(0, 2, 1, 3);
    }
    NDArray scores = p[0].matMul(p[1].transpose(0, 1, 3, 2))
        .mul(Tensors.scalar(x.getManager(), (float) (1 / Math.sqrt(dk)))).add(bias);
    NDArray o = scores.softmax(-1).matMul(p[2]).transpose(0, 2, 1, 3).reshape(b, n, d);
    return qkvo[3].forward(ps, new NDList(o), training).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), arch.head().classes())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long b = inputShapes[0].get(0);
    long len = inputShapes[0].get(1);
    int d = arch.hidden();
    Shape hs = new Shape(b, len, d);
    inputNorm.initialize(manager, dataType, hs);
    for (int l = 0; l < attention.size(); l++) {
      for (Linear lin : attention.get(l)) {
        lin.initialize(manager, dataType, hs);
      }
      norm1.get(l).initialize(manager, dataType, hs);
      ff1.get(l).initialize(manager, dataType, hs);
      ff2.get(l).initialize(manager, dataType, new Shape(b, len, 2L * d));
      norm2.get(l).initialize(manager, dataType, hs);
    }
    pooler.initialize(manager, dataType, new Shape(b, d + arch.featureCount()));
    output.initialize(manager, dataType, new Shape(b, d));
  }

  /** Input shapes for initialisation (batch 1, full length). */
  static Shape[] inputShapes(ArchitectureConfig arch) {
    Shape t = new Shape(1, arch.maxLength());
    return arch.featureCount() > 0
        ? new Shape[] {t, t, t, new Shape(1, arch.featureCount())}
        : new Shape[] {t, t, t};
  }
}
