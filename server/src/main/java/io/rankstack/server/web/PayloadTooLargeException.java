package io.rankstack.server.web;

/** A request body over its limit (HTTP 413). */
public final class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException(String message) {
    super(message);
  }
}
