package io.rankstack.index;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;

/**
 * External document ids by segment, read from the {@link IndexFields#ID} sorted doc values once per
 * document and then kept.
 *
 * <p>Why: a search returns ids, not Lucene's internal numbers, and turning a doc-values ordinal into
 * a string ({@code lookupOrd} plus UTF-8 decoding) costs more than scoring the document. Segments
 * are immutable, so an id read once stays right for the segment's life; the cache is keyed by the
 * segment core's cache key and held weakly, so it goes when Lucene drops the segment, and it is
 * shared by every searcher over the same segments (an {@link UpdatableIndex} refresh reuses the
 * ids of unchanged segments). Memory: one reference per document of a segment that was searched,
 * plus the strings of documents that were ever returned or compared.
 *
 * <p>Thread-safe: two threads may both read the same id; both write the same immutable string.
 */
final class SegmentIds {
  private final Map<IndexReader.CacheKey, String[]> bySegment = Collections.synchronizedMap(new WeakHashMap<>());

  /** An id reader for one segment; use it from one thread, with documents in increasing order. */
  Leaf leaf(LeafReaderContext context) throws IOException {
    IndexReader.CacheHelper helper = context.reader().getCoreCacheHelper();
    int maxDoc = context.reader().maxDoc();
    String[] ids = helper == null
        ? new String[maxDoc]
        : bySegment.computeIfAbsent(helper.getKey(), key -> new String[maxDoc]);
    return new Leaf(ids, DocValues.getSorted(context.reader(), IndexFields.ID), context.ord);
  }

  /** Reads ids of one segment through the shared cache. */
  static final class Leaf {
    private final String[] ids;
    private final SortedDocValues docValues;
    private final int segment;

    private Leaf(String[] ids, SortedDocValues docValues, int segment) {
      this.ids = ids;
      this.docValues = docValues;
      this.segment = segment;
    }

    /** The external id of segment-local document {@code doc}. */
    String id(int doc) throws IOException {
      String id = ids[doc];
      if (id == null) {
        if (!docValues.advanceExact(doc)) {
          throw new IllegalStateException("document " + doc + " of segment " + segment + " has no '" + IndexFields.ID + "' doc value");
        }
        id = docValues.lookupOrd(docValues.ordValue()).utf8ToString();
        ids[doc] = id;
      }
      return id;
    }
  }
}
