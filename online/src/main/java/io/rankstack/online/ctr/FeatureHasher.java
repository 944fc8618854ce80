package io.rankstack.online.ctr;

import java.nio.charset.StandardCharsets;

/**
 * The hashing trick for categorical values: {@code bucket(field, value) = mix64(field, fnv1a64(value)) mod
 * buckets}, one table shared by all fields (the field index is mixed in, so equal strings in
 * different fields land in different buckets). FNV-1a over the UTF-8 bytes and the SplitMix64
 * finaliser are fixed functions: the same value maps to the same bucket in every JVM, so a saved
 * model scores the same after a restart.
 */
public final class FeatureHasher {
  private FeatureHasher() {}

  /** The bucket of {@code value} in field {@code field}, in [0, buckets). */
  public static int bucket(int field, String value, int buckets) {
    if (buckets <= 0) {
      throw new IllegalArgumentException("buckets must be positive, got " + buckets);
    }
    long h = 0xcbf29ce484222325L;
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    long z = h + 0x9E3779B97F4A7C15L * (field + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (int) Long.remainderUnsigned(z, buckets);
  }
}
