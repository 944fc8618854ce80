package io.rankstack.eval.ope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.eval.RankstackEval;
import io.rankstack.eval.plot.EstimatorBars;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ope} commands end to end on tiny files with hand-computed answers, and their input errors. */
class OpeCommandTest {
  @TempDir
  Path dir;

  private static final String OBD_HEADER = ",timestamp,item_id,position,click,propensity_score,user_feature_0\n";

  /*
   * A tiny OBD layout, campaign "men".
   * BTS log: (pos 1, item 0, click 1), (1, 1, 0), (2, 0, 0), (2, 0, 1) → truth 2/4 = 0.5;
   *   π_e(·|1) = {0: 0.5, 1: 0.5}, π_e(·|2) = {0: 1}.
   * Random log, p = 1/3: (1, 0, 1), (1, 2, 0), (2, 0, 1), (2, 1, 0);
   *   weights 1.5, 0, 3, 0 → IPS = (1.5·1 + 3·1) / 4 = 1.125; SNIPS = 4.5 / 4.5 = 1.
   * Reverse (uniform random over the three items of item_context.csv, from the BTS log): weights
   *   (1/3)/0.4 = 5/6, 5/6, (1/3)/0.5 = 2/3, 2/3 → IPS = (5/6 + 2/3) / 4 = 0.375, SNIPS = 1.5 / 3 = 0.5;
   *   truth: the random log's mean 2/4 = 0.5.
   */
  private Path writeObd() throws IOException {
    Path root = dir.resolve("data/bandits/open-bandit-sample");
    Files.createDirectories(root.resolve("random/men"));
    Files.createDirectories(root.resolve("bts/men"));
    Files.writeString(root.resolve("random/men/item_context.csv"), ",item_id,item_feature_0\n0,0,0.1\n1,1,0.2\n2,2,0.3\n");
    Files.writeString(root.resolve("bts/men/men.csv"), OBD_HEADER
        + "0,t,0,1,1,0.4,u\n1,t,1,1,0,0.4,u\n2,t,0,2,0,0.5,u\n3,t,0,2,1,0.5,u\n");
    String third = String.valueOf(1.0 / 3);
    Files.writeString(root.resolve("random/men/men.csv"), OBD_HEADER
        + "0,t,0,1,1," + third + ",u\n1,t,2,1,0," + third + ",u\n2,t,0,2,1," + third + ",u\n3,t,1,2,0," + third + ",u\n");
    return dir.resolve("data");
  }

  @Test
  void obdProtocolOnATinyLayout() throws IOException {
    Path data = writeObd();
    Path csv = dir.resolve("out/obd.csv");
    Path svg = dir.resolve("out/obd.svg");
    String out = run("ope", "obd", "--data", data.toString(), "--campaigns", "men", "--estimators", "ips,snips",
        "--resamples", "50", "--csv", csv.toString(), "--plot", svg.toString());
    assertTrue(out.contains("ground truth (Bernoulli-TS observed click rate): 0.50000"), out);
    assertTrue(out.matches("(?s).*IPS\\s+1\\.12500.*"), out);
    assertTrue(out.matches("(?s).*SNIPS\\s+1\\.00000.*"), out);
    assertTrue(!out.contains("NaN"), "resamples where SNIPS is undefined are left out of the mean error: " + out);
    assertTrue(out.contains("largest importance weight 3.00"), out);
    assertTrue(out.contains("ground truth (uniform-random observed click rate): 0.50000"), out);
    assertTrue(out.matches("(?s).*IPS\\s+0\\.37500.*"), out);
    assertTrue(out.matches("(?s).*estimated from the Bernoulli-TS log.*SNIPS\\s+0\\.50000.*"), out);
    List<EstimatorBars.Row> rows = EstimatorBars.read(csv);
    assertEquals(4, rows.size());
    assertEquals("men: TS from random", rows.get(0).group());
    assertEquals("men: random from TS", rows.get(3).group());
    assertEquals("IPS", rows.get(0).estimator());
    assertEquals(1.125, rows.get(0).value(), 1e-12);
    assertEquals(0.5, rows.get(0).truth(), 1e-12);
    assertTrue(Files.readString(svg).contains("<svg"));
  }

  @Test
  void obdRejectsSlateEstimators() throws IOException {
    Path data = writeObd();
    Result r = runRaw("ope", "obd", "--data", data.toString(), "--campaigns", "men", "--estimators", "rips");
    assertEquals(RankstackEval.EXIT_BAD_INPUT, r.code);
    assertTrue(r.err.contains("no whole slates"), r.err);
    r = runRaw("ope", "obd", "--data", data.toString(), "--direction", "sideways");
    assertEquals(RankstackEval.EXIT_BAD_INPUT, r.code);
    assertTrue(r.err.contains("--direction"), r.err);
  }

  /** The slate log of {@link EstimatorsKnownAnswerTest} written as impression and click events. */
  private Path[] writeEvents() throws IOException {
    Path imp = Files.writeString(dir.resolve("impressions.jsonl"), """
        {"v":1,"impressionId":"i1","timestamp":1,"surface":"recommend","contextKey":"u","items":[{"docId":"A","position":1,"propensity":0.5},{"docId":"B","position":2,"propensity":0.5}]}
        {"v":1,"impressionId":"i2","timestamp":2,"surface":"recommend","contextKey":"v","items":[{"docId":"B","position":1,"propensity":0.5},{"docId":"C","position":2,"propensity":0.25}]}
        """);
    Path clicks = Files.writeString(dir.resolve("clicks.jsonl"), """
        {"v":1,"impressionId":"i1","contextKey":"u","docId":"A","position":1,"timestamp":3}
        {"v":1,"impressionId":"i2","contextKey":"v","docId":"C","position":2,"timestamp":4}
        """);
    Path policy = Files.writeString(dir.resolve("policy.csv"), PolicyCsv.HEADER + "\n*,1,A,0.8\n*,1,B,0.2\n*,2,B,0.6\n*,2,C,0.4\n");
    return new Path[] {imp, clicks, policy};
  }

