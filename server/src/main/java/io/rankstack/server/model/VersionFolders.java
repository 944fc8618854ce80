package io.rankstack.server.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The on-disk layout every model registry of the server shares: one immutable folder per version
 * under a root, a version counting only once its marker file (the model's metadata) is written, and
 * an {@code ACTIVE} file naming the serving version so that it survives a restart.
 */
final class VersionFolders {
  private static final String ACTIVE_FILE = "ACTIVE";
  private final Path root;
  private final String markerFile;

  VersionFolders(Path root, String markerFile) {
    this.root = root;
    this.markerFile = markerFile;
  }

  Path root() {
    return root;
  }

  /** Version folders that hold the marker file, oldest first (names are UTC timestamps). */
  List<String> versions() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      List<String> out = new ArrayList<>();
      s.filter(p -> Files.isRegularFile(p.resolve(markerFile))).map(p -> p.getFileName().toString()).sorted()
          .forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version named in {@code ACTIVE}, else the newest, if any. */
  Optional<String> preferred() {
    List<String> all = versions();
    Path f = root.resolve(ACTIVE_FILE);
    try {
      if (Files.isRegularFile(f)) {
        String v = Files.readString(f, StandardCharsets.UTF_8).strip();
        if (all.contains(v)) {
          return Optional.of(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Records {@code version} in {@code ACTIVE} (written aside, then moved atomically). */
  void recordActive(String version) {
    try {
      Path tmp = root.resolve(ACTIVE_FILE + ".tmp");
      Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, root.resolve(ACTIVE_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
