package io.rankstack.online.ctr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rankstack.core.io.InputFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CtrCsvReaderTest {
  static final Path SHARED = Path.of("..", "..", "shared", "data", "ctr");
  static final CtrCsvFormat SMALL = new CtrCsvFormat("small", ',', "click", "site", List.of("n1", "n2"), Set.of("id"), false);

  @TempDir
  Path tmp;

  Path write(String content) throws IOException {
    Path f = tmp.resolve("data.csv");
    Files.writeString(f, content);
    return f;
  }

  @Test
  void readsLabelsDomainsCategoricalAndDenseFields() throws IOException {
    Path f = write("id,click,site,n1,cat,n2\n"
        + "7,1,news,0.5,\"a,b\",2\n"
        + "8,0,shop,,x,-1e2\n"
        + "\n"
        + "9,1.0,news,3,\"say \"\"hi\"\"\",0\n");
    CtrDataset d = CtrCsvReader.read(f, SMALL);
    assertEquals(List.of("news", "shop"), d.domains());
    assertEquals(List.of("cat"), d.categoricalFields());
    assertEquals(List.of(
        new CtrExample(new String[] {"a,b"}, new float[] {0.5f, 2f}, 1, 0),
        new CtrExample(new String[] {"x"}, new float[] {0f, -100f}, 0, 1),
        new CtrExample(new String[] {"say \"hi\""}, new float[] {3f, 0f}, 1, 0)), d.examples());
    assertEquals(2 / 3.0, d.clickRate(), 1e-12);
  }

  @Test
  void logDenseIsSignedLog1p() throws IOException {
    Path f = write("label,I1,C1\n1,-9,a\n0,99,b\n");
    CtrDataset d = CtrCsvReader.read(f, new CtrCsvFormat("t", ',', "label", null, List.of("I1"), Set.of(), true));
    assertArrayEquals(new float[] {(float) -Math.log(10)}, d.examples().get(0).dense(), 1e-6f);
    assertArrayEquals(new float[] {(float) Math.log(100)}, d.examples().get(1).dense(), 1e-6f);
  }

  @Test
  void aBadRowIsReportedWithFileLineAndField() throws IOException {
    String header = "id,click,site,n1,cat,n2\n";
    String good = "1,0,a,1,x,2\n";
    assertFault(header + good + "2,2,a,1,x,2\n", 3, "click", "label must be 0 or 1");
    assertFault(header + good + good + "3,1,a,abc,x,2\n", 4, "n1", "not a number");
    assertFault(header + "3,1,a,1,x\n", 2, null, "expected 6 fields");
    assertFault(header + "3,1,a,1,\"x,2\n", 2, null, "unterminated quote");
    assertFault(header + "3,1,,1,x,2\n", 2, "site", "empty domain");
    assertFault("id,label,site,n1,cat,n2\n" + good, 1, "click", "no column");
  }

  private void assertFault(String content, long line, String field, String detail) throws IOException {
    Path f = write(content);
    InputFormatException e = assertThrows(InputFormatException.class, () -> CtrCsvReader.read(f, SMALL));
    assertEquals(f.toString(), e.source());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
  }

  /** Every CTR sample of the shared data folder reads with its format (skipped where the folder is absent). */
  @Test
  void theSharedSamplesReadWithTheirFormats() throws IOException {
    assumeTrue(Files.isDirectory(SHARED), "no shared data at " + SHARED.toAbsolutePath());
    record Case(String file, CtrCsvFormat format, int domains, int categorical, int dense) {}
    List<Case> cases = List.of(
        new Case("deepctr-samples/criteo_sample.txt", CtrCsvFormat.criteo(), 0, 26, 13),
        new Case("torch-rechub-samples/ranking/data/criteo/criteo_sample.csv", CtrCsvFormat.criteo(), 0, 26, 13),
        new Case("deepctr-samples/avazu_sample.txt", CtrCsvFormat.avazu(), 0, 22, 0),
        new Case("torch-rechub-samples/ranking/data/avazu/train_sample.csv", CtrCsvFormat.avazuEncoded(), 0, 22, 0),
        new Case("multi-domain-samples/douban/douban_sample.csv", CtrCsvFormat.douban(), 3, 5, 0),
        new Case("multi-domain-samples/mind/mind_sample.csv", CtrCsvFormat.mind(), -1, 3, 0),
        // the KuaiRand sample holds one tab only
        new Case("multi-domain-samples/kuairand/kuairand_sample.csv", CtrCsvFormat.kuairand(), 1, -1, 0),
        new Case("multi-domain-samples/ali-ccp/ali_ccp_train_sample.csv", CtrCsvFormat.aliCcp(), -1, 22, 8));
    for (Case c : cases) {
      Path f = SHARED.resolve(c.file());
      long rows;
      try (Stream<String> lines = Files.lines(f)) {
        rows = lines.skip(1).filter(l -> !l.isBlank()).count();
      }
      CtrDataset d = CtrCsvReader.read(f, c.format());
      assertEquals(rows, d.examples().size(), c.file());
      if (c.domains() >= 0) {
        assertEquals(c.domains(), d.domains().size(), c.file() + " " + d.domains());
      } else {
        assertTrue(d.domains().size() >= 2, c.file() + " " + d.domains());
      }
      if (c.categorical() >= 0) {
        assertEquals(c.categorical(), d.categoricalFields().size(), c.file() + " " + d.categoricalFields());
      }
      assertEquals(c.dense(), d.denseFields().size(), c.file());
      double rate = d.clickRate();
      assertTrue(rate > 0 && rate < 1, c.file() + " click rate " + rate);
      System.out.printf("[ctr-data] %s: %d rows, click rate %.3f, domains %s%n", c.file(), rows, rate, d.domains());
    }
    // The Criteo sample trains end to end (a smoke test of the format with the model).
    CtrDataset criteo = CtrCsvReader.read(SHARED.resolve(cases.get(0).file()), CtrCsvFormat.criteo());
    CtrModel m = new CtrModel(CtrConfig.adaptDhm(26, 13, 2, 1).withSizes(1 << 12, 4, new int[] {8}));
    assertTrue(Double.isFinite(m.train(criteo.examples()).loss()));
  }

  @Test
  void aBadRowInACopyOfASharedSampleIsReportedWithItsLine() throws IOException {
    Path src = SHARED.resolve("multi-domain-samples/douban/douban_sample.csv");
    assumeTrue(Files.exists(src), "no shared data at " + src.toAbsolutePath());
    List<String> lines = Files.readAllLines(src);
    lines.set(41, lines.get(41).replaceFirst(",1,", ",7,").replaceFirst(",0,", ",7,"));
    Path f = tmp.resolve("douban_bad.csv");
    Files.write(f, lines);
    InputFormatException e = assertThrows(InputFormatException.class, () -> CtrCsvReader.read(f, CtrCsvFormat.douban()));
    assertEquals(42, e.line(), e.getMessage());
    assertEquals("rating", e.field());
  }
}
