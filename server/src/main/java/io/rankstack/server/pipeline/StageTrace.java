package io.rankstack.server.pipeline;

/**
 * What one stage did for one request (the response's {@code stages} entries).
 *
 * @param stage         stage name
 * @param micros        wall time the stage took (up to its budget when it timed out)
 * @param inputSize     candidates in
 * @param outputSize    candidates out
 * @param modelVersion  version of the stage's model, or empty
 * @param passedThrough true when the stage failed or ran over its budget and its input was used instead
 * @param reason        why it passed through, or null
 */
public record StageTrace(String stage, long micros, int inputSize, int outputSize, String modelVersion,
                         boolean passedThrough, String reason) {}
