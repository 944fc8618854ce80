package io.rankstack.online.ctr;

/** How a {@link CtrModel} picks the tower of each example. */
public enum RoutingMode {
  /** AdaptDHM: the {@link DistributionRouter} clusters each example by its own representation. */
  LEARNED,
  /** STAR-style baseline: the example's true {@link CtrExample#domain()} picks the tower. */
  DOMAIN
}
