package io.rankstack.server.web;

/** The request conflicts with the server's state, for example a training that runs already (HTTP 409). */
public final class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
