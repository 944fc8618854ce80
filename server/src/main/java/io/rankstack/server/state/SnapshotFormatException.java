package io.rankstack.server.state;

import java.io.IOException;

/** A snapshot file that parses but says something this server cannot take: another version, a bad value. */
public final class SnapshotFormatException extends IOException {
  public SnapshotFormatException(String message) {
    super(message);
  }
}
