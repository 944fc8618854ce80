package io.rankstack.ltr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.io.InputFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetorFormatTest {
  @TempDir Path dir;

  @Test
  void readsSparseUnsortedLinesWithComments() throws Exception {
    Path f = write("a.letor", """
        # header line
        2 qid:10 3:0.5 1:1.25 # d1 extra
        0 qid:10 2:-3e-2 # d2

        1.0 qid:7 5:4
        """);
    LetorDataset d = LetorFormat.readSvmlight(f);
    assertEquals(5, d.featureCount());
    assertEquals(List.of("10", "7"), d.queryIds());
    assertArrayEquals(new int[] {2, 1}, d.groupSizes());
    assertArrayEquals(new float[] {1.25f, 0, 0.5f, 0, 0}, d.rows().get(0).features());
    assertEquals("d1", d.rows().get(0).docId());
    assertEquals("d1 extra", d.rows().get(0).comment());
    assertArrayEquals(new float[] {0, -0.03f, 0, 0, 0}, d.rows().get(1).features());
    assertEquals(1, d.rows().get(2).grade());
    assertArrayEquals(new float[] {0, 0, 0, 0, 4}, d.rows().get(2).features());
  }

  @Test
  void roundTripsSvmlightAndLightGbm() {
    LetorDataset d = new LetorDataset("mem", 4, List.of(
        new LetorRow("q1", 3, new float[] {0.1f, 0, 1e-7f, 123456.78f}, "docA"),
        new LetorRow("q1", 0, new float[] {0, 0, 0, 0}, "docB"),
        new LetorRow("q2", 1, new float[] {-2, 0.333333f, 0, 1}, "")));
    Path svm = dir.resolve("d.letor");
    LetorFormat.writeSvmlight(d, svm, List.of("features v1"));
    LetorDataset back = LetorFormat.readSvmlight(svm);
    assertEquals(d.rows(), back.rows());

    Path lgb = dir.resolve("rank.train");
    LetorFormat.writeLightGbm(d, lgb);
    assertTrue(Files.exists(dir.resolve("rank.train.query")));
    LetorDataset back2 = LetorFormat.readLightGbm(lgb, LetorFormat.queryFileOf(lgb));
    assertEquals(List.of("0", "1"), back2.queryIds());
    assertArrayEquals(new int[] {2, 1}, back2.groupSizes());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(d.rows().get(i).features(), back2.rows().get(i).features());
      assertEquals(d.rows().get(i).grade(), back2.rows().get(i).grade());
    }
  }

  /** Any row of floats survives write → read exactly (trailing zero features are sparse, so compare padded). */
  @Property(tries = 200, seed = "20261129")
  void anyRowRoundTrips(@ForAll @Size(max = 12) List<@FloatRange(min = -1e6f, max = 1e6f) Float> values,
                        @ForAll @IntRange(max = 31) int grade) throws Exception {
    float[] f = new float[values.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = values.get(i);
    }
    java.io.StringWriter w = new java.io.StringWriter();
    LetorFormat.writeRow(w, new LetorRow("q", grade, f, "x"), true);
    LetorRow back = LetorFormat.parseLine("mem", 1, w.toString().strip(), null);
    float[] padded = java.util.Arrays.copyOf(back.features(), f.length);
    assertArrayEquals(f, padded);
    assertEquals(grade, back.grade());
    assertEquals("x", back.docId());
  }

  @Test
  void malformedLinesNameFileLineAndColumn() throws Exception {
    assertError("1 qid:1 1:0.5\n1 qid:1 2:abc\n", ":2: field 'column 11': feature value 'abc' is not a number");
    assertError("x qid:1 1:0.5\n", ":1: field 'column 1': grade 'x' is not a non-negative integer");
    assertError("-1 qid:1 1:0.5\n", ":1: field 'column 1': grade '-1'");
    assertError("1.5 qid:1 1:0.5\n", "grade '1.5'");
    assertError("1 qid:1 0:0.5\n", ":1: field 'column 9': feature index '0' is not a positive integer");
    assertError("1 qid:1 1:0.5 junk\n", ":1: field 'column 15': expected index:value");
    assertError("1 1:0.5\n", ":1: field 'column 8': no qid:");
    assertError("1 qid:1 2:1 2:3\n", "feature index 2 appears twice");
    assertError("1 qid:1 1:1\n0 qid:2 1:1\n1 qid:1 1:2\n", "rows of query 1 are not contiguous");
    assertError("1 qid:1 1:NaN\n", "is not finite");
  }

  @Test
  void lightGbmGroupsMustMatchTheRows() throws Exception {
    Path data = write("r.train", "1 1:0.5\n0 2:1\n");
    write("r.train.query", "1\n");
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> LetorFormat.readLightGbm(data, LetorFormat.queryFileOf(data)));
    assertTrue(e.getMessage().contains("r.train:2: field 'column 1': more rows than the 1 groups"), e.getMessage());
    write("r.train.query", "3\n");
    e = assertThrows(InputFormatException.class, () -> LetorFormat.readLightGbm(data, LetorFormat.queryFileOf(data)));
    assertTrue(e.getMessage().contains("lists 3 rows but the data has 2"), e.getMessage());
    write("r.train.query", "two\n");
    e = assertThrows(InputFormatException.class, () -> LetorFormat.readLightGbm(data, LetorFormat.queryFileOf(data)));
    assertTrue(e.getMessage().contains("r.train.query:1: field 'column 1': group size 'two'"), e.getMessage());
    Path withQid = write("q.train", "1 qid:3 1:0.5\n");
    write("q.train.query", "1\n");
    e = assertThrows(InputFormatException.class, () -> LetorFormat.readLightGbm(withQid, LetorFormat.queryFileOf(withQid)));
    assertTrue(e.getMessage().contains("qid: in a LightGBM-layout file"), e.getMessage());
  }

  private void assertError(String content, String expected) throws Exception {
    Path f = write("bad.letor", content);
    InputFormatException e = assertThrows(InputFormatException.class, () -> LetorFormat.readSvmlight(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
  }

  private Path write(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }
}
