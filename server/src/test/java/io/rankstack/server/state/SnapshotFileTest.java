package io.rankstack.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The atomic write and the strict read with its corrupt-file handling, on a real file system. */
class SnapshotFileTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:34:56.789Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private static String text(java.io.InputStream in) throws IOException {
    String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    if (!s.startsWith("ok:")) {
      throw new SnapshotFormatException("does not start with 'ok:'");
    }
    return s;
  }

  private static void write(SnapshotFile f, String s) throws IOException {
    f.write(out -> out.write(s.getBytes(StandardCharsets.UTF_8)));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aMissingFileIsNoStateAndCreatesNothing() throws IOException {
    SnapshotFile f = new SnapshotFile(dir.resolve("sub").resolve("s.json"), CLOCK);
    assertEquals(Optional.empty(), f.read(SnapshotFileTest::text));
    assertFalse(Files.exists(dir.resolve("sub")));
  }

  @Test
  void writeThenReadRoundTripsAndCreatesTheFolder() throws IOException {
    SnapshotFile f = new SnapshotFile(dir.resolve("server").resolve("s.json"), CLOCK);
    write(f, "ok:1");
    write(f, "ok:2");
    assertEquals(Optional.of("ok:2"), f.read(SnapshotFileTest::text));
    assertEquals(List.of("s.json"), Files.list(dir.resolve("server")).map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void whileWritingTheTargetStillHoldsThePreviousSnapshotAndTheNewOneIsATemporaryFileBesideIt() throws IOException {
    SnapshotFile f = new SnapshotFile(dir.resolve("s.json"), CLOCK);
    write(f, "ok:old");
    AtomicReference<String> targetMidWrite = new AtomicReference<>();
    AtomicReference<List<String>> namesMidWrite = new AtomicReference<>();
    f.write(out -> {
      out.write("ok:new, first half".getBytes(StandardCharsets.UTF_8));
      out.flush();
      targetMidWrite.set(Files.readString(dir.resolve("s.json")));
      namesMidWrite.set(names());
      out.write(" and second half".getBytes(StandardCharsets.UTF_8));
    });
    assertEquals("ok:old", targetMidWrite.get());
    assertEquals(2, namesMidWrite.get().size(), namesMidWrite.get().toString());
    String tmp = namesMidWrite.get().get(1);
    assertNotEquals("s.json", tmp);
    assertTrue(tmp.startsWith("s.json.") && tmp.endsWith(".tmp"), tmp);
    assertEquals("ok:new, first half and second half", Files.readString(dir.resolve("s.json")));
    assertEquals(List.of("s.json"), names());
  }

  @Test
  void aFailedWriteLeavesThePreviousSnapshotAndNoTemporaryFile() throws IOException {
    SnapshotFile f = new SnapshotFile(dir.resolve("s.json"), CLOCK);
    write(f, "ok:old");
    IOException e = assertThrows(IOException.class, () -> f.write(out -> {
      out.write("ok:half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals(List.of("s.json"), names());
    assertEquals("ok:old", Files.readString(dir.resolve("s.json")));
  }

  @Test
  void aCorruptFileIsMovedAsideWithItsContentAndReadsAsNoState() throws IOException {
    SnapshotFile f = new SnapshotFile(dir.resolve("s.json"), CLOCK);
    Files.writeString(dir.resolve("s.json"), "garbage");
    assertEquals(Optional.empty(), f.read(SnapshotFileTest::text));
    assertEquals(List.of("s.json.corrupt-20261129T123456789Z"), names());
    assertEquals("garbage", Files.readString(dir.resolve("s.json.corrupt-20261129T123456789Z")));
    // the next snapshot goes to the usual name; the evidence stays
    write(f, "ok:fresh");
    assertEquals(List.of("s.json", "s.json.corrupt-20261129T123456789Z"), names());
    assertEquals(Optional.of("ok:fresh"), f.read(SnapshotFileTest::text));
  }

  @Test
  void aParserThatThrowsAnUncheckedExceptionAlsoMovesTheFileAside() throws IOException {
    SnapshotFile f = new SnapshotFile(dir.resolve("s.json"), CLOCK);
    Files.writeString(dir.resolve("s.json"), "ok:but");
    assertEquals(Optional.empty(), f.<String>read(in -> {
      throw new IllegalArgumentException("bad value");
    }));
    assertEquals(List.of("s.json.corrupt-20261129T123456789Z"), names());
  }

  @Test
  void temporaryFilesLeftByAnInterruptedWriteAreDeletedOnRead() throws IOException {
    SnapshotFile f = new SnapshotFile(dir.resolve("s.json"), CLOCK);
    write(f, "ok:1");
    Files.writeString(dir.resolve("s.json.123456.tmp"), "ok:half");
    Files.writeString(dir.resolve("other.json.1.tmp"), "not ours");
    assertEquals(Optional.of("ok:1"), f.read(SnapshotFileTest::text));
    assertEquals(List.of("other.json.1.tmp", "s.json"), names());
  }
}
