package io.rankstack.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole loop in one JVM: search → impression to Kafka → click to Kafka → exactly-once join →
 * CascadeKL-UCB state in RocksDB → read back by serving. A lower-ranked result that gets clicked
 * again and again moves to the top for its query within a bounded time; another query's ranking,
 * shown as often but never clicked, stays as it was.
 */
class EndToEndTest extends ServerTestBase {
  private static final String CLICKED_QUERY = "boundary layer flow";
  private static final String OTHER_QUERY = "heat transfer to a cylinder";
  private static final int START_POSITION = 8;

  @Test
  void clickedResultMovesUpWhileAnotherQueryIsUnaffected() throws InterruptedException {
    JsonNode first = search(CLICKED_QUERY, 10);
    String target = first.get("items").get(START_POSITION - 1).get("docId").asText();
    List<String> otherBefore = ids(search(OTHER_QUERY, 10));

    long deadline = System.nanoTime() + 90_000_000_000L;
    int position = START_POSITION;
    int rounds = 0;
    while (position > 1 && System.nanoTime() < deadline) {
      JsonNode r = search(CLICKED_QUERY, 10);
      position = ids(r).indexOf(target) + 1;
      assertTrue(position >= 1, "the clicked document left the top 10: " + ids(r));
      if (position == 1) {
        break;
      }
      assertEquals(202, click(r, position));
      search(OTHER_QUERY, 10); // shown as often, never clicked
      rounds++;
      Thread.sleep(1100); // past the 1 s join window, so the next impression closes this one
    }
    assertEquals(1, position, "document " + target + " did not reach rank 1 after " + rounds + " clicked rounds");

    JsonNode after = search(CLICKED_QUERY, 10);
    JsonNode bandit = after.get("stages").get(after.get("stages").size() - 1);
    assertEquals("bandit", bandit.get("stage").asText());
    assertTrue(bandit.get("modelVersion").asText().matches("cascade-kl-ucb round [1-9][0-9]*"), bandit.toString());
    assertEquals(otherBefore, ids(search(OTHER_QUERY, 10)), "a query that got no clicks must keep its order");
  }

  private static List<String> ids(JsonNode r) {
    List<String> out = new ArrayList<>();
    r.get("items").forEach(i -> out.add(i.get("docId").asText()));
    return out;
  }
}
