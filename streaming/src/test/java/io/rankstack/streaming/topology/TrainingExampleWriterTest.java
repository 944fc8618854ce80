package io.rankstack.streaming.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rankstack.streaming.TestEvents;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reused writer gives each example on its own, byte for byte what {@link TrainingExample#toJson()} gives. */
class TrainingExampleWriterTest {
  @Test
  void eachExampleIsItsOwnDocumentEqualToToJson() {
    ImpressionEvent imp = TestEvents.impression("i\"1", "ctx \u00e9", 42, "a", "b\\c", "d");
    JoinedImpression j = new JoinedImpression(imp, new int[] {2}, 99);
    TrainingExampleWriter w = new TrainingExampleWriter(TrainingExample.jsonFactory());
    for (ImpressionItem it : imp.items()) {
      byte[] written = w.write(j, it);
      TrainingExample expected = TrainingExample.of(j, it);
      assertArrayEquals(expected.toJson(), written, new String(written, StandardCharsets.UTF_8));
      assertEquals(expected, TrainingExample.fromJson(written));
    }
    String second = new String(w.write(j, imp.itemAt(2)), StandardCharsets.UTF_8);
    assertEquals('{', second.charAt(0), "no separator or leftover before a later example: " + second);
    assertEquals("{\"v\":1,\"impressionId\":\"i\\\"1\",\"contextKey\":\"ctx \u00e9\",\"docId\":\"b\\\\c\",\"position\":2,"
        + "\"label\":1,\"features\":[1.0,0.5],\"propensity\":0.5,\"timestamp\":42}", second);
  }
}
