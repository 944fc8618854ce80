package io.rankstack.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}): errors raised before Spring MVC (by the servlet
 * container or a filter) are answered as problem details too, with the status and no stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {
  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    Object msg = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String detail = status.is4xxClientError()
        ? (msg instanceof String s && !s.isBlank() ? s : status.getReasonPhrase()) + "; the API is described at /v3/api-docs"
        : "the server failed on this request";
    ProblemDetail p = ApiExceptionHandler.problem(status, status.getReasonPhrase(), detail);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
