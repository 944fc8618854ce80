package io.rankstack.index.io;

import io.rankstack.core.Query;
import io.rankstack.core.io.InputFormatException;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stream of queries (topics) read one at a time from a file, in file order.
 *
 * <p>Iteration throws {@link InputFormatException} (file, 1-based line, field) at the first record
 * that breaks the format, including a repeated query id. Not thread-safe. Obtain one from
 * {@link QueryFormat#open}; close it when done.
 */
public interface QueryReader extends Iterator<Query>, Closeable {

  /** The file (or other source) being read, as it appears in error messages. */
  String source();

  /** 1-based number of the last line read so far; 0 before the first. */
  long lineNumber();

  /** The remaining queries as a sequential stream; closing the stream closes the reader. */
  Stream<Query> stream();

  /** Closes the underlying file; idempotent. */
  @Override
  void close();

  /** Reads the remaining queries into a list and closes the reader. */
  default List<Query> readAll() {
    try (this) {
      List<Query> all = new ArrayList<>();
      forEachRemaining(all::add);
      return all;
    }
  }
}
