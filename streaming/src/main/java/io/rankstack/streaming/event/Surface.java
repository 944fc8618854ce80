package io.rankstack.streaming.event;

/** Where a list was shown: a search result page or a recommendation slot. */
public enum Surface {
  SEARCH("search"),
  RECOMMEND("recommend");

  private final String wire;

  Surface(String wire) {
    this.wire = wire;
  }

  /** The JSON spelling ({@code search} or {@code recommend}). */
  public String wire() {
    return wire;
  }

  /** The surface with this JSON spelling, or null when unknown. */
  public static Surface fromWire(String s) {
    for (Surface v : values()) {
      if (v.wire.equals(s)) {
        return v;
      }
    }
    return null;
  }
}
