package io.rankstack.index.io;

import io.rankstack.core.Query;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.io.BufferedReader;
import java.nio.file.Path;

/**
 * Queries from TREC topic files, in either of two layouts, told apart by the first tag in the file:
 * <ul>
 *   <li>{@code <top>} blocks, as in TREC ad hoc topics and NPL: the id is the text after
 *       {@code <num>} up to the next tag (a leading {@code Number:} is dropped), the query text the
 *       text after {@code <title>} up to the next tag (a leading {@code Topic:} is dropped). Other
 *       elements ({@code <desc>}, {@code <narr>}) are ignored. Closing tags are optional, as in TREC:
 *       <pre>{@code
 * <top>                        <top>
 * <num> Number: 301            <num>1</num><title>
 * <title> International ...    MEASUREMENT OF DIELECTRIC ...
 * <desc> Description: ...      </title>
 * </top>                       </top>
 * }</pre>
 *   <li>{@code <DOC><DOCNO>id</DOCNO> text </DOC>} blocks, as in Anserini's CACM topics: the text is
 *       everything in the block except the DOCNO element.
 * </ul>
 * Whitespace in the query text is collapsed to single spaces. Errors ({@link InputFormatException},
 * field in parentheses): missing or empty id ({@code num} or {@code DOCNO}); missing title
 * ({@code title}); an unterminated block ({@code top} or {@code DOC}); a repeated id.
 */
public final class TrecTopicReader extends RecordReader<Query> implements QueryReader {
  private SgmlBlocks blocks;
  private boolean topForm;

  public TrecTopicReader(BufferedReader lines, String source) {
    super(new LineSource(lines, source));
  }

  /** Reads {@code file} (UTF-8, optionally gzip-compressed when its name ends in {@code .gz}). */
  public TrecTopicReader(Path file) {
    super(LineSource.open(file));
  }

  @Override
  protected Query readNext() {
    if (blocks == null && !detect()) {
      return null;
    }
    SgmlBlocks.Block b = blocks.next();
    if (b == null) {
      return null;
    }
    return topForm ? fromTop(b) : fromDoc(b);
  }

  private boolean detect() {
    String line = lines.readNonBlankLine();
    if (line == null) {
      return false;
    }
    String head = line.stripLeading();
    if (SgmlBlocks.indexOf(head, "<TOP>") == 0) {
      topForm = true;
      blocks = new SgmlBlocks(lines, "top");
    } else if (SgmlBlocks.indexOf(head, "<DOC>") == 0) {
      blocks = new SgmlBlocks(lines, "DOC");
    } else {
      throw new InputFormatException(source(), lines.lineNumber(), null, "expected TREC topics starting with <top> or <DOC>");
    }
    blocks.unread(line);
    return true;
  }

  private Query fromTop(SgmlBlocks.Block b) {
    String body = b.body();
    int num = SgmlBlocks.indexOf(body, "<NUM>");
    if (num < 0) {
      throw new InputFormatException(source(), b.startLine(), "num", "<top> without <num>");
    }
    String id = untilNextTag(body, num + "<num>".length());
    if (id.regionMatches(true, 0, "Number:", 0, 7)) {
      id = id.substring(7).strip();
    }
    if (id.isEmpty()) {
      throw new InputFormatException(source(), b.lineOf(num), "num", "empty topic id");
    }
    int title = SgmlBlocks.indexOf(body, "<TITLE>");
    if (title < 0) {
      throw new InputFormatException(source(), b.startLine(), "title", "topic " + id + " has no <title>");
    }
    String text = untilNextTag(body, title + "<title>".length());
    if (text.regionMatches(true, 0, "Topic:", 0, 6)) {
      text = text.substring(6);
    }
    checkUnique(id, b.lineOf(num), "num");
    return new Query(id, SgmlBlocks.normalizeSpace(text));
  }

  private Query fromDoc(SgmlBlocks.Block b) {
    SgmlBlocks.Element docno = SgmlBlocks.element(b, "DOCNO", source());
    if (docno == null) {
      throw new InputFormatException(source(), b.startLine(), "DOCNO", "<DOC> without <DOCNO>");
    }
    String id = docno.content().strip();
    if (id.isEmpty()) {
      throw new InputFormatException(source(), docno.line(), "DOCNO", "empty topic id");
    }
    checkUnique(id, docno.line(), "DOCNO");
    return new Query(id, SgmlBlocks.normalizeSpace(SgmlBlocks.stripTags(docno.remainder())));
  }

  private static String untilNextTag(String body, int from) {
    int end = body.indexOf('<', from);
    return body.substring(from, end < 0 ? body.length() : end).strip();
  }
}
