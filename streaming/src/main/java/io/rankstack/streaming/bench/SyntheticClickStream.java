package io.rankstack.streaming.bench;

import io.rankstack.streaming.event.ClickEvent;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded stream of impressions and clicks as real clients send them: clicks a few seconds after
 * their impression, some clicks sent before their impression arrives (out of order), some events
 * sent twice (duplicates, a little later), and some clicks whose impression never comes (orphans).
 * Every valid click is well inside the join window, so the expected learned state is the simple
 * fold of {@link ReferenceFold}.
 *
 * @param impressions       distinct impressions
 * @param contexts          distinct context keys
 * @param docsPerContext    candidate documents per context (each impression shows {@code depth} of them)
 * @param depth             items per impression
 * @param impressionSpacing event-time gap between consecutive impressions (ms)
 * @param t0                event time of the first impression (epoch ms). Use a recent time: the
 *                          broker deletes records older than the topic's retention (7 days by
 *                          default) by their timestamps
 * @param seed              the seed; the same seed and t0 give the same stream
 */
public record SyntheticClickStream(int impressions, int contexts, int docsPerContext, int depth,
    long impressionSpacing, long t0, long seed) {
  /** Clicks come at most this long after their impression. */
  public static final long MAX_CLICK_DELAY = 20_000;
  /** Duplicates are sent at most this long after the original. */
  public static final long MAX_DUPLICATE_DELAY = 10_000;

  /** One record to send, in {@link #sendTime} order. */
  public record Event(boolean impression, String key, long timestamp, long sendTime, byte[] value,
      ImpressionEvent imp, ClickEvent click) {}

  /** The generated stream and the distinct events it carries. */
  public record Generated(List<Event> events, List<ImpressionEvent> impressions, List<ClickEvent> clicks,
      int duplicateImpressions, int duplicateClicks, int outOfOrderClicks, int orphanClicks, long lastTimestamp) {}

  public Generated generate() {
    SplittableRandom r = new SplittableRandom(seed);
    List<Event> ev = new ArrayList<>();
    List<ImpressionEvent> imps = new ArrayList<>();
    List<ClickEvent> clicks = new ArrayList<>();
    int dupImp = 0;
    int dupClick = 0;
    int ooo = 0;
    int orphans = 0;
    long last = 0;
    for (int i = 0; i < impressions; i++) {
      long ts = t0 + i * impressionSpacing;
      String ctx = "ctx-" + r.nextInt(contexts);
      String id = "imp-" + seed + "-" + i;
      List<ImpressionItem> items = new ArrayList<>(depth);
      int first = r.nextInt(docsPerContext);
      for (int p = 1; p <= depth; p++) {
        String doc = ctx + "-doc-" + ((first + p * 7) % docsPerContext);
        items.add(new ImpressionItem(doc, p, 1.0 / p, new double[] {p, r.nextDouble()}, 1.0 / p));
      }
      ImpressionEvent imp = new ImpressionEvent(EventJson.SCHEMA_VERSION, id, ts, Surface.SEARCH, ctx, ctx, null,
          null, null, items, Map.of(), null);
      byte[] ib = EventJson.write(imp);
      imps.add(imp);
      ev.add(new Event(true, ctx, ts, ts, ib, imp, null));
      if (r.nextInt(100) < 5) {
        ev.add(new Event(true, ctx, ts, ts + r.nextLong(MAX_DUPLICATE_DELAY), ib, imp, null));
        dupImp++;
      }
      // Cascade-like clicks: 0, 1 or 2 clicks at increasing positions.
      int nClicks = r.nextInt(100) < 40 ? 0 : r.nextInt(100) < 70 ? 1 : 2;
      int pos = 0;
      for (int c = 0; c < nClicks && pos < depth; c++) {
        pos = pos + 1 + r.nextInt(Math.max(1, (depth - pos) / 2));
        if (pos > depth) {
          break;
        }
        long cts = ts + 1 + r.nextLong(MAX_CLICK_DELAY);
        ClickEvent ce = new ClickEvent(EventJson.SCHEMA_VERSION, id, ctx, items.get(pos - 1).docId(), pos, cts, 500);
        byte[] cb = EventJson.write(ce);
        clicks.add(ce);
        long send = cts;
        if (r.nextInt(100) < 10) {
          send = ts - 1 - r.nextLong(2_000); // before its impression
          ooo++;
        }
        ev.add(new Event(false, ctx, cts, send, cb, null, ce));
        if (r.nextInt(100) < 10) {
          ev.add(new Event(false, ctx, cts, send + r.nextLong(MAX_DUPLICATE_DELAY), cb, null, ce));
          dupClick++;
        }
        last = Math.max(last, cts);
      }
      if (r.nextInt(1000) < 5) {
        ClickEvent orphan = new ClickEvent(EventJson.SCHEMA_VERSION, "missing-" + id, ctx, items.get(0).docId(), 1,
            ts + 5, -1);
        ev.add(new Event(false, ctx, orphan.timestamp(), orphan.timestamp(), EventJson.write(orphan), null, orphan));
        orphans++;
      }
      last = Math.max(last, ts);
    }
    ev.sort(Comparator.comparingLong(Event::sendTime));
    return new Generated(ev, imps, clicks, dupImp, dupClick, ooo, orphans, last);
  }
}
