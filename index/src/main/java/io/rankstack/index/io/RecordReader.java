package io.rankstack.index.io;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.io.Closeable;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Base of the streaming readers: a look-ahead iterator over records parsed one at a time from a
 * {@link LineSource}, with the duplicate-id check every format shares.
 *
 * <p>Memory: one record, plus the set of identifiers seen so far (needed to reject a duplicate);
 * record text is never accumulated.
 *
 * @param <T> the record type
 */
abstract class RecordReader<T> implements Iterator<T>, Closeable {
  protected final LineSource lines;
  private final Set<String> seenIds = new HashSet<>();
  private T next;
  private boolean done;
  private boolean closed;

  RecordReader(LineSource lines) {
    this.lines = lines;
  }

  /** Parses the next record, or returns null at the end of the input. */
  protected abstract T readNext();

  /** The file or other source being read, as it appears in error messages. */
  public String source() {
    return lines.name();
  }

  /** 1-based number of the last line read so far (0 before the first). */
  public long lineNumber() {
    return lines.lineNumber();
  }

  /**
   * Throws when {@code id} was seen before in this input.
   *
   * @param line  the 1-based line the record starts on
   * @param field the name of the id field in this format
   */
  protected final void checkUnique(String id, long line, String field) {
    if (!seenIds.add(id)) {
      throw new InputFormatException(source(), line, field, "duplicate id '" + id + "' (ids must be unique within one input)");
    }
  }

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      if (closed) {
        throw new IllegalStateException("reader of " + source() + " is closed");
      }
      next = readNext();
      if (next == null) {
        done = true;
      }
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more records in " + source());
    }
    T t = next;
    next = null;
    return t;
  }

  /** The remaining records as a sequential stream; closing the stream closes this reader. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  /** Closes the underlying file; idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      lines.close();
    }
  }
}
