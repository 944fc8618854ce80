package io.rankstack.eval.retrieval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankstack.index.io.DocumentFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment's index is built once and reused. */
class ExperimentIndexTest {
  @TempDir
  Path dir;

  @Test
  void buildsOnceThenReuses() throws Exception {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, "{\"_id\":\"d1\",\"title\":\"wing\",\"text\":\"lift and drag\"}\n"
        + "{\"_id\":\"d2\",\"title\":\"flow\",\"text\":\"laminar boundary layer\"}\n");
    Path index = dir.resolve("index");
    assertFalse(ExperimentIndex.committed(index), "no folder yet");
    Files.createDirectories(index);
    assertFalse(ExperimentIndex.committed(index), "an empty folder");
    StringWriter first = new StringWriter();
    ExperimentIndex.ensure(DocumentFormat.BEIR, corpus, index, new PrintWriter(first, true));
    assertTrue(first.toString().startsWith("indexed 2 documents from " + corpus), first.toString());
    assertTrue(ExperimentIndex.committed(index));
    StringWriter second = new StringWriter();
    ExperimentIndex.ensure(DocumentFormat.BEIR, corpus, index, new PrintWriter(second, true));
    assertTrue(second.toString().startsWith("using the existing index"), second.toString());
  }
}
