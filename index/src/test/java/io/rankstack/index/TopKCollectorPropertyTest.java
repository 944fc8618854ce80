package io.rankstack.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rankstack.core.Candidate;
import io.rankstack.core.RankedList;
import io.rankstack.index.analysis.DefaultEnglishAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The collector's top k equals the first k of every match sorted by (score desc, id asc), whatever
 * the segment layout, the number of ties, and however early dynamic pruning starts.
 */
class TopKCollectorPropertyTest {
  private static final String[] VOCAB = {"alpha", "beta", "gamma", "delta", "omega"};
  private static final String[] POOL = {"alpha", "beta gamma", "gamma delta", "alpha beta gamma", "omega", "gamma gamma"};

  @Provide
  Arbitrary<List<String>> corpus() {
    // Mostly texts from a small pool, so that many documents tie exactly; some random texts.
    Arbitrary<String> random = Arbitraries.of(VOCAB).list().ofMinSize(1).ofMaxSize(6).map(w -> String.join(" ", w));
    Arbitrary<String> doc = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(POOL)), Tuple.of(1, random));
    return doc.list().ofMinSize(1).ofMaxSize(400);
  }

  @Property(tries = 50)
  void topKEqualsSortedPrefixOfAllMatches(@ForAll("corpus") List<String> docs,
      @ForAll @IntRange(min = 1, max = 80) int k,
      @ForAll @IntRange(min = 1, max = 40) int threshold,
      @ForAll @IntRange(min = 1, max = 300) int docsPerSegment,
      @ForAll @IntRange(min = 0, max = 1 << 20) int idSeed) throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        DefaultEnglishAnalyzer analyzer = new DefaultEnglishAnalyzer()) {
      IndexWriterConfig iwc = new IndexWriterConfig(analyzer).setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(dir, iwc)) {
        // Ids in an order unrelated to insertion order, so Lucene's own tie-break (internal doc
        // number) and ours (id) disagree.
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
          perm.add(i);
        }
        Collections.shuffle(perm, new Random(idSeed));
        for (int i = 0; i < docs.size(); i++) {
          String id = String.format(Locale.ROOT, "d%04d", perm.get(i));
          org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
          d.add(new StringField(IndexFields.ID, id, Field.Store.YES));
          d.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(id)));
          d.add(new TextField(IndexFields.CONTENTS, docs.get(i), Field.Store.NO));
          w.addDocument(d);
          if ((i + 1) % docsPerSegment == 0) {
            w.commit();
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = Bm25Searcher.newIndexSearcher(reader, Bm25Parameters.DEFAULT);
        org.apache.lucene.search.Query q = BagOfWordsQuery.build(analyzer, "alpha beta gamma gamma", FieldWeights.CONTENTS);

        TopDocs all = searcher.search(q, Math.max(1, reader.maxDoc()));
        List<Candidate> every = new ArrayList<>();
        for (ScoreDoc sd : all.scoreDocs) {
          every.add(new Candidate(searcher.storedFields().document(sd.doc).get(IndexFields.ID), sd.score));
        }
        RankedList expected = RankedList.sortedByScore("q", every).top(k);

        TopKCollector.TopK top = searcher.search(q, TopKCollector.manager(k, threshold, new SegmentIds()));
        assertEquals(expected, new RankedList("q", top.candidates()));
        if (top.exact()) {
          assertEquals(every.size(), top.totalHits());
        }
      }
    }
  }
}
