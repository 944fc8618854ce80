package io.rankstack.server.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One snapshot file: written atomically, read strictly.
 *
 * <p>Writing goes to a temporary file in the same folder ({@code <name>.<random>.tmp}), which is
 * forced to disk and then moved over the target with {@code ATOMIC_MOVE}: a reader, or a crash at
 * any moment, sees either the previous snapshot or the new one, never a part of one.
 *
 * <p>Reading: a missing file is no state. A file that cannot be parsed, or that its parser rejects
 * (another version, a bad value), is moved aside to {@code <name>.corrupt-<UTC timestamp>} with a
 * warning naming the file and the problem, and reads as no state: the server starts empty and the
 * next snapshot does not overwrite the evidence. A file that cannot even be moved aside stops the
 * start ({@link IllegalStateException}), since the next snapshot would otherwise replace it.
 */
public final class SnapshotFile {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotFile.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final Clock clock;

  /** Writes the content of a snapshot to a stream (which it must not close). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Parses a snapshot; throws {@link IOException} (a {@link SnapshotFormatException} for a bad value) when it cannot. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(InputStream in) throws IOException;
  }

  /**
   * @param file  the snapshot's path
   * @param clock names the moved-aside copies of a corrupt file
   */
  public SnapshotFile(Path file, Clock clock) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Path path() {
    return file;
  }

  /** Replaces the file atomically with {@code content}; on failure the previous snapshot stays as it was. */
  public void write(Content content) throws IOException {
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
    boolean moved = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
           OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
        content.writeTo(out);
        out.flush();
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      forceDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * The parsed snapshot; empty when there is none, or when it is corrupt (then moved aside, see the
   * class comment). Temporary files left by a write that a crash interrupted are deleted.
   *
   * @throws IllegalStateException when the file exists but can neither be read nor moved aside
   */
  public <T> Optional<T> read(Parser<T> parser) {
    deleteStaleTemporaries();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return Optional.of(parser.parse(in));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
      try {
        Files.move(file, aside);
      } catch (IOException moveFailure) {
        IllegalStateException stop = new IllegalStateException("snapshot " + file + " cannot be read (" + problem(e)
            + ") nor moved aside to " + aside + " (" + moveFailure + "); move or delete it to start");
        stop.addSuppressed(e);
        throw stop;
      }
      LOG.warn("snapshot {} is unusable ({}); moved it aside to {} and starting without that state", file, problem(e),
          aside.getFileName());
      return Optional.empty();
    }
  }

  private static String problem(Throwable e) {
    if (e instanceof JsonProcessingException j) { // Jackson's own message repeats the (redacted) source
      JsonLocation at = j.getLocation();
      return j.getOriginalMessage().replace('\n', ' ')
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
  }

  private void deleteStaleTemporaries() {
    if (!Files.isDirectory(file.getParent())) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(), file.getFileName() + ".*.tmp")) {
      for (Path p : ds) {
        Files.deleteIfExists(p);
        LOG.info("deleted {}, left by a snapshot write that did not finish", p);
      }
    } catch (IOException e) {
      LOG.warn("could not clean up temporary snapshot files next to {}: {}", file, e.toString());
    }
  }

  /** Makes the rename itself durable; a file system that cannot open a folder for this just skips it. */
  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported here (e.g. Windows); the rename is still atomic, only its durability is the OS's
    }
  }
}
