package io.rankstack.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * 1,200 generated malformed requests (seeded) against every route: wrong and out-of-range
 * parameters, junk and oversized bodies, wrong methods and media types, bad keys. None may get a
 * 5xx, and every 4xx must be a problem document.
 */
class FuzzTest extends ServerTestBase {
  private static final long SEED = 20261129L;
  private static final int REQUESTS = 1200;
  private static final String[] PATHS = {"/v1/search", "/v1/recommend", "/v1/events", "/v1/experiments/x",
      "/v1/admin/documents", "/v1/admin/models", "/v1/admin/training", "/v1/admin/models/v/activate",
      "/v1/admin/rerank/models", "/v1/admin/rerank/training", "/v1/admin/rerank/models/v/activate", "/v1/nope"};

  @Test
  void noBadRequestGetsA5xx() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    List<String> failures = new ArrayList<>();
    int clientErrors = 0;
    List<Supplier<HttpRequest>> generators = List.of(
        () -> req("/v1/search?" + param(rnd, "q", junk(rnd)) + "&" + param(rnd, "k", badInt(rnd))),
        () -> req("/v1/search?q=" + enc("x".repeat(513 + rnd.nextInt(2000)))),
        () -> req("/v1/search?q=" + enc(junk(rnd)) + "&filter=" + enc(junk(rnd))),
        () -> req("/v1/search?q=wing&explain=" + enc(junk(rnd))),
        () -> req("/v1/search?q=wing&ranker=" + enc(junk(rnd) + "z")),
        () -> req("/v1/search?q=wing&filter=" + enc("year=" + rnd.nextInt(100) + ".." + (-rnd.nextInt(100) - 1))),
        () -> req("/v1/search?q=%20%20&k=3"),
        () -> req("/v1/search?q=wing&user=" + enc(junk(rnd) + "/")),
        () -> req("/v1/search?q=wing&experiment=" + enc(junk(rnd) + "#")),
        () -> req("/v1/recommend?" + param(rnd, "user", junk(rnd) + " ") + "&" + param(rnd, "k", badInt(rnd))),
        () -> req("/v1/recommend?user=u&domain=" + enc(junk(rnd) + "!")),
        () -> post("/v1/events", "application/json", junkJson(rnd)),
        () -> post("/v1/events", "application/json", "[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]"),
        () -> post("/v1/events", rnd.nextBoolean() ? "text/plain" : "application/xml", junk(rnd)),
        () -> post("/v1/events", "application/json", "{\"impressionId\":\"" + junk(rnd) + "\",\"docId\":\"d\",\"position\":"
            + badInt(rnd) + "}"),
        () -> post("/v1/events", "application/json", "{\"impressionId\":\"i\",\"docId\":" + rnd.nextInt() + ",\"position\":1}"),
        () -> post("/v1/admin/documents", "application/json", junkJson(rnd)),
        () -> withKey(junk(rnd), "/v1/admin/models"),
        () -> HttpRequest.newBuilder(uri(PATHS[rnd.nextInt(PATHS.length)])).method(rnd.nextBoolean() ? "PUT" : "PATCH",
            HttpRequest.BodyPublishers.ofString(junk(rnd))).header("Content-Type", "application/json").build(),
        () -> HttpRequest.newBuilder(uri("/v1/search?q=wing")).header("Accept", "image/png").GET().build(),
        () -> req(PATHS[rnd.nextInt(PATHS.length)] + "/" + enc(junk(rnd)) + "?" + enc(junk(rnd)) + "=" + enc(junk(rnd))));
    for (int i = 0; i < REQUESTS; i++) {
      HttpRequest req = generators.get(i % generators.size()).get();
      HttpResponse<String> r = send(req);
      int s = r.statusCode();
      if (s >= 500) {
        failures.add(req.method() + " " + req.uri() + " -> " + s + " " + r.body());
      } else if (s >= 400) {
        clientErrors++;
        String ct = r.headers().firstValue("Content-Type").orElse("");
        if (!ct.startsWith("application/problem+json") && s != 406) {
          failures.add(req.method() + " " + req.uri() + " -> " + s + " with Content-Type " + ct);
        }
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " bad answers, first: " + failures.subList(0, Math.min(5, failures.size())));
    assertTrue(clientErrors >= 1000, "at least 1,000 requests were rejected as bad, got " + clientErrors);
  }

  private HttpRequest req(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).GET().build();
  }

  private HttpRequest post(String path, String type, String body) {
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest withKey(String key, String path) {
    String k = key.replaceAll("[^\\x21-\\x7e]", "x");
    return HttpRequest.newBuilder(uri(path)).header("X-Api-Key", k.isEmpty() ? "x" : k).GET().build();
  }

  private static String param(SplittableRandom rnd, String name, String value) {
    return rnd.nextInt(4) == 0 ? name : name + "=" + enc(value);
  }

  private static String badInt(SplittableRandom rnd) {
    return switch (rnd.nextInt(6)) {
      case 0 -> "0";
      case 1 -> Integer.toString(-rnd.nextInt(1000) - 1);
      case 2 -> "99999999999999999999";
      case 3 -> "1.5";
      case 4 -> "1001";
      default -> "k" + rnd.nextInt(100);
    };
  }

  /** Random text: letters, digits, punctuation, quotes, control characters and non-ASCII, sometimes empty. */
  private static String junk(SplittableRandom rnd) {
    String alphabet = "abc XYZ019 _-.:/\\\"'{}[]<>%&=+?#;\t\n\u0000\u0007é漢🙂";
    int n = rnd.nextInt(30);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(alphabet.codePoints().skip(rnd.nextInt((int) alphabet.codePoints().count())).findFirst().getAsInt());
    }
    return sb.toString();
  }

  private static String junkJson(SplittableRandom rnd) {
    return switch (rnd.nextInt(8)) {
      case 0 -> "";
      case 1 -> "{";
      case 2 -> "[]";
      case 3 -> "null";
      case 4 -> "{\"impressionId\":null,\"docId\":[],\"position\":{}}";
      case 5 -> "[{\"impressionId\":\"a\",\"docId\":\"b\",\"position\":1,\"extra\":true}]";
      case 6 -> "\"" + junk(rnd).replace("\"", "") + "\"";
      default -> junk(rnd);
    };
  }
}
