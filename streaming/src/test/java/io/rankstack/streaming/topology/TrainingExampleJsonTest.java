package io.rankstack.streaming.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training-example topic's record: one per joined impression, exact round trip of its examples. */
class TrainingExampleJsonTest {
  private static ImpressionEvent impression(ImpressionItem... items) {
    return new ImpressionEvent(EventJson.SCHEMA_VERSION, "imp-ü1", 1_700_000_000_123L, Surface.SEARCH, "ctx \"q\"",
        "q", null, null, null, List.of(items), null, null);
  }

  @Test
  void examinedItemsRoundTripInListOrderWithLabels() {
    // Items listed out of position order; clicks at 3 and 1: examined down to position 3.
    ImpressionEvent imp = impression(
        new ImpressionItem("d3", 3, 0, new double[] {1e-300, -0.0, 0.1 + 0.2}, 0.25),
        new ImpressionItem("d1", 1, 0, new double[] {1.5}, Double.NaN),
        new ImpressionItem("d4", 4, 0, new double[] {9}, 0.5),
        new ImpressionItem("d2", 2, 0, null, 1.0));
    JoinedImpression j = new JoinedImpression(imp, new int[] {3, 1}, 5);
    List<TrainingExample> back = TrainingExampleJson.read(TrainingExampleJson.write(j));
    List<TrainingExample> expected = List.of(
        new TrainingExample("imp-ü1", "ctx \"q\"", "d3", 3, 1, new double[] {1e-300, -0.0, 0.1 + 0.2}, 0.25,
            1_700_000_000_123L),
        new TrainingExample("imp-ü1", "ctx \"q\"", "d1", 1, 1, new double[] {1.5}, Double.NaN, 1_700_000_000_123L),
        new TrainingExample("imp-ü1", "ctx \"q\"", "d2", 2, 0, new double[0], 1.0, 1_700_000_000_123L));
    assertEquals(expected, back, "d4 is below the last click: not examined, no example");
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.get(0).features()[1]));
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(TrainingExample.of(j, imp.itemAt(expected.get(i).position())), back.get(i));
    }
  }

  @Test
  void withoutAClickEveryItemIsANegativeExample() {
    JoinedImpression j = new JoinedImpression(impression(new ImpressionItem("a", 1, 0, new double[] {2}, 0.5),
        new ImpressionItem("b", 2, 0, new double[] {3}, 0.5)), new int[0], 5);
    byte[] record = TrainingExampleJson.write(j);
    assertTrue(new String(record, StandardCharsets.UTF_8).startsWith("{\"v\":2,"));
    assertEquals(List.of("a:0", "b:0"), TrainingExampleJson.read(record).stream()
        .map(e -> e.docId() + ":" + e.label()).toList());
  }

  @Test
  void otherVersionsAndBrokenRecordsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> TrainingExampleJson.read("{\"v\":1,\"impressionId\":\"i\"}".getBytes(StandardCharsets.UTF_8)));
    assertThrows(IllegalArgumentException.class,
        () -> TrainingExampleJson.read("{\"v\":2,".getBytes(StandardCharsets.UTF_8)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingExampleJson.read(
        "{\"v\":2,\"impressionId\":\"i\",\"contextKey\":\"c\",\"timestamp\":1}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("examples"), e.getMessage());
  }
}
