package io.rankstack.server.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for requests it rejects before they reach the application (a URI with an
 * encoded NUL or slash, a malformed request line): a problem document instead of Tomcat's HTML page,
 * so every error of this server is {@code application/problem+json} and none shows internals.
 */
public class ProblemReportValve extends ErrorReportValve {
  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String title = status == 400 ? "Bad Request" : status == 404 ? "Not Found" : status >= 500 ? "Internal error" : "Error";
    String detail = status < 500
        ? "the request was rejected before reaching the API (for example a malformed or unsafe URI); see /v3/api-docs"
        : "the server failed on this request";
    String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer w = response.getReporter();
      if (w != null) {
        w.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away; nothing more to say
    }
  }
}
