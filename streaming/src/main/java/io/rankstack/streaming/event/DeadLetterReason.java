package io.rankstack.streaming.event;

/**
 * Why an event went to {@code rankstack.dlq}. The {@link #label()} is the value of the
 * {@code rankstack.dlq.reason} header and of the {@code reason} tag of the dead-letter metric.
 */
public enum DeadLetterReason {
  /** The bytes are not a JSON object. */
  MALFORMED_JSON("malformed-json"),
  /** The {@code v} field names a schema version this reader does not know. */
  UNKNOWN_VERSION("unknown-version"),
  /** A required field is missing, has the wrong type, or is out of range. */
  INVALID("invalid"),
  /** A click whose impression did not arrive within the join window. */
  ORPHAN_CLICK("orphan-click"),
  /** A click later than the join window after its impression, or one that arrived after the window closed. */
  LATE_CLICK("late-click"),
  /** A click whose position and document do not match an item of its impression. */
  CLICK_MISMATCH("click-mismatch"),
  /** An impression that arrived after its own join window had already closed. */
  LATE_IMPRESSION("late-impression");

  private final String label;

  DeadLetterReason(String label) {
    this.label = label;
  }

  /** The header/metric spelling, for example {@code malformed-json}. */
  public String label() {
    return label;
  }

  /** The reason with this label, or null. */
  public static DeadLetterReason fromLabel(String label) {
    for (DeadLetterReason r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    return null;
  }
}
