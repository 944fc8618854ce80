package io.rankstack.online.ctr;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a CTR CSV file maps onto {@link CtrExample}s. Columns are found by their header names: one
 * label column (0/1), an optional domain column, named dense columns, ignored columns, and every other
 * column is categorical (in header order).
 *
 * @param name      for messages
 * @param delimiter field separator
 * @param label     the click column (values 0 or 1; {@code 0.0}/{@code 1.0} are accepted)
 * @param domain    the domain column, or null
 * @param dense     dense columns; an empty value counts as 0
 * @param ignored   columns that are neither features nor label (ids, post-click signals, other tasks)
 * @param logDense  transform dense values with sign(v)·ln(1 + |v|) (Criteo's counts span six decades)
 */
public record CtrCsvFormat(String name, char delimiter, String label, String domain, List<String> dense,
    Set<String> ignored, boolean logDense) {
  public CtrCsvFormat {
    Objects.requireNonNull(name);
    Objects.requireNonNull(label);
    dense = List.copyOf(dense);
    ignored = Set.copyOf(ignored);
  }

  /** Criteo (DeepCTR and torch-rechub samples): label, I1–I13 dense (log-transformed), C1–C26 categorical. */
  public static CtrCsvFormat criteo() {
    List<String> dense = new java.util.ArrayList<>();
    for (int i = 1; i <= 13; i++) {
      dense.add("I" + i);
    }
    return new CtrCsvFormat("criteo", ',', "label", null, dense, Set.of(), true);
  }

  /** Avazu as DeepCTR ships it: {@code id,click,hour,C1,…}; every column but id and click is categorical. */
  public static CtrCsvFormat avazu() {
    return new CtrCsvFormat("avazu", ',', "click", null, List.of(), Set.of("id"), false);
  }

  /** Avazu as torch-rechub ships it: label, feat_1–feat_22 (already encoded ids), all categorical. */
  public static CtrCsvFormat avazuEncoded() {
    return new CtrCsvFormat("avazu-encoded", ',', "label", null, List.of(), Set.of(), false);
  }

  /** Douban multi-domain sample: domain = book / movie / music, label = {@code rating}. */
  public static CtrCsvFormat douban() {
    return new CtrCsvFormat("douban", ',', "rating", "domain", List.of(), Set.of(), false);
  }

  /** MIND multi-domain sample: domain = the news category. */
  public static CtrCsvFormat mind() {
    return new CtrCsvFormat("mind", ',', "label", "Category", List.of(), Set.of(), false);
  }

  /** KuaiRand multi-domain sample: domain = {@code tab}; the play and stay times are post-click, so ignored. */
  public static CtrCsvFormat kuairand() {
    return new CtrCsvFormat("kuairand", ',', "is_click", "tab", List.of(),
        Set.of("play_time_ms", "profile_stay_time", "comment_stay_time"), false);
  }

  /** Ali-CCP multi-domain sample: domain = field {@code 301} (the scenario), the D… columns dense, purchase ignored. */
  public static CtrCsvFormat aliCcp() {
    return new CtrCsvFormat("ali-ccp", ',', "click", "301",
        List.of("D109_14", "D110_14", "D127_14", "D150_14", "D508", "D509", "D702", "D853"), Set.of("purchase"), false);
  }
}
