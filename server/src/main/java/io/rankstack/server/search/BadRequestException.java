package io.rankstack.server.search;

/** A request the server cannot serve as given; the message tells the caller what to change (HTTP 400). */
public final class BadRequestException extends RuntimeException {
  private final String parameter;

  /**
   * @param parameter the parameter, body field or header at fault
   * @param message   what is wrong and what is accepted
   */
  public BadRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
