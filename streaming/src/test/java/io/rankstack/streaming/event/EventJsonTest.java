package io.rankstack.streaming.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rankstack.streaming.TestEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void impressionRoundTripsWithEveryField() {
    ImpressionEvent e = new ImpressionEvent(1, "i1", 123, Surface.RECOMMEND, "user-7", null, "user-7", "s", "news",
        List.of(new ImpressionItem("d1", 1, 2.5, new double[] {1, 2}, 0.5),
            new ImpressionItem("d2", 2, 1.5, new double[0], Double.NaN)),
        Map.of("ltr", "3"), new ImpressionEvent.Experiment("x1", List.of("A", "B")));
    assertEquals(e, EventJson.readImpression(EventJson.write(e), "user-7"));
  }

  @Test
  void clickRoundTrips() {
    ClickEvent c = TestEvents.click("i1", "q", "d", 3, 99);
    assertEquals(c, EventJson.readClick(EventJson.write(c), "q"));
    ClickEvent noDwell = new ClickEvent(1, "i1", "q", "d", 3, 99, -1);
    assertEquals(noDwell, EventJson.readClick(EventJson.write(noDwell), null));
  }

  @Property(tries = 200, seed = "20261129")
  void anyValidClickRoundTrips(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String id,
      @ForAll @StringLength(min = 1, max = 30) String ctx, @ForAll @IntRange(min = 1, max = 1000) int pos,
      @ForAll @LongRange(min = 0) long ts) {
    if (ctx.indexOf('\u0000') >= 0) {
      return;
    }
    ClickEvent c = new ClickEvent(1, id, ctx, "doc", pos, ts, -1);
    assertEquals(c, EventJson.readClick(EventJson.write(c), ctx));
  }

  private static void rejects(DeadLetterReason reason, String field, String json) {
    EventFormatException e = assertThrows(EventFormatException.class,
        () -> EventJson.readImpression(b(json), "q"));
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
  }

  private static final String ITEMS = "\"items\":[{\"docId\":\"d\",\"position\":1,\"score\":1}]";

  @Test
  void impressionValidation() {
    rejects(DeadLetterReason.MALFORMED_JSON, null, "{not json");
    rejects(DeadLetterReason.MALFORMED_JSON, null, "[1,2]");
    rejects(DeadLetterReason.MALFORMED_JSON, null, "");
    rejects(DeadLetterReason.UNKNOWN_VERSION, "v",
        "{\"v\":2,\"impressionId\":\"i\",\"timestamp\":1,\"surface\":\"search\",\"contextKey\":\"q\"," + ITEMS + "}");
    rejects(DeadLetterReason.INVALID, "v",
        "{\"impressionId\":\"i\",\"timestamp\":1,\"surface\":\"search\",\"contextKey\":\"q\"," + ITEMS + "}");
    rejects(DeadLetterReason.INVALID, "impressionId",
        "{\"v\":1,\"timestamp\":1,\"surface\":\"search\",\"contextKey\":\"q\"," + ITEMS + "}");
    rejects(DeadLetterReason.INVALID, "impressionId",
        "{\"v\":1,\"impressionId\":7,\"timestamp\":1,\"surface\":\"search\",\"contextKey\":\"q\"," + ITEMS + "}");
    rejects(DeadLetterReason.INVALID, "timestamp",
        "{\"v\":1,\"impressionId\":\"i\",\"timestamp\":-1,\"surface\":\"search\",\"contextKey\":\"q\"," + ITEMS + "}");
    rejects(DeadLetterReason.INVALID, "timestamp",
        "{\"v\":1,\"impressionId\":\"i\",\"timestamp\":\"x\",\"surface\":\"search\",\"contextKey\":\"q\"," + ITEMS + "}");
    rejects(DeadLetterReason.INVALID, "surface",
        "{\"v\":1,\"impressionId\":\"i\",\"timestamp\":1,\"surface\":\"email\",\"contextKey\":\"q\"," + ITEMS + "}");
    rejects(DeadLetterReason.INVALID, "contextKey",
        "{\"v\":1,\"impressionId\":\"i\",\"timestamp\":1,\"surface\":\"search\",\"contextKey\":\"other\"," + ITEMS + "}");
    rejects(DeadLetterReason.INVALID, "items",
        "{\"v\":1,\"impressionId\":\"i\",\"timestamp\":1,\"surface\":\"search\",\"contextKey\":\"q\",\"items\":[]}");
    String head = "{\"v\":1,\"impressionId\":\"i\",\"timestamp\":1,\"surface\":\"search\",\"contextKey\":\"q\",";
    rejects(DeadLetterReason.INVALID, "items[0].position", head + "\"items\":[{\"docId\":\"d\",\"position\":0}]}");
    rejects(DeadLetterReason.INVALID, "items[0].position", head + "\"items\":[{\"docId\":\"d\",\"position\":1.5}]}");
    rejects(DeadLetterReason.INVALID, "items[1].position",
        head + "\"items\":[{\"docId\":\"d\",\"position\":1},{\"docId\":\"e\",\"position\":1}]}");
    rejects(DeadLetterReason.INVALID, "items[0].docId", head + "\"items\":[{\"position\":1}]}");
    rejects(DeadLetterReason.INVALID, "items[0].score", head + "\"items\":[{\"docId\":\"d\",\"position\":1,\"score\":\"high\"}]}");
    rejects(DeadLetterReason.INVALID, "items[0].features[1]",
        head + "\"items\":[{\"docId\":\"d\",\"position\":1,\"features\":[1,\"x\"]}]}");
    rejects(DeadLetterReason.INVALID, "items[0].propensity",
        head + "\"items\":[{\"docId\":\"d\",\"position\":1,\"propensity\":1.5}]}");
    rejects(DeadLetterReason.INVALID, "experiment.teams", head + ITEMS + ",\"experiment\":{\"id\":\"x\",\"teams\":[]}}");
  }

  @Test
  void clickValidation() {
    String ok = "{\"v\":1,\"impressionId\":\"i\",\"contextKey\":\"q\",\"docId\":\"d\",\"position\":2,\"timestamp\":5}";
    assertEquals(2, EventJson.readClick(b(ok), "q").position());
    EventFormatException e = assertThrows(EventFormatException.class,
        () -> EventJson.readClick(b(ok.replace("\"position\":2", "\"position\":0")), "q"));
    assertEquals(DeadLetterReason.INVALID, e.reason());
    assertEquals("position", e.field());
    e = assertThrows(EventFormatException.class, () -> EventJson.readClick(b(ok.replace("\"docId\":\"d\",", "")), "q"));
    assertEquals("docId", e.field());
    e = assertThrows(EventFormatException.class, () -> EventJson.readClick(b(ok.replace("\"v\":1", "\"v\":9")), "q"));
    assertEquals(DeadLetterReason.UNKNOWN_VERSION, e.reason());
    e = assertThrows(EventFormatException.class, () -> EventJson.readClick(b(ok), "other"));
    assertEquals("contextKey", e.field());
    e = assertThrows(EventFormatException.class,
        () -> EventJson.readClick(b(ok.replace("}", ",\"dwellMillis\":-3}")), "q"));
    assertEquals("dwellMillis", e.field());
  }

  @Test
  void unknownFieldsAreIgnored() {
    String ok = "{\"v\":1,\"impressionId\":\"i\",\"contextKey\":\"q\",\"docId\":\"d\",\"position\":2,\"timestamp\":5,\"extra\":[1]}";
    assertEquals("d", EventJson.readClick(b(ok), "q").docId());
  }

  @Test
  void repeatedNamesTrailingContentAndHugeIntegersAreRejected() {
    String ok = "{\"v\":1,\"impressionId\":\"i\",\"contextKey\":\"q\",\"docId\":\"d\",\"position\":2,\"timestamp\":5}";
    EventFormatException e = assertThrows(EventFormatException.class,
        () -> EventJson.readClick(b(ok.replace("\"position\":2", "\"position\":2,\"position\":3")), "q"));
    assertEquals(DeadLetterReason.MALFORMED_JSON, e.reason(), "which position did the producer mean?");
    e = assertThrows(EventFormatException.class, () -> EventJson.readClick(b(ok + " {}"), "q"));
    assertEquals(DeadLetterReason.MALFORMED_JSON, e.reason(), "content after the event");
    // 2^64 + 5 and 2^64 + 1 read as a long wrap to 5 and 1: they must fail, not pass as those.
    e = assertThrows(EventFormatException.class,
        () -> EventJson.readClick(b(ok.replace("}", ",\"dwellMillis\":18446744073709551621}")), "q"));
    assertEquals("dwellMillis", e.field());
    e = assertThrows(EventFormatException.class,
        () -> EventJson.readClick(b(ok.replace("\"v\":1", "\"v\":18446744073709551617")), "q"));
    assertEquals(DeadLetterReason.UNKNOWN_VERSION, e.reason());
    assertEquals(5, EventJson.readClick(b(ok + "  \n"), "q").timestamp(), "trailing whitespace is fine");
  }
}
