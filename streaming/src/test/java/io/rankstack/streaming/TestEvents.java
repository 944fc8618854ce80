package io.rankstack.streaming;

import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small builders of valid events for tests. */
public final class TestEvents {
  private TestEvents() {}

  /** An impression of {@code docs} at positions 1..n, each with two features and a propensity. */
  public static ImpressionEvent impression(String id, String ctx, long ts, String... docs) {
    List<ImpressionItem> items = new ArrayList<>();
    for (int i = 0; i < docs.length; i++) {
      items.add(new ImpressionItem(docs[i], i + 1, 1.0 / (i + 1), new double[] {i, 0.5}, 1.0 / (i + 1)));
    }
    return new ImpressionEvent(EventJson.SCHEMA_VERSION, id, ts, Surface.SEARCH, ctx, ctx, "u-" + ctx, "s1",
        "web", items, Map.of("ltr", "1"), null);
  }

  public static ClickEvent click(String impressionId, String ctx, String doc, int position, long ts) {
    return new ClickEvent(EventJson.SCHEMA_VERSION, impressionId, ctx, doc, position, ts, 1000);
  }
}
