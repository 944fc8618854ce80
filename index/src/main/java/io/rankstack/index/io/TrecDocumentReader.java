package io.rankstack.index.io;

import io.rankstack.core.Document;
import io.rankstack.core.io.InputFormatException;
import io.rankstack.core.io.LineSource;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.Map;

/**
 * Documents in TREC SGML: a sequence of {@code <DOC> … </DOC>} blocks, each holding one
 * {@code <DOCNO>id</DOCNO>}. The document's text, in the field {@value #FIELD}, is everything inside
 * the block except the DOCNO element, with any other SGML tags (such as {@code <TEXT>}) removed and
 * surrounding whitespace stripped; line breaks inside are kept. Blocks may span any number of lines
 * or share one line. Both layouts seen in practice read the same:
 * <pre>{@code
 * <DOC>                          <DOC>
 * <DOCNO>1</DOCNO>               <DOCNO> 1 </DOCNO>
 * compact memories have ...
 * </DOC>                          What articles exist ...
 *                                </DOC>
 * }</pre>
 * Errors ({@link InputFormatException}, field in parentheses): a block not closed before the next
 * {@code <DOC>} or the end of the file ({@code DOC}, line of the opening tag); no, an empty or a second
 * DOCNO ({@code DOCNO}); a repeated id ({@code DOCNO}); text outside any block ({@code DOC}).
 */
public final class TrecDocumentReader extends RecordReader<Document> implements DocumentReader {
  /** The field that holds a document's text, as in Anserini's TREC collections. */
  public static final String FIELD = "contents";

  private final SgmlBlocks blocks;

  public TrecDocumentReader(BufferedReader lines, String source) {
    this(new LineSource(lines, source));
  }

  /** Reads {@code file} (UTF-8, optionally gzip-compressed when its name ends in {@code .gz}). */
  public TrecDocumentReader(Path file) {
    this(LineSource.open(file));
  }

  private TrecDocumentReader(LineSource lines) {
    super(lines);
    this.blocks = new SgmlBlocks(lines, "DOC");
  }

  @Override
  protected Document readNext() {
    SgmlBlocks.Block b = blocks.next();
    return b == null ? null : toDocument(b);
  }

  private Document toDocument(SgmlBlocks.Block b) {
    SgmlBlocks.Element docno = SgmlBlocks.element(b, "DOCNO", source());
    if (docno == null) {
      throw new InputFormatException(source(), b.startLine(), "DOCNO", "<DOC> without <DOCNO>");
    }
    String id = docno.content().strip();
    if (id.isEmpty()) {
      throw new InputFormatException(source(), docno.line(), "DOCNO", "empty document id");
    }
    checkUnique(id, docno.line(), "DOCNO");
    return new Document(id, Map.of(FIELD, SgmlBlocks.stripTags(docno.remainder())));
  }
}
