package io.rankstack.server.web;

/** A missing or wrong API key (HTTP 401). */
public final class UnauthorizedException extends RuntimeException {
  public UnauthorizedException(String message) {
    super(message);
  }
}
