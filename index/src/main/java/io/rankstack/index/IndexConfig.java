package io.rankstack.index;

import io.rankstack.index.io.DocumentFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How documents become Lucene documents: which text fields are exact-match keywords instead of
 * analysed text, which fields are joined into the flat {@value IndexFields#CONTENTS} field, and
 * whether field values are stored for retrieval.
 *
 * <p>Every string field of a {@link io.rankstack.core.Document} not named in {@code keywordFields}
 * is indexed as analysed text (frequencies and positions, norms for BM25). Every numeric attribute
 * is indexed for range filters. See {@link IndexFields} for the exact Lucene field types.
 *
 * @param keywordFields fields indexed as one exact, unanalysed term each (for term filters)
 * @param contentsFrom  text fields joined, in this order with a space between, into an extra
 *                      analysed field {@value IndexFields#CONTENTS}; empty for none. BEIR flat
 *                      indexes use {@code [title, text]}, as Anserini's {@code BeirFlatCollection}
 * @param storeFields   whether text, keyword and numeric values are stored (needed by
 *                      {@link Bm25Searcher#document}); the id is always stored, the derived
 *                      {@code contents} never
 */
public record IndexConfig(Set<String> keywordFields, List<String> contentsFrom, boolean storeFields) {

  public IndexConfig {
    keywordFields = Set.copyOf(keywordFields);
    contentsFrom = List.copyOf(contentsFrom);
    for (String f : keywordFields) {
      checkName(f, "keyword field");
      if (f.equals(IndexFields.CONTENTS)) {
        throw new IllegalArgumentException("'" + IndexFields.CONTENTS + "' cannot be a keyword field: it is the default text field");
      }
    }
    for (String f : contentsFrom) {
      checkName(f, "contents source field");
      if (keywordFields.contains(f)) {
        throw new IllegalArgumentException("field '" + f + "' cannot be both a keyword field and a source of '" + IndexFields.CONTENTS + "'");
      }
      if (f.equals(IndexFields.CONTENTS)) {
        throw new IllegalArgumentException("'" + IndexFields.CONTENTS + "' cannot be built from itself");
      }
    }
    if (Set.copyOf(contentsFrom).size() != contentsFrom.size()) {
      throw new IllegalArgumentException("contents source fields repeat: " + contentsFrom);
    }
  }

  private static void checkName(String f, String what) {
    Objects.requireNonNull(f, what);
    if (f.isBlank() || f.equals(IndexFields.ID)) {
      throw new IllegalArgumentException(what + " name '" + f + "' is blank or reserved ('" + IndexFields.ID + "' is the document id)");
    }
  }

  /** No keywords, no flat contents field, values stored. */
  public static IndexConfig defaults() {
    return new IndexConfig(Set.of(), List.of(), true);
  }

  /**
   * The usual configuration for a format: BEIR builds {@code contents} from {@code title} and
   * {@code text} ("flat" index); Anserini JSON and TREC documents carry {@code contents} already; plain
   * JSON builds nothing (search its fields by name, or set {@link #withContentsFrom}).
   */
  public static IndexConfig forFormat(DocumentFormat format) {
    return switch (format) {
      case BEIR -> new IndexConfig(Set.of(), List.of("title", "text"), true);
      case ANSERINI_JSON, TREC, JSON -> defaults();
    };
  }

  /** This configuration with other keyword fields. */
  public IndexConfig withKeywordFields(String... fields) {
    return new IndexConfig(Set.of(fields), contentsFrom, storeFields);
  }

  /** This configuration with another list of fields joined into {@code contents}. */
  public IndexConfig withContentsFrom(String... fields) {
    return new IndexConfig(keywordFields, List.of(fields), storeFields);
  }

  /** This configuration with storing switched on or off. */
  public IndexConfig withStoreFields(boolean store) {
    return new IndexConfig(keywordFields, contentsFrom, store);
  }
}
