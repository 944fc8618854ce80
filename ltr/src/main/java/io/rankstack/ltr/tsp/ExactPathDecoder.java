package io.rankstack.ltr.tsp;

/**
 * The exact decoder chosen by size: {@link HeldKarpDecoder} for n at most 16 (microseconds to
 * milliseconds), {@link CpSatPathDecoder} for 17..30. Larger lists are rejected: use
 * {@link HeuristicPathDecoder} explicitly, whose results are labelled as not exact.
 */
public final class ExactPathDecoder implements PathDecoder {
  private final HeldKarpDecoder heldKarp;
  private final CpSatPathDecoder cpSat;

  /** Held–Karp up to 16, CP-SAT (one worker, seed 42, 60 s) up to 30. */
  public ExactPathDecoder() {
    this(new HeldKarpDecoder(), new CpSatPathDecoder());
  }

  public ExactPathDecoder(HeldKarpDecoder heldKarp, CpSatPathDecoder cpSat) {
    if (heldKarp == null || cpSat == null) {
      throw new IllegalArgumentException("both decoders are required");
    }
    this.heldKarp = heldKarp;
    this.cpSat = cpSat;
  }

  @Override
  public DecodedPath decode(double[][] a) {
    int n = PathWeights.checkMatrix(a);
    if (n <= heldKarp.maxSize()) {
      return heldKarp.decode(a);
    }
    return cpSat.decode(a);
  }

  @Override
  public int maxSize() {
    return Math.max(heldKarp.maxSize(), cpSat.maxSize());
  }

  @Override
  public String name() {
    return "exact";
  }
}
