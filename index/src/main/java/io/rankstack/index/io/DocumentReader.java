package io.rankstack.index.io;

import io.rankstack.core.Document;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.io.Closeable;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A stream of documents read one at a time from a collection file, in file order.
 *
 * <p>Iteration parses lazily: {@link #hasNext()} and {@link #next()} throw
 * {@link InputFormatException} (naming the file, the 1-based line and the field) at the first record
 * that breaks the format, including an id that appeared earlier in the same input. I/O failures
 * surface as {@link java.io.UncheckedIOException}. Memory use is one document plus the set of ids
 * seen. Not thread-safe.
 *
 * <p>Obtain one from {@link DocumentFormat#open}; close it (try-with-resources) when done.
 */
public interface DocumentReader extends Iterator<Document>, Closeable {

  /** The file (or other source) being read, as it appears in error messages. */
  String source();

  /** 1-based number of the last line read so far; 0 before the first. */
  long lineNumber();

  /** The remaining documents as a sequential stream; closing the stream closes the reader. */
  Stream<Document> stream();

  /** Closes the underlying file; idempotent. */
  @Override
  void close();

  /**
   * Documents already in memory, checked like a file: a repeated id throws
   * {@link InputFormatException} whose line is the 1-based position in {@code documents}.
   *
   * @param source    a name for error messages
   * @param documents the documents, in order
   */
  static DocumentReader of(String source, Iterable<Document> documents) {
    Objects.requireNonNull(source, "source");
    Iterator<Document> it = documents.iterator();
    final class InMemory extends RecordReader<Document> implements DocumentReader {
      private long position;

      InMemory() {
        super(new LineSource(new java.io.BufferedReader(java.io.Reader.nullReader()), source));
      }

      @Override
      protected Document readNext() {
        if (!it.hasNext()) {
          return null;
        }
        Document d = Objects.requireNonNull(it.next(), "document");
        position++;
        checkUnique(d.id(), position, "id");
        return d;
      }

      @Override
      public long lineNumber() {
        return position;
      }
    }
    return new InMemory();
  }
}
