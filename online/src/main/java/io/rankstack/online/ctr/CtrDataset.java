package io.rankstack.online.ctr;

import java.util.List;

/**
 * Examples read from a file, with the names of their categorical and dense fields and of the domains
 * (index = {@link CtrExample#domain()}).
 */
public record CtrDataset(List<CtrExample> examples, List<String> categoricalFields, List<String> denseFields,
    List<String> domains) {
  public CtrDataset {
    examples = List.copyOf(examples);
    categoricalFields = List.copyOf(categoricalFields);
    denseFields = List.copyOf(denseFields);
    domains = List.copyOf(domains);
  }

  /** Clicks / examples. */
  public double clickRate() {
    return examples.isEmpty() ? Double.NaN
        : examples.stream().mapToInt(CtrExample::label).sum() / (double) examples.size();
  }
}
