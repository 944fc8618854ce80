package io.rankstack.rerank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tokenizer that needs no download: a word vocabulary built from the training corpus, and hashed
 * sub-word buckets for every word outside it.
 *
 * <p>Words: the text lower-cased (Locale.ROOT) and split at every character that is neither a
 * letter nor a digit. A word in the vocabulary is one token. Any other word is cut into consecutive
 * pieces of at most {@value #PIECE_LENGTH} characters (at most {@value #MAX_PIECES} pieces; the
 * first is marked as a word start), and each piece becomes one of {@code buckets} hashed tokens
 * (32-bit FNV-1a of its UTF-16 chars, modulo buckets). Rare words therefore still share pieces with
 * related words ("hydroxy|lase"), and nothing is mapped to a single unknown token.
 *
 * <p>Ids: 0 padding, 1 {@code [CLS]}, 2 {@code [SEP]}, 3 … 3+V−1 the vocabulary (most frequent
 * first), then the buckets. Immutable and thread-safe.
 */
public final class Tokenizer {
  public static final int PAD = 0;
  public static final int CLS = 1;
  public static final int SEP = 2;
  static final int RESERVED = 3;
  static final int PIECE_LENGTH = 4;
  static final int MAX_PIECES = 3;

  private final List<String> vocabulary;
  private final Map<String, Integer> ids;
  private final int buckets;

  /**
   * @param vocabulary distinct words, id order
   * @param buckets    number of hashed sub-word tokens, at least 1
   */
  public Tokenizer(List<String> vocabulary, int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("illegal buckets " + buckets + ", must be at least 1");
    }
    this.vocabulary = List.copyOf(vocabulary);
    this.buckets = buckets;
    this.ids = new HashMap<>();
    for (int i = 0; i < this.vocabulary.size(); i++) {
      if (ids.put(this.vocabulary.get(i), RESERVED + i) != null) {
        throw new IllegalArgumentException("duplicate vocabulary word '" + this.vocabulary.get(i) + "'");
      }
    }
  }

  /**
   * Builds the vocabulary from texts: the words occurring at least {@code minCount} times, most
   * frequent first (ties alphabetical), at most {@code maxWords}.
   */
  public static Tokenizer build(Iterable<String> texts, int minCount, int maxWords, int buckets) {
    Map<String, Integer> counts = new HashMap<>();
    for (String t : texts) {
      for (String w : words(t)) {
        counts.merge(w, 1, Integer::sum);
      }
    }
    List<String> kept = new ArrayList<>();
    counts.forEach((w, c) -> {
      if (c >= minCount) {
        kept.add(w);
      }
    });
    kept.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(Comparator.naturalOrder()));
    return new Tokenizer(kept.subList(0, Math.min(maxWords, kept.size())), buckets);
  }

  /** The words of a text (see the class comment). */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    String s = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      }
    }
    return out;
  }

  /** Token ids of a text, without special tokens. */
  public List<Integer> tokenIds(String text) {
    List<Integer> out = new ArrayList<>();
    for (String w : words(text)) {
      Integer id = ids.get(w);
      if (id != null) {
        out.add(id);
        continue;
      }
      for (int p = 0, k = 0; p < w.length() && k < MAX_PIECES; p += PIECE_LENGTH, k++) {
        String piece = (k == 0 ? "^" : "") + w.substring(p, Math.min(w.length(), p + PIECE_LENGTH));
        out.add(bucketId(piece));
      }
    }
    return out;
  }

  /** The id of a hashed piece. */
  int bucketId(String piece) {
    return RESERVED + vocabulary.size() + Integer.remainderUnsigned(fnv1a(piece), buckets);
  }

  /** 32-bit FNV-1a over the UTF-16 chars. */
  static int fnv1a(String s) {
    int h = 0x811c9dc5;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x01000193;
    }
    return h;
  }

  /**
   * One cross-encoder input: {@code [CLS] query [SEP] document [SEP]}, the query cut to
   * {@code maxQueryTokens} and the document to what is left of {@code maxLength}.
   */
  public EncodedPair encodePair(String query, String document, int maxLength, int maxQueryTokens) {
    if (maxLength < 4 || maxQueryTokens < 1 || maxQueryTokens > maxLength - 3) {
      throw new IllegalArgumentException("illegal lengths: maxLength " + maxLength + ", maxQueryTokens " + maxQueryTokens);
    }
    List<Integer> q = tokenIds(query);
    q = q.subList(0, Math.min(q.size(), maxQueryTokens));
    List<Integer> d = tokenIds(document);
    d = d.subList(0, Math.min(d.size(), maxLength - 3 - q.size()));
    int n = q.size() + d.size() + 3;
    int[] tokens = new int[n];
    int[] types = new int[n];
    int k = 0;
    tokens[k++] = CLS;
    for (int t : q) {
      tokens[k++] = t;
    }
    tokens[k++] = SEP;
    for (int t : d) {
      types[k] = 1;
      tokens[k++] = t;
    }
    types[k] = 1;
    tokens[k] = SEP;
    return new EncodedPair(tokens, types);
  }

  /** Size of the id space (special tokens + vocabulary + buckets): the embedding table's rows. */
  public int idCount() {
    return RESERVED + vocabulary.size() + buckets;
  }

  public List<String> vocabulary() {
    return vocabulary;
  }

  public int buckets() {
    return buckets;
  }
}
