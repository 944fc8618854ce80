package io.rankstack.index;

import java.time.Duration;

/**
 * What one indexing run did.
 *
 * @param documentsIndexed documents added or replaced by the run
 * @param documentsInIndex live documents in the index after the run's commit
 * @param elapsed          wall time of the run, from opening the writer to the end of the commit
 */
public record IndexReport(long documentsIndexed, long documentsInIndex, Duration elapsed) {}
