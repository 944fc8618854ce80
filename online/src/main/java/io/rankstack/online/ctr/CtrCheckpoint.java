package io.rankstack.online.ctr;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the online learner persists in one RocksDB write: the model (weights, Adam state, router),
 * the router centres on their own (for inspection without decoding the model), the next input
 * offset per partition, and a ledger of what was trained.
 *
 * @param version  model version, 1 for the first checkpoint, +1 each later one
 * @param model    {@link CtrModelCodec#encode} bytes
 * @param router   {@link CtrModelCodec#encodeRouter} bytes
 * @param offsets  partition → next offset to read (everything before it has been trained on or rejected)
 * @param trained  examples trained so far, over all runs
 * @param digest   order-independent digest of the (partition, offset) of every trained example:
 *                 the sum of {@link #mix(int, long)}; equals the digest of the input exactly when each
 *                 example was trained once
 * @param rejected records that were not a valid training example (counted, skipped, never retried)
 */
public record CtrCheckpoint(long version, byte[] model, byte[] router, Map<Integer, Long> offsets, long trained,
    long digest, long rejected) {
  public CtrCheckpoint {
    offsets = java.util.Collections.unmodifiableMap(new TreeMap<>(offsets));
  }

  /** The ledger digest term of one (partition, offset): a SplitMix64 hash. */
  public static long mix(int partition, long offset) {
    long z = offset * 0x9E3779B97F4A7C15L + ((long) partition << 48) + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
