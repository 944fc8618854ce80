package io.rankstack.streaming.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rankstack.streaming.TestEvents;
import io.rankstack.streaming.event.EventJson;
import io.rankstack.streaming.event.ImpressionEvent;
import io.rankstack.streaming.event.ImpressionItem;
import io.rankstack.streaming.event.Surface;
import io.rankstack.streaming.topology.PendingImpression.SourcedClick;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The join state's binary codec: exact round trips, and the older JSON form still read. */
class PendingImpressionCodecTest {
  private final Serde<PendingImpression> serde = PendingImpression.serde();

  private PendingImpression roundTrip(PendingImpression p) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", p));
  }

  @Test
  void everyFieldSurvives() {
    ImpressionEvent full = new ImpressionEvent(EventJson.SCHEMA_VERSION, "imp-ü1", 1_700_000_000_123L,
        Surface.RECOMMEND, "user 42", "läufer schuhe", "u42", "s9", "shop",
        List.of(new ImpressionItem("d1", 1, 0.75, new double[] {1.5, -0.0, 1e-300}, 0.5),
            new ImpressionItem("d2", 3, -2.0, new double[0], Double.NaN)),
        Map.of("ltr", "7", "bandit", "kl-ucb"), new ImpressionEvent.Experiment("exp-1", List.of("A", "B")));
    SourcedClick c = new SourcedClick(TestEvents.click("imp-ü1", "user 42", "d2", 3, 1_700_000_000_500L), 1, 77);
    PendingImpression p = new PendingImpression("user 42", full, List.of(c), 1_700_000_060_000L, false);
    PendingImpression back = roundTrip(p);
    assertEquals(p, back);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.impression().items().get(0).feature(1)));
  }

  @Test
  void nullsAndClosedEntriesSurvive() {
    ImpressionEvent bare = new ImpressionEvent(EventJson.SCHEMA_VERSION, "i", 0, Surface.SEARCH, "c", null, null,
        null, null, List.of(new ImpressionItem("d", 1, 0, null, Double.NaN)), null, null);
    PendingImpression p = new PendingImpression("c", bare, List.of(), 5, false);
    assertEquals(p, roundTrip(p));
    PendingImpression closed = new PendingImpression("c", null, List.of(), 9, true);
    PendingImpression back = roundTrip(closed);
    assertNull(back.impression());
    assertEquals(closed, back);
  }

  @Test
  void readsTheJsonFormOfVersionOne() throws Exception {
    ImpressionEvent imp = TestEvents.impression("i1", "shoes", 1000, "d1", "d2");
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(bo);
    o.writeByte(1);
    o.writeBoolean(false);
    o.writeLong(61_000);
    o.writeUTF("shoes");
    byte[] json = EventJson.write(imp);
    o.writeInt(json.length);
    o.write(json);
    o.writeInt(0);
    o.flush();
    assertEquals(new PendingImpression("shoes", imp, List.of(), 61_000, false),
        serde.deserializer().deserialize("t", bo.toByteArray()));
  }

  @Test
  void readsTheDataStreamFormOfVersionTwo() throws Exception {
    ImpressionEvent imp = TestEvents.impression("imp-ü2", "läufer", 1000, "d1", "d2");
    BinaryWriter impression = new BinaryWriter(64);
    ImpressionBinary.write(impression, imp); // version 2 wrote the impression in this same layout
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(bo);
    o.writeByte(2);
    o.writeBoolean(false);
    o.writeLong(61_000);
    o.writeUTF("läufer");
    o.writeBoolean(true);
    o.write(impression.toByteArray());
    o.writeInt(1);
    o.writeUTF("imp-ü2");
    o.writeUTF("d2");
    o.writeInt(2);
    o.writeLong(1_500);
    o.writeLong(1000);
    o.writeInt(3);
    o.writeLong(88);
    o.flush();
    SourcedClick c = new SourcedClick(TestEvents.click("imp-ü2", "läufer", "d2", 2, 1_500), 3, 88);
    assertEquals(new PendingImpression("läufer", imp, List.of(c), 61_000, false),
        serde.deserializer().deserialize("t", bo.toByteArray()));
  }

  @Test
  void writesTheCurrentVersion() {
    PendingImpression closed = new PendingImpression("c", null, List.of(), 9, true);
    assertEquals(PendingImpression.CODEC_VERSION, serde.serializer().serialize("t", closed)[0]);
    assertEquals(3, PendingImpression.CODEC_VERSION);
  }
}
