package io.rankstack.server.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What the admin routes need of a model registry, whatever the model: the versions saved under its
 * root, which one serves, and switching to another.
 */
public interface VersionedModels {
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
}
