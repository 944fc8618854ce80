package io.rankstack.index;

import io.rankstack.core.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * The index layout: how a core {@link Document} maps to Lucene fields and back.
 *
 * <table>
 *   <caption>Lucene fields per document</caption>
 *   <tr><th>what</th><th>Lucene fields</th><th>used for</th></tr>
 *   <tr><td>id</td><td>{@link StringField} {@value #ID} (stored) + {@link SortedDocValuesField} {@value #ID}</td>
 *       <td>update/delete by id; the deterministic tie-break on equal scores</td></tr>
 *   <tr><td>text field</td><td>{@link TextField} (stored when configured): docs, freqs, positions, norms</td>
 *       <td>BM25 retrieval</td></tr>
 *   <tr><td>flat contents</td><td>{@link TextField} {@value #CONTENTS}, not stored</td>
 *       <td>the default search field</td></tr>
 *   <tr><td>keyword field</td><td>{@link StringField} (stored when configured)</td>
 *       <td>exact-term filters</td></tr>
 *   <tr><td>numeric attribute</td><td>{@link DoublePoint} + {@link SortedNumericDocValuesField}
 *       (sortable long bits) + {@link StoredField} when configured</td>
 *       <td>range filters (points or doc values, whichever is cheaper)</td></tr>
 * </table>
 * Numbers are all doubles (as in {@link Document#numbers()}), which represent integers exactly up
 * to 2<sup>53</sup>, so a year or a price filters the same way.
 */
public final class IndexFields {
  /** The id field: exact term, stored, with sorted doc values. */
  public static final String ID = "id";
  /** The flat text field searched when a request names no fields. */
  public static final String CONTENTS = "contents";

  private IndexFields() {}

  /** The term that identifies the document {@code id} (for updates and deletes). */
  public static Term idTerm(String id) {
    return new Term(ID, id);
  }

  /**
   * The Lucene document for {@code doc} under {@code config}.
   *
   * @throws IllegalArgumentException when a field uses a reserved name, a name is both a text field
   *     and a numeric attribute, or the document has its own {@code contents} while the
   *     configuration builds one
   */
  public static org.apache.lucene.document.Document toLucene(Document doc, IndexConfig config) {
    Objects.requireNonNull(doc, "doc");
    org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
    d.add(new StringField(ID, doc.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(ID, new BytesRef(doc.id())));
    Field.Store store = config.storeFields() ? Field.Store.YES : Field.Store.NO;
    for (Map.Entry<String, String> e : doc.fields().entrySet()) {
      String name = e.getKey();
      checkName(doc, name);
      if (doc.numbers().containsKey(name)) {
        throw new IllegalArgumentException("document " + doc.id() + ": '" + name + "' is both a text field and a numeric attribute");
      }
      if (name.equals(CONTENTS) && !config.contentsFrom().isEmpty()) {
        throw new IllegalArgumentException("document " + doc.id() + " has its own '" + CONTENTS
            + "' field, but the index configuration builds it from " + config.contentsFrom());
      }
      if (config.keywordFields().contains(name)) {
        d.add(new StringField(name, e.getValue(), store));
      } else {
        d.add(new TextField(name, e.getValue(), store));
      }
    }
    for (Map.Entry<String, Double> e : doc.numbers().entrySet()) {
      String name = e.getKey();
      checkName(doc, name);
      if (name.equals(CONTENTS) || config.keywordFields().contains(name)) {
        throw new IllegalArgumentException("document " + doc.id() + ": numeric attribute '" + name + "' uses a text field's name");
      }
      double v = e.getValue();
      d.add(new DoublePoint(name, v));
      d.add(new SortedNumericDocValuesField(name, NumericUtils.doubleToSortableLong(v)));
      if (config.storeFields()) {
        d.add(new StoredField(name, v));
      }
    }
    if (!config.contentsFrom().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (String f : config.contentsFrom()) {
        String v = doc.fields().get(f);
        if (v != null && !v.isEmpty()) {
          if (sb.length() > 0) {
            sb.append(' ');
          }
          sb.append(v);
        }
      }
      d.add(new TextField(CONTENTS, sb.toString(), Field.Store.NO));
    }
    return d;
  }

  private static void checkName(Document doc, String name) {
    if (name.equals(ID)) {
      throw new IllegalArgumentException("document " + doc.id() + ": field name '" + ID + "' is reserved for the document id");
    }
  }

  /**
   * The core document stored for a Lucene document: its id, stored string fields (text and keyword)
   * and stored numbers. Derived fields ({@code contents} when built) are not stored and do not
   * appear.
   */
  public static Document fromStored(org.apache.lucene.document.Document stored) {
    String id = stored.get(ID);
    if (id == null) {
      throw new IllegalStateException("stored document has no '" + ID + "' field: not a Rankstack index?");
    }
    Map<String, String> fields = new HashMap<>();
    Map<String, Double> numbers = new HashMap<>();
    List<IndexableField> all = new ArrayList<>(stored.getFields());
    for (IndexableField f : all) {
      if (f.name().equals(ID)) {
        continue;
      }
      Number n = f.numericValue();
      if (n != null) {
        numbers.put(f.name(), n.doubleValue());
      } else if (f.stringValue() != null) {
        fields.put(f.name(), f.stringValue());
      }
    }
    return new Document(id, fields, numbers);
  }
}
