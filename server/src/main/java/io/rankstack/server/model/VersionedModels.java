package io.rankstack.server.model;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the admin routes need of a model registry, whatever the model: the versions saved under its
 * root, which one serves, and switching to another.
 */
public interface VersionedModels {
  /** Version names: the UTC time of training, so that names sort by age. */
  DateTimeFormatter VERSION_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The saved versions, oldest first. */
  List<String> versions();

  /** The folder holding one sub-folder per version. */
  Path root();

  /** The serving version, or null before the first activation. */
  String activeVersion();

  /**
   * Loads {@code version} fully, then makes it the serving one.
   *
   * @return the version now serving
   * @throws java.util.NoSuchElementException when there is no such version
   */
  String activateVersion(String version);

  /** A name for a version trained at {@code now} that no saved version has (a suffix -2, -3, … when taken). */
  default String newVersion(Instant now) {
    String base = VERSION_NAME.format(now);
    List<String> taken = versions();
    String v = base;
    for (int i = 2; taken.contains(v); i++) {
      v = base + "-" + i;
    }
    return v;
  }
}
