package io.rankstack.server.web;

import io.rankstack.core.io.InputFormatException;
import io.rankstack.server.events.ClickIntake;
import io.rankstack.server.search.BadRequestException;
import java.net.URI;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json} (RFC 9457) with a message a person can act on:
 * bad input is a 4xx naming the parameter or field; nothing leaks a stack trace. Spring MVC's own
 * exceptions (missing parameter, wrong method or media type, unknown path, upload too large) come
 * from the base class with their 4xx status.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    p.setType(URI.create("about:blank"));
    return p;
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    p.setProperty("parameter", e.parameter());
    return p;
  }

  @ExceptionHandler(InputFormatException.class)
  ProblemDetail badInput(InputFormatException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Malformed input", e.getMessage());
    p.setProperty("line", e.line());
    if (e.field() != null) {
      p.setProperty("field", e.field());
    }
    return p;
  }

  @ExceptionHandler(UnauthorizedException.class)
  ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"X-Api-Key\"")
        .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage()));
  }

  @ExceptionHandler(NoSuchElementException.class)
  ProblemDetail notFound(NoSuchElementException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ClickIntake.QueueFullException.class)
  ResponseEntity<ProblemDetail> queueFull(ClickIntake.QueueFullException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Event queue full", e.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", e.getMessage());
  }

  /** Anything unforeseen: logged here with its stack trace, answered without one. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    String id = java.util.UUID.randomUUID().toString();
    LOG.error("unexpected error {}", id, e);
    ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "the server failed on this request; the log has the details under error id " + id);
    p.setProperty("errorId", id);
    return p;
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
                                                      WebRequest request) {
    String name = ex.getPropertyName() == null ? "a parameter" : "parameter '" + ex.getPropertyName() + "'";
    String type = ex.getRequiredType() == null ? "another type" : describe(ex.getRequiredType());
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request", name + " must be " + type + ", got '" + ex.getValue() + "'");
    if (ex.getPropertyName() != null) {
      p.setProperty("parameter", ex.getPropertyName());
    }
    return handleExceptionInternal(ex, p, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                HttpStatusCode status, WebRequest request) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Bad request",
        "the request body could not be read as JSON of the expected shape; see the API document at /v3/api-docs");
    return handleExceptionInternal(ex, p, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String describe(Class<?> t) {
    if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
      return "an integer";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "true or false";
    }
    if (t == Double.class || t == double.class) {
      return "a number";
    }
    return "a " + t.getSimpleName();
  }
}
