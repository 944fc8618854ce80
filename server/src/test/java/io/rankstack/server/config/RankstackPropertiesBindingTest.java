package io.rankstack.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding as Spring Boot does at start: documented defaults with no settings, and a stop naming the bad key. */
class RankstackPropertiesBindingTest {
  private static RankstackProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("rankstack", RankstackProperties.class);
  }

  @Test
  void noSettingsGiveTheDocumentedDefaults() {
    RankstackProperties p = bind(Map.of());
    assertEquals(Path.of("data"), p.dataDir());
    assertEquals("", p.kafka().bootstrapServers());
    assertEquals(30_000, p.kafka().retryMaxMs());
    assertEquals(60_000, p.streaming().joinWindowMs());
    assertEquals("cranfield", p.index().collection());
    assertEquals(List.of("contents", "title", "text"), p.index().fields());
    assertEquals(1000, p.search().retrievalDepth());
    assertEquals(100, p.search().rerankDepth());
    assertEquals(10, p.bandit().slateSize());
    assertTrue(p.ltr().enabled());
    assertEquals(List.of(), p.experiments());
    assertEquals(30_000, p.server().snapshotIntervalMs());
  }

  @Test
  void settingsBindAndABadOneStopsTheStart() {
    RankstackProperties p = bind(Map.of("rankstack.kafka.bootstrap-servers", "broker:9092", "rankstack.data-dir", "/srv/rs",
        "rankstack.experiments[0].id", "e1", "rankstack.experiments[0].ranker-a", "ltr", "rankstack.experiments[0].ranker-b", "bm25"));
    assertEquals("broker:9092", p.kafka().bootstrapServers());
    assertEquals(Path.of("/srv/rs"), p.dataDir());
    assertEquals(0.1, p.experiments().get(0).trafficShare(), 0);
    BindException e = assertThrows(BindException.class, () -> bind(Map.of("rankstack.search.max-k", "0")));
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertEquals("invalid setting rankstack.search.max-k=0: must be in [1, 1000]", root.getMessage());
    assertEquals(5_000, bind(Map.of("rankstack.server.snapshot-interval-ms", "5000")).server().snapshotIntervalMs());
    e = assertThrows(BindException.class, () -> bind(Map.of("rankstack.server.snapshot-interval-ms", "0")));
    root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertEquals("invalid setting rankstack.server.snapshot-interval-ms=0: must be >= 100", root.getMessage());
    assertEquals(2_000, bind(Map.of("rankstack.kafka.retry-max-ms", "2000")).kafka().retryMaxMs());
    e = assertThrows(BindException.class, () -> bind(Map.of("rankstack.kafka.retry-max-ms", "99")));
    root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertEquals("invalid setting rankstack.kafka.retry-max-ms=99: must be >= 100", root.getMessage());
  }
}
