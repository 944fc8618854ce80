package io.rankstack.streaming.event;

/**
 * An event that cannot be read: its {@link DeadLetterReason}, the field at fault (or null) and
 * what is wrong, in words.
 */
public final class EventFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient DeadLetterReason reason;
  private final String field;

  public EventFormatException(DeadLetterReason reason, String field, String detail) {
    super((field == null ? "" : "field '" + field + "': ") + detail, null, false, false);
    this.reason = reason;
    this.field = field;
  }

  public DeadLetterReason reason() {
    return reason;
  }

  /** The field at fault, or null. */
  public String field() {
    return field;
  }
}
