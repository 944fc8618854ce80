package io.rankstack.eval.ope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One logged showing: the context and the slots shown, sorted by position (positions unique). A
 * single-action log has one slot per impression; a slate log has several.
 *
 * @param context the context key the policies condition on (a query, a user, or "" when none)
 * @param slots   the shown slots, at least one
 */
public record LoggedImpression(String context, List<LoggedSlot> slots) {
  public LoggedImpression {
    Objects.requireNonNull(context, "context");
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("an impression needs at least one slot");
    }
    List<LoggedSlot> sorted = new ArrayList<>(slots);
    sorted.sort(Comparator.comparingInt(LoggedSlot::position));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).position() == sorted.get(i - 1).position()) {
        throw new IllegalArgumentException("duplicate position " + sorted.get(i).position() + " in one impression");
      }
    }
    slots = List.copyOf(sorted);
  }

  /** A single-action impression. */
  public static LoggedImpression single(String context, String action, int position, double propensity, double reward) {
    return new LoggedImpression(context, List.of(new LoggedSlot(action, position, propensity, reward)));
  }
}
