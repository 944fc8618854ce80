package io.rankstack.streaming.event;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serdes for the events, over {@link EventJson}. Deserialising validates and throws
 * {@link EventFormatException}; the learn loop itself reads raw bytes so that it can dead-letter
 * bad events instead.
 */
public final class EventSerdes {
  private EventSerdes() {}

  public static Serde<ImpressionEvent> impressions() {
    Serializer<ImpressionEvent> ser = (topic, e) -> e == null ? null : EventJson.write(e);
    Deserializer<ImpressionEvent> de = (topic, b) -> b == null ? null : EventJson.readImpression(b, null);
    return Serdes.serdeFrom(ser, de);
  }

  public static Serde<ClickEvent> clicks() {
    Serializer<ClickEvent> ser = (topic, e) -> e == null ? null : EventJson.write(e);
    Deserializer<ClickEvent> de = (topic, b) -> b == null ? null : EventJson.readClick(b, null);
    return Serdes.serdeFrom(ser, de);
  }
}
