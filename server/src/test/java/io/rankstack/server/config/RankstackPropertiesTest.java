package io.rankstack.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A bad setting stops the start with a message that names the property. */
class RankstackPropertiesTest {
  @Test
  void messagesNameTheProperty() {
    assertEquals("invalid setting rankstack.search.max-k=0: must be in [1, 1000]",
        assertThrows(IllegalArgumentException.class, () -> new RankstackProperties.Search(512, 0, 1000, 100, 200, 8)).getMessage());
    assertEquals("invalid setting rankstack.search.max-k=200: must be <= search.rerank-depth (100)",
        assertThrows(IllegalArgumentException.class, () -> new RankstackProperties.Search(512, 200, 1000, 100, 200, 8)).getMessage());
    assertEquals("invalid setting rankstack.bandit.pool-size=5: must be in [bandit.slate-size, 1000]",
        assertThrows(IllegalArgumentException.class, () -> new RankstackProperties.Bandit(true, 5, 10)).getMessage());
    assertEquals("invalid setting rankstack.experiments[x].ranker-a=neural: must be one of [bm25, ltr, full]",
        assertThrows(IllegalArgumentException.class, () -> new RankstackProperties.Experiment("x", "neural", "bm25", 0.1)).getMessage());
    assertEquals("invalid setting rankstack.streaming.application-server=nohost: must be host:port",
        assertThrows(IllegalArgumentException.class, () -> new RankstackProperties.Streaming(1, 0, 1, 1, "nohost")).getMessage());
    assertEquals("invalid setting rankstack.admin.api-key=(hidden): must be at least 16 characters",
        assertThrows(IllegalArgumentException.class, () -> new RankstackProperties.Admin("short")).getMessage());
  }
}