  @Test
  void estimateFromEventsGivesTheHandComputedSlateValues() throws IOException {
    Path[] f = writeEvents();
    String out = run("ope", "estimate", "--impressions", f[0].toString(), "--clicks", f[1].toString(),
        "--policy", f[2].toString(), "--resamples", "20");
    // per slot: IPS = (1.6·1 + 1.2·0 + 0.4·0 + 1.6·1) / 4 = 0.8; slates: see EstimatorsKnownAnswerTest
    assertTrue(out.matches("(?s).*IPS\\s+slot\\s+0\\.80000.*"), out);
    assertTrue(out.matches("(?s).*SIPS\\s+impression\\s+1\\.28000.*"), out);
    assertTrue(out.matches("(?s).*IIPS\\s+impression\\s+1\\.60000.*"), out);
    assertTrue(out.matches("(?s).*RIPS\\s+impression\\s+1\\.12000.*"), out);
    assertTrue(out.matches("(?s).*Cascade-DR\\s+impression\\s+1\\.09000.*"), out);
    assertTrue(out.contains("2 impressions, 4 slots; logged reward per slot 0.50000"), out);
  }

  @Test
  void eventLogJoinsClicksByPosition() throws IOException {
    Path[] f = writeEvents();
    List<LoggedImpression> log = EventLog.read(f[0], f[1]);
    assertEquals(EstimatorsKnownAnswerTest.SLATE_LOG, log);
    assertEquals(0.0, EventLog.read(f[0], null).stream().flatMap(i -> i.slots().stream()).mapToDouble(LoggedSlot::reward).sum());
  }

  @Test
  void badEventsNameFileLineAndField() throws IOException {
    Path[] f = writeEvents();
    Path noProp = Files.writeString(dir.resolve("noprop.jsonl"),
        "{\"impressionId\":\"i1\",\"contextKey\":\"u\",\"items\":[{\"docId\":\"A\",\"position\":1,\"propensity\":0.5}]}\n"
            + "{\"impressionId\":\"i2\",\"contextKey\":\"u\",\"items\":[{\"docId\":\"A\",\"position\":1,\"propensity\":0.5},"
            + "{\"docId\":\"B\",\"position\":2}]}\n");
    Result r = runRaw("ope", "estimate", "--impressions", noProp.toString(), "--policy", f[2].toString());
    assertEquals(RankstackEval.EXIT_BAD_INPUT, r.code);
    assertTrue(r.err.contains(noProp + ":2: field 'items[1].propensity': required"), r.err);

    Path orphan = Files.writeString(dir.resolve("orphan.jsonl"), "{\"impressionId\":\"zz\",\"position\":1}\n");
    r = runRaw("ope", "estimate", "--impressions", f[0].toString(), "--clicks", orphan.toString(), "--policy", f[2].toString());
    assertTrue(r.err.contains(orphan + ":1: field 'impressionId': no impression 'zz'"), r.err);

    Path badJson = Files.writeString(dir.resolve("bad.jsonl"), "{\"impressionId\": \n");
    r = runRaw("ope", "estimate", "--impressions", badJson.toString(), "--policy", f[2].toString());
    assertTrue(r.err.contains(badJson + ":1: not JSON"), r.err);

    Path badPolicy = Files.writeString(dir.resolve("bad-policy.csv"), PolicyCsv.HEADER + "\n*,1,A,0.8\n*,1,B,x\n");
    r = runRaw("ope", "estimate", "--impressions", f[0].toString(), "--policy", badPolicy.toString());
    assertTrue(r.err.contains(badPolicy + ":3: field 'probability': not a number: 'x'"), r.err);

    Path notOne = Files.writeString(dir.resolve("not-one.csv"), PolicyCsv.HEADER + "\n*,1,A,0.8\n");
    r = runRaw("ope", "estimate", "--impressions", f[0].toString(), "--policy", notOne.toString());
    assertTrue(r.err.contains("sum to 0.8"), r.err);

    Path obd = Files.writeString(dir.resolve("bad-obd.csv"), OBD_HEADER + "0,t,3,1,0,0.1,u\n1,t,4,1,2,0.1,u\n");
    r = runRaw("ope", "estimate", "--obd-csv", obd.toString(), "--policy", f[2].toString());
    assertTrue(r.err.contains(obd + ":3: field 'click': must be 0 or 1: 2"), r.err);

    Path obdProp = Files.writeString(dir.resolve("bad-prop.csv"), OBD_HEADER + "0,t,3,1,0,0,u\n");
    r = runRaw("ope", "estimate", "--obd-csv", obdProp.toString(), "--policy", f[2].toString());
    assertTrue(r.err.contains(obdProp + ":2: field 'propensity_score': must be in (0, 1]"), r.err);

    Path noColumn = Files.writeString(dir.resolve("no-col.csv"), "item_id,position,click\n1,1,0\n");
    r = runRaw("ope", "estimate", "--obd-csv", noColumn.toString(), "--policy", f[2].toString());
    assertTrue(r.err.contains(noColumn + ":1: field 'action_prob': missing from the header"), r.err);
  }

  private record Result(int code, String out, String err) {}

  private static Result runRaw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RankstackEval.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private static String run(String... args) {
    Result r = runRaw(args);
    assertEquals(0, r.code(), r.err());
    return r.out();
  }
}
