package io.rankstack.online.ctr;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where serving reads the current model. The learner publishes each checkpoint as a new
 * {@link CtrModelVersion}; the switch is one reference swap, so a reader sees either the old
 * version or the new one, whole (a version is built completely before it is published and never
 * changes afterwards). Versions only move forward.
 */
public final class CtrModelHolder {
  private final AtomicReference<CtrModelVersion> current = new AtomicReference<>();

  /** The current version, if one was published. */
  public Optional<CtrModelVersion> current() {
    return Optional.ofNullable(current.get());
  }

  /** Publishes {@code v} unless the holder already has the same or a later version; returns whether it did. */
  public boolean publish(CtrModelVersion v) {
    while (true) {
      CtrModelVersion old = current.get();
      if (old != null && old.version() >= v.version()) {
        return false;
      }
      if (current.compareAndSet(old, v)) {
        return true;
      }
    }
  }
}
