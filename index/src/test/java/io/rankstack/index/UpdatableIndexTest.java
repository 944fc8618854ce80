package io.rankstack.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.core.Document;
import io.rankstack.core.Query;
import io.rankstack.core.RankedList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdatableIndexTest {
  @TempDir Path tmp;

  private static Document doc(String id, String contents) {
    return new Document(id, Map.of("contents", contents));
  }

  private static List<String> find(Bm25Searcher s, String text) {
    return s.search(new Query("q", text), 100).docIds();
  }

  private static List<String> find(UpdatableIndex index, String text) throws IOException {
    return index.search(SearchRequest.of(new Query("q", text), 100)).ranking().docIds();
  }

  @Test
  void changesBecomeVisibleOnRefreshWhileAHeldSearcherKeepsItsView() throws IOException {
    try (UpdatableIndex index = UpdatableIndex.open(tmp.resolve("idx"), IndexConfig.defaults())) {
      index.add(doc("a", "red apple"));
      index.add(doc("b", "red brick"));
      assertEquals(List.of(), find(index, "red")); // not refreshed yet
      index.refresh();
      try (Bm25Searcher held = index.acquire()) {
        assertEquals(List.of("a", "b"), find(held, "red"));

        index.add(doc("c", "red car"));
        index.update(doc("a", "green apple"));
        index.delete("b");
        assertEquals(List.of("a", "b"), find(held, "red"));
        index.refresh();

        assertEquals(List.of("a", "b"), find(held, "red")); // the held view does not move
        assertEquals(2, held.documentCount());
        assertEquals(List.of("c"), find(index, "red"));
        assertEquals(List.of("a"), find(index, "green"));
        try (Bm25Searcher now = index.acquire()) {
          assertEquals(2, now.documentCount());
          assertEquals("green apple", now.document("a").orElseThrow().field("contents"));
        }
      }
    }
  }

  @Test
  void addingAnExistingIdReplacesItSoIdsStayUnique() throws IOException {
    try (UpdatableIndex index = UpdatableIndex.open(tmp.resolve("idx"), IndexConfig.defaults())) {
      index.add(doc("a", "word one"));
      index.add(doc("a", "word two"));
      index.refresh();
      RankedList r = index.search(SearchRequest.of(new Query("q", "word"), 10)).ranking();
      assertEquals(List.of("a"), r.docIds());
      index.delete("missing"); // deleting an absent id is a no-op
      index.refresh();
      assertEquals(List.of("a"), find(index, "word"));
    }
  }

  @Test
  void committedChangesSurviveACrash() throws IOException {
    Path dir = tmp.resolve("idx");
    UpdatableIndex index = UpdatableIndex.open(dir, IndexConfig.defaults());
    try {
      index.add(doc("a", "durable one"));
      index.add(doc("b", "durable two"));
      index.commit();
      index.add(doc("c", "durable lost"));
      index.delete("a");
      index.refresh(); // visible, even flushed to segment files, but not committed

      // Crash 1: another process opening the directory now sees exactly the last commit.
      try (Directory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d);
          Bm25Searcher s = Bm25Searcher.of(r, Bm25Parameters.DEFAULT, new io.rankstack.index.analysis.DefaultEnglishAnalyzer())) {
        assertEquals(List.of("a", "b"), find(s, "durable"));
      }

      // Crash 2: the files as the dead process left them (writer never closed, lock file and
      // uncommitted segments included) are opened for writing again.
      Path copy = tmp.resolve("after-crash");
      Files.createDirectories(copy);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
      try (UpdatableIndex reopened = UpdatableIndex.open(copy, IndexConfig.defaults())) {
        assertEquals(List.of("a", "b"), find(reopened, "durable"));
        reopened.add(doc("d", "durable again"));
        reopened.refresh();
        assertEquals(List.of("a", "b", "d"), find(reopened, "durable"));
      }
    } finally {
      index.close();
    }
  }

  @Test
  void closeCommitsIsIdempotentAndThenRefusesWork() throws IOException {
    Path dir = tmp.resolve("idx");
    UpdatableIndex index = UpdatableIndex.open(dir, IndexConfig.defaults());
    index.add(doc("a", "kept on close"));
    index.close();
    index.close();
    assertThrows(IllegalStateException.class, () -> index.add(doc("b", "x")));
    assertThrows(IllegalStateException.class, index::refresh);
    assertThrows(IllegalStateException.class, index::acquire);
    try (UpdatableIndex again = UpdatableIndex.open(dir, IndexConfig.defaults())) {
      assertEquals(List.of("a"), find(again, "kept"));
    }
  }

  @Test
  void searchesRunWhileDocumentsAreWritten() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicBoolean stop = new AtomicBoolean();
    try (UpdatableIndex index = UpdatableIndex.open(tmp.resolve("idx"), IndexConfig.defaults())) {
      Future<Integer> searches = pool.submit(() -> {
        int n = 0;
        while (!stop.get()) {
          try (Bm25Searcher s = index.acquire()) {
            RankedList r = s.search(new Query("q", "shared word"), 1000);
            // A consistent snapshot: every hit once, ids in score-then-id order.
            assertEquals(RankedList.sortedByScore("q", r.candidates()), r);
          }
          n++;
        }
        return n;
      });
      for (int i = 0; i < 300; i++) {
        index.update(doc("d" + (i % 50), "shared word " + i));
        if (i % 7 == 0) {
          index.delete("d" + ((i * 3) % 50));
        }
        if (i % 10 == 0) {
          index.refresh();
        }
      }
      index.refresh();
      stop.set(true);
      assertTrue(searches.get(30, TimeUnit.SECONDS) > 0);
      try (Bm25Searcher s = index.acquire()) {
        assertEquals(s.documentCount(), find(s, "shared").size());
      }
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }
}
