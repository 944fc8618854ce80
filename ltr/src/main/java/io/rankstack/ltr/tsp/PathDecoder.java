package io.rankstack.ltr.tsp;

/**
 * Decodes a ranking from a directed pairwise score matrix as a maximum-weight open Hamiltonian path
 * (free start and end): {@code A[i][j]} is the score for "item j directly follows item i"; the
 * diagonal is ignored. The first item of the path is rank 1.
 *
 * <p>Implementations: {@link HeldKarpDecoder} (exact, n at most 16), {@link CpSatPathDecoder}
 * (exact through OR-tools CP-SAT when the solver proves optimality) and
 * {@link HeuristicPathDecoder} (greedy + 2-opt + or-opt, never exact). {@link ExactPathDecoder}
 * picks the exact one by size.
 */
public interface PathDecoder {
  /**
   * Decodes one list.
   *
   * @param a a square matrix, n at least 1, finite entries (the diagonal is not read)
   * @throws IllegalArgumentException when the matrix is not square, has a non-finite off-diagonal
   *     entry, or is larger than this decoder supports
   */
  DecodedPath decode(double[][] a);

  /** The largest n this decoder accepts. */
  int maxSize();

  /** A short name for tables ("held-karp", "cp-sat", "heuristic"). */
  String name();
}
