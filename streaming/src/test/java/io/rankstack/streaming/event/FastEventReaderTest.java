package io.rankstack.streaming.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The streaming fast path of {@link EventJson} against the tree reader it must mirror: it accepts
 * only what the tree accepts, with an equal event, it is taken for well-formed events, and the
 * public readers give the same events and the same errors as the tree reader alone.
 */
class FastEventReaderTest {

  // ------------------------------------------------------------ known cases

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ImpressionEvent fastImpression(String json, String key) {
    return FastEventReader.readImpression(EventJson.FACTORY, b(json), key);
  }

  private static ClickEvent fastClick(String json, String key) {
    return FastEventReader.readClick(EventJson.FACTORY, b(json), key);
  }

  private static final String ITEM = "{\"docId\":\"d\",\"position\":1,\"score\":1}";

  @Test
  void fieldOrderDoesNotMatter() {
    ClickEvent expected = new ClickEvent(1, "i", "q", "d", 3, 99, 7);
    String reversed = "{\"dwellMillis\":7,\"timestamp\":99,\"position\":3,\"docId\":\"d\",\"contextKey\":\"q\","
        + "\"impressionId\":\"i\",\"v\":1}";
    assertEquals(expected, fastClick(reversed, "q"));
    String itemsFirst = "{\"items\":[{\"position\":2,\"features\":[1,2.5],\"docId\":\"d\"}],\"contextKey\":\"q\","
        + "\"surface\":\"search\",\"timestamp\":5,\"impressionId\":\"i\",\"v\":1}";
    ImpressionEvent e = fastImpression(itemsFirst, null);
    assertEquals(new ImpressionEvent(1, "i", 5, Surface.SEARCH, "q", null, null, null, null,
        List.of(new ImpressionItem("d", 2, 0.0, new double[] {1, 2.5}, Double.NaN)), Map.of(), null), e);
  }

  @Test
  void unknownNestedValuesAreSkipped() {
    String json = "{\"v\":1,\"meta\":{\"a\":[1,{\"b\":\"c\",\"v\":2}],\"items\":null},\"impressionId\":\"i\","
        + "\"timestamp\":5,\"surface\":\"recommend\",\"contextKey\":\"u\",\"tags\":[[],{}],"
        + "\"items\":[{\"docId\":\"d\",\"extra\":{\"position\":9},\"position\":1,\"more\":[true,null,1e999]}],"
        + "\"experiment\":{\"id\":\"x\",\"note\":\"n\",\"teams\":[\"A\"]}}";
    ImpressionEvent e = fastImpression(json, "u");
    assertNotNull(e);
    assertEquals(EventJson.readImpressionTree(b(json), "u"), e);
    assertEquals(1, e.items().get(0).position());
  }

  @Test
  void nullOptionalFieldsAreAbsent() {
    String json = "{\"v\":1,\"impressionId\":\"i\",\"timestamp\":5,\"surface\":\"search\",\"contextKey\":\"q\","
        + "\"query\":null,\"userId\":null,\"sessionId\":null,\"domain\":null,\"modelVersions\":null,"
        + "\"experiment\":null,\"items\":[{\"docId\":\"d\",\"position\":1,\"score\":null,\"features\":null,"
        + "\"propensity\":null}]}";
    ImpressionEvent e = fastImpression(json, "q");
    assertEquals(new ImpressionEvent(1, "i", 5, Surface.SEARCH, "q", null, null, null, null,
        List.of(new ImpressionItem("d", 1, 0.0, new double[0], Double.NaN)), Map.of(), null), e);
    assertEquals(EventJson.readImpressionTree(b(json), "q"), e);
  }

  @Test
  void numbersConvertLikeTheTree() {
    // -0 is an integer token (IntNode 0, so +0.0); -0.0 stays negative zero; 2^53 + 1 as a long
    // token rounds like (double) long.
    String json = "{\"v\":1,\"impressionId\":\"i\",\"timestamp\":5,\"surface\":\"search\",\"contextKey\":\"q\","
        + "\"items\":[{\"docId\":\"d\",\"position\":1,\"score\":-0,\"features\":[-0.0,9007199254740993,1E2],"
        + "\"propensity\":1}]}";
    ImpressionEvent e = fastImpression(json, null);
    ImpressionItem it = e.items().get(0);
    assertEquals(0, Double.compare(0.0, it.score()));
    assertEquals(0, Double.compare(-0.0, it.feature(0)));
    assertEquals((double) 9007199254740993L, it.feature(1));
    assertEquals(100.0, it.feature(2));
    assertEquals(1.0, it.propensity());
    assertEquals(EventJson.readImpressionTree(b(json), null), e);
  }

  @Test
  void irregularInputFallsBackToTheTreeWithItsError() {
    String valid = "{\"v\":1,\"impressionId\":\"i\",\"contextKey\":\"q\",\"docId\":\"d\",\"position\":3,\"timestamp\":99}";
    assertNotNull(fastClick(valid, "q"));
    // v as 1.0: not integral for the tree.
    String v10 = valid.replace("\"v\":1", "\"v\":1.0");
    assertNull(fastClick(v10, "q"));
    EventFormatException e = assertThrows(EventFormatException.class, () -> EventJson.readClick(b(v10), "q"));
    assertEquals(DeadLetterReason.INVALID, e.reason());
    assertEquals("v", e.field());
    // A timestamp beyond long: the fast path gives up, the tree names the field.
    String big = valid.replace("99}", "99999999999999999999}");
    assertNull(fastClick(big, "q"));
    e = assertThrows(EventFormatException.class, () -> EventJson.readClick(b(big), "q"));
    assertEquals("timestamp", e.field());
    // Record key mismatch.
    assertNull(fastClick(valid, "other"));
    e = assertThrows(EventFormatException.class, () -> EventJson.readClick(b(valid), "other"));
    assertEquals("contextKey", e.field());
    // Root not an object.
    assertNull(fastClick("[" + valid + "]", "q"));
    e = assertThrows(EventFormatException.class, () -> EventJson.readClick(b("[" + valid + "]"), "q"));
    assertEquals(DeadLetterReason.MALFORMED_JSON, e.reason());
  }

  @Test
  void repeatedFieldsAndTrailingContentAreLeftToTheTreeWhichRejectsThem() {
    // The fast path gives up on both; the tree reader then reports them as malformed JSON.
    String dup = "{\"v\":1,\"impressionId\":\"i\",\"contextKey\":\"q\",\"docId\":\"d\",\"position\":3,"
        + "\"position\":4,\"timestamp\":99}";
    assertNull(fastClick(dup, "q"));
    assertEquals(DeadLetterReason.MALFORMED_JSON,
        assertThrows(EventFormatException.class, () -> EventJson.readClick(b(dup), "q")).reason());
    String trailing = "{\"v\":1,\"impressionId\":\"i\",\"contextKey\":\"q\",\"docId\":\"d\",\"position\":3,"
        + "\"timestamp\":99} trailing";
    assertNull(fastClick(trailing, "q"));
    assertEquals(DeadLetterReason.MALFORMED_JSON,
        assertThrows(EventFormatException.class, () -> EventJson.readClick(b(trailing), "q")).reason());
    String dupItems = "{\"v\":1,\"impressionId\":\"i\",\"timestamp\":5,\"surface\":\"search\",\"contextKey\":\"q\","
        + "\"items\":[],\"items\":[" + ITEM + "]}";
    assertNull(fastImpression(dupItems, "q"));
    String dupNested = "{\"v\":1,\"impressionId\":\"i\",\"contextKey\":\"q\",\"docId\":\"d\",\"position\":3,"
        + "\"timestamp\":99,\"extra\":{\"a\":1,\"a\":2}}";
    assertNull(fastClick(dupNested, "q"), "a repeated name inside an unknown field");
    assertEquals(DeadLetterReason.MALFORMED_JSON,
        assertThrows(EventFormatException.class, () -> EventJson.readClick(b(dupNested), "q")).reason());
  }

  @Test
  void atMostMaxItems() {
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= EventJson.MAX_ITEMS + 1; i++) {
      items.append(i > 1 ? "," : "").append("{\"docId\":\"d\",\"position\":").append(i).append('}');
    }
    String head = "{\"v\":1,\"impressionId\":\"i\",\"timestamp\":5,\"surface\":\"search\",\"contextKey\":\"q\",";
    String atMax = head + "\"items\":[" + items.substring(0, items.lastIndexOf(",{")) + "]}";
    assertEquals(EventJson.MAX_ITEMS, fastImpression(atMax, "q").items().size());
    String overMax = head + "\"items\":[" + items + "]}";
    assertNull(fastImpression(overMax, "q"));
    EventFormatException e = assertThrows(EventFormatException.class, () -> EventJson.readImpression(b(overMax), "q"));
    assertEquals("items", e.field());
  }

  @Test
  void invalidUtf8InAnIgnoredFieldIsLeftToTheTree() {
    byte[] valid = b("{\"v\":1,\"impressionId\":\"i\",\"contextKey\":\"q\",\"docId\":\"d\",\"position\":3,"
        + "\"timestamp\":99,\"note\":\"ab\"}");
    int at = new String(valid, StandardCharsets.UTF_8).indexOf("ab");
    for (byte[] bad : new byte[][] {{(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x28, (byte) 0xA1}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
      byte[] json = valid.clone();
      json[at] = bad[0];
      if (bad.length > 1) {
        byte[] longer = Arrays.copyOf(json, json.length + bad.length - 1);
        System.arraycopy(bad, 0, longer, at, bad.length);
        System.arraycopy(valid, at + 1, longer, at + bad.length, valid.length - at - 1);
        json = longer;
      }
      byte[] input = json;
      Outcome tree = Outcome.of(x -> EventJson.readClickTree(x, "q"), input);
      ClickEvent fast = FastEventReader.readClick(EventJson.FACTORY, input, "q");
      if (fast != null) {
        assertEquals(tree.event(), fast, () -> Arrays.toString(bad));
      }
      assertEquals(tree, Outcome.of(x -> EventJson.readClick(x, "q"), input));
    }
  }

  // ------------------------------------------------------------ properties

  @Property(seed = "20261129", tries = 1500)
  void impressionsAgreeWithTheTree(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ImpressionEvent e = Gen.impression(r);
    String key = r.nextInt(3) == 0 ? null : e.contextKey();

    byte[] canonical = EventJson.write(e);
    assertEquals(e, FastEventReader.readImpression(EventJson.FACTORY, canonical, key), "canonical output");

    Gen g = new Gen(r);
    J doc = g.impressionDoc(e);
    byte[] plain = g.render(doc);
    assertEquals(e, EventJson.readImpressionTree(plain, key), () -> new String(plain, StandardCharsets.UTF_8));
    if (g.fastSupported) {
      assertEquals(e, FastEventReader.readImpression(EventJson.FACTORY, plain, key),
          () -> new String(plain, StandardCharsets.UTF_8));
    }
    checkImpression(plain, key);

    for (int m = 0; m < 4; m++) {
      byte[] mutated = g.mutate(doc);
      String k = r.nextInt(8) == 0 ? e.contextKey() + "x" : key;
      Statistics.label("mutated impression").collect(checkImpression(mutated, k));
    }
  }

  @Property(seed = "20261129", tries = 1500)
  void clicksAgreeWithTheTree(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ClickEvent c = Gen.click(r);
    String key = r.nextInt(3) == 0 ? null : c.contextKey();

    assertEquals(c, FastEventReader.readClick(EventJson.FACTORY, EventJson.write(c), key), "canonical output");

    Gen g = new Gen(r);
    J doc = g.clickDoc(c);
    byte[] plain = g.render(doc);
    assertEquals(c, EventJson.readClickTree(plain, key), () -> new String(plain, StandardCharsets.UTF_8));
    if (g.fastSupported) {
      assertEquals(c, FastEventReader.readClick(EventJson.FACTORY, plain, key),
          () -> new String(plain, StandardCharsets.UTF_8));
    }
    checkClick(plain, key);

    for (int m = 0; m < 4; m++) {
      byte[] mutated = g.mutate(doc);
      String k = r.nextInt(8) == 0 ? c.contextKey() + "x" : key;
      Statistics.label("mutated click").collect(checkClick(mutated, k));
    }
  }

  private static String checkImpression(byte[] bytes, String key) {
    return check(bytes, b -> FastEventReader.readImpression(EventJson.FACTORY, b, key),
        b -> EventJson.readImpressionTree(b, key), b -> EventJson.readImpression(b, key));
  }

  private static String checkClick(byte[] bytes, String key) {
    return check(bytes, b -> FastEventReader.readClick(EventJson.FACTORY, b, key),
        b -> EventJson.readClickTree(b, key), b -> EventJson.readClick(b, key));
  }

  /**
   * Fast is null or the tree's event; the public reader has exactly the tree's outcome. Returns
   * which path decided, for the statistics.
   */
  private static String check(byte[] bytes, Function<byte[], Object> fast, Function<byte[], Object> tree,
      Function<byte[], Object> pub) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Outcome t = Outcome.of(tree, bytes);
    Object f = fast.apply(bytes);
    if (f != null) {
      assertEquals(t, new Outcome(f, null, null, null, null), () -> "fast path accepted " + text);
    }
    assertEquals(t, Outcome.of(pub, bytes), () -> "public reader on " + text);
    return f != null ? "accepted by the fast path" : t.event() != null ? "accepted by the tree only"
        : "rejected: " + t.reason() + " " + (t.field() == null ? "" : t.field().replaceAll("\\[\\d+]", "[i]")
            .replaceAll("(?s)^modelVersions\\..*", "modelVersions.<key>"));
  }

  /** An event, or the class, reason, field and message of what was thrown. */
  private record Outcome(Object event, Class<?> error, DeadLetterReason reason, String field, String message) {
    static Outcome of(Function<byte[], Object> read, byte[] bytes) {
      try {
        return new Outcome(read.apply(bytes), null, null, null, null);
      } catch (EventFormatException e) {
        return new Outcome(null, e.getClass(), e.reason(), e.field(), e.getMessage());
      } catch (RuntimeException e) {
        return new Outcome(null, e.getClass(), null, null, e.getMessage());
      }
    }
  }

  // ------------------------------------------------------------ generator

  /** A JSON value kept as a tree so that mutations can edit it before rendering. */
  private sealed interface J permits Raw, Obj, Arr {}

  /** A scalar, as JSON text. */
  private record Raw(String text) implements J {}

  private static final class Obj implements J {
    final List<String> names = new ArrayList<>();
    final List<J> values = new ArrayList<>();

    Obj put(String name, J value) {
      names.add(name);
      values.add(value);
      return this;
    }

    /** Adds an unknown field unless the name is taken: a valid event never repeats a name. */
    void putNew(String name, J value) {
      if (!names.contains(name)) {
        put(name, value);
      }
    }
  }

  private static final class Arr implements J {
    final List<J> values = new ArrayList<>();
  }

  /** Random events, random renderings of them (order, escapes, nulls, extras) and mutations. */
  private static final class Gen {
    private static final String[] UNKNOWN = {"extra", "meta", "Items", "V", "v2", "", "ümlaut", "\u0000x", "doc"};
    private static final String[] CHARS = {"a", "Z", "7", "-", " ", "é", "中", "\uD83D\uDE00", "\"", "\\", "/", "\n",
        "\t", "\u0001", "\u007f", "\u2028"};

    final SplittableRandom r;
    /** False once the rendering used a form the fast path leaves to the tree (an integer beyond long). */
    boolean fastSupported = true;

    Gen(SplittableRandom r) {
      this.r = r;
    }

    static String text(SplittableRandom r, int min, int max) {
      int n = min + r.nextInt(max - min + 1);
      StringBuilder s = new StringBuilder();
      while (s.length() < n) {
        String piece = r.nextInt(3) == 0 ? CHARS[r.nextInt(CHARS.length)] : String.valueOf((char) ('a' + r.nextInt(26)));
        s.append(s.length() + piece.length() > max ? "a" : piece);
      }
      return s.toString();
    }

    static String id(SplittableRandom r) {
      return r.nextInt(50) == 0 ? "x".repeat(EventJson.MAX_ID_LENGTH) : text(r, 1, 12);
    }

    static double number(SplittableRandom r) {
      return switch (r.nextInt(8)) {
        case 0 -> r.nextInt(-1000, 1000);
        case 1 -> -0.0;
        case 2 -> r.nextLong() / 4.0;
        case 3 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
        case 4 -> Double.MIN_VALUE * r.nextInt(1, 5);
        case 5 -> 1e20 * r.nextInt(1, 100);
        default -> r.nextDouble(-10, 10);
      };
    }

    static ImpressionEvent impression(SplittableRandom r) {
      int n = r.nextInt(10) == 0 ? r.nextInt(1, 40) : r.nextInt(1, 8);
      List<Integer> positions = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        positions.add(r.nextInt(6) == 0 ? r.nextInt(1, Integer.MAX_VALUE) : i);
      }
      positions = new ArrayList<>(new java.util.LinkedHashSet<>(positions));
      List<ImpressionItem> items = new ArrayList<>();
      for (int p : positions) {
        double[] f = new double[r.nextInt(4) == 0 ? 0 : r.nextInt(1, 12)];
        for (int i = 0; i < f.length; i++) {
          f[i] = number(r);
        }
        double propensity = switch (r.nextInt(4)) {
          case 0 -> Double.NaN;
          case 1 -> 1.0;
          default -> r.nextDouble(Double.MIN_VALUE, 1.0);
        };
        items.add(new ImpressionItem(id(r), p, r.nextInt(5) == 0 ? 0.0 : number(r), f, propensity));
      }
      Map<String, String> versions = new LinkedHashMap<>();
      for (int i = r.nextInt(4); i > 0; i--) {
        versions.put(text(r, 0, 6), text(r, 0, 6));
      }
      ImpressionEvent.Experiment experiment = null;
      if (r.nextBoolean()) {
        List<String> teams = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          teams.add(r.nextBoolean() ? "A" : text(r, 0, 3));
        }
        experiment = new ImpressionEvent.Experiment(id(r), teams);
      }
      long ts = r.nextBoolean() ? r.nextLong(0, Long.MAX_VALUE) : r.nextInt(0, 1000);
      return new ImpressionEvent(1, id(r), ts, r.nextBoolean() ? Surface.SEARCH : Surface.RECOMMEND, id(r),
          r.nextBoolean() ? null : text(r, 0, 10), r.nextBoolean() ? null : id(r), r.nextBoolean() ? null : id(r),
          r.nextBoolean() ? null : text(r, 0, 5), items, versions, experiment);
    }

    static ClickEvent click(SplittableRandom r) {
      long ts = r.nextBoolean() ? r.nextLong(0, Long.MAX_VALUE) : r.nextInt(0, 1000);
      long dwell = switch (r.nextInt(3)) {
        case 0 -> -1;
        case 1 -> r.nextLong(0, Long.MAX_VALUE);
        default -> r.nextInt(0, 100_000);
      };
      return new ClickEvent(1, id(r), id(r), id(r), r.nextInt(1, Integer.MAX_VALUE), ts, dwell);
    }

    // ---- documents

    Raw str(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
          // A pair is escaped as two \\u escapes or written as one UTF-8 sequence, never half and half.
          char low = s.charAt(++i);
          b.append(r.nextInt(4) == 0 ? String.format("\\u%04x\\u%04x", (int) c, (int) low) : "" + c + low);
        } else if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20 || r.nextInt(10) == 0) {
          if (c == '\n' && r.nextBoolean()) {
            b.append("\\n");
          } else {
            b.append(String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
          }
        } else if (c == '/' && r.nextBoolean()) {
          b.append("\\/");
        } else {
          b.append(c);
        }
      }
      return new Raw(b.append('"').toString());
    }

    Raw integer(long v) {
      return new Raw(Long.toString(v));
    }

    /** A JSON number that reads back as exactly {@code d} in the tree. */
    Raw num(double d) {
      if (d == 0 && 1 / d < 0) {
        return new Raw(new String[] {"-0.0", "-0e0", "-0.0E+0"}[r.nextInt(3)]);
      }
      boolean integral = d == Math.rint(d) && !(d == 0 && 1 / d < 0);
      if (integral && Math.abs(d) < 9.2e18 && r.nextBoolean()) {
        return new Raw(Long.toString((long) d));
      }
      if (integral && r.nextInt(64) == 0) {
        // Beyond long when |d| >= 2^63: the tree reads a BigIntegerNode, the fast path gives up.
        if (Math.abs(d) >= 0x1p63) {
          fastSupported = false;
        }
        return new Raw(new java.math.BigDecimal(d).toBigInteger().toString());
      }
      return switch (r.nextInt(4)) {
        // The exact decimal expansion (up to ~770 digits for subnormals).
        case 0 -> new Raw(integral ? Double.toString(d) : new java.math.BigDecimal(d).toString());
        case 1 -> new Raw(Double.toString(d).replace('E', 'e'));
        case 2 -> new Raw(String.format(java.util.Locale.ROOT, "%.17e", d));
        default -> new Raw(Double.toString(d));
      };
    }

    /** Optional value: absent, or (when absent in the event) sometimes an explicit null. */
    void optional(Obj o, String name, J valueOrNull) {
      if (valueOrNull != null) {
        o.put(name, valueOrNull);
      } else if (r.nextInt(3) == 0) {
        o.put(name, new Raw("null"));
      }
    }

    J unknownValue(int depth) {
      int k = r.nextInt(depth > 2 ? 6 : 8);
      return switch (k) {
        case 0 -> str(text(r, 0, 8));
        case 1 -> num(number(r));
        case 2 -> new Raw(r.nextBoolean() ? "true" : "false");
        case 3 -> new Raw("null");
        case 4 -> new Raw("123456789012345678901234567890");
        case 5 -> new Raw("-1.5e999");
        case 6 -> {
          Obj o = new Obj();
          for (int i = r.nextInt(3); i > 0; i--) {
            o.putNew(r.nextBoolean() ? "v" : text(r, 0, 4), unknownValue(depth + 1));
          }
          yield o;
        }
        default -> {
          Arr a = new Arr();
          for (int i = r.nextInt(3); i > 0; i--) {
            a.values.add(unknownValue(depth + 1));
          }
          yield a;
        }
      };
    }

    /** Adds unknown fields and shuffles the field order. */
    Obj finish(Obj o) {
      for (int i = r.nextInt(4) == 0 ? r.nextInt(1, 3) : 0; i > 0; i--) {
        o.putNew(UNKNOWN[r.nextInt(UNKNOWN.length)] + (r.nextBoolean() ? "" : "_" + i), unknownValue(0));
      }
      return shuffle(o);
    }

    Obj shuffle(Obj o) {
      // Fisher-Yates over the (name, value) pairs.
      for (int i = o.names.size() - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        String n = o.names.get(i);
        o.names.set(i, o.names.get(j));
        o.names.set(j, n);
        J v = o.values.get(i);
        o.values.set(i, o.values.get(j));
        o.values.set(j, v);
      }
      return o;
    }

    J impressionDoc(ImpressionEvent e) {
      Obj o = new Obj().put("v", integer(e.v())).put("impressionId", str(e.impressionId()))
          .put("timestamp", integer(e.timestamp())).put("surface", str(e.surface().wire()))
          .put("contextKey", str(e.contextKey()));
      optional(o, "query", e.query() == null ? null : str(e.query()));
      optional(o, "userId", e.userId() == null ? null : str(e.userId()));
      optional(o, "sessionId", e.sessionId() == null ? null : str(e.sessionId()));
      optional(o, "domain", e.domain() == null ? null : str(e.domain()));
      Arr items = new Arr();
      for (ImpressionItem it : e.items()) {
        Obj io = new Obj().put("docId", str(it.docId())).put("position", integer(it.position()));
        if (Double.compare(it.score(), 0.0) != 0 || r.nextBoolean()) {
          io.put("score", num(it.score()));
        } else if (r.nextBoolean()) {
          io.put("score", new Raw("null"));
        }
        if (it.featureCount() > 0 || r.nextInt(3) == 0) {
          Arr f = new Arr();
          for (int i = 0; i < it.featureCount(); i++) {
            f.values.add(num(it.feature(i)));
          }
          io.put("features", f);
        } else {
          optional(io, "features", null);
        }
        optional(io, "propensity", Double.isNaN(it.propensity()) ? null : num(it.propensity()));
        items.values.add(finish(io));
      }
      o.put("items", items);
      Obj mv = new Obj();
      e.modelVersions().forEach((k, v) -> mv.put(k, str(v)));
      optional(o, "modelVersions", e.modelVersions().isEmpty() && r.nextBoolean() ? null : shuffle(mv));
      if (e.experiment() != null) {
        Arr teams = new Arr();
        e.experiment().teams().forEach(t -> teams.values.add(str(t)));
        o.put("experiment", finish(new Obj().put("id", str(e.experiment().id())).put("teams", teams)));
      } else {
        optional(o, "experiment", null);
      }
      return finish(o);
    }

    J clickDoc(ClickEvent c) {
      Obj o = new Obj().put("v", integer(c.v())).put("impressionId", str(c.impressionId()))
          .put("contextKey", str(c.contextKey())).put("docId", str(c.docId()))
          .put("position", integer(c.position())).put("timestamp", integer(c.timestamp()));
      optional(o, "dwellMillis", c.dwellMillis() < 0 ? null : integer(c.dwellMillis()));
      return finish(o);
    }

    // ---- rendering

    byte[] render(J doc) {
      StringBuilder s = new StringBuilder();
      ws(s);
      render(doc, s);
      ws(s);
      return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void ws(StringBuilder s) {
      if (r.nextInt(6) == 0) {
        s.append(" \n\t\r".charAt(r.nextInt(4)));
      }
    }

    private void render(J j, StringBuilder s) {
      if (j instanceof Raw raw) {
        s.append(raw.text());
      } else if (j instanceof Obj o) {
        s.append('{');
        for (int i = 0; i < o.names.size(); i++) {
          if (i > 0) {
            s.append(',');
          }
          ws(s);
          s.append(str(o.names.get(i)).text());
          ws(s);
          s.append(':');
          ws(s);
          render(o.values.get(i), s);
        }
        s.append('}');
      } else {
        Arr a = (Arr) j;
        s.append('[');
        for (int i = 0; i < a.values.size(); i++) {
          if (i > 0) {
            s.append(',');
          }
          ws(s);
          render(a.values.get(i), s);
        }
        s.append(']');
      }
    }

    // ---- mutations

    /** Near misses for a number: not integral, out of range, beyond long, not finite, not a number. */
    private static final String[] BAD_NUMBERS = {"1.0", "-0", "0", "-1", "2", "0.5", "1.5", "1e0", "1e400", "-1e400",
        "2147483648", "4294967297", "9223372036854775807", "9223372036854775808", "18446744073709551617", "\"1\"", "null", "true",
        "[1]"};
    /** Near misses for a string: empty, NUL, too long, another type, a surface. */
    private static final String[] BAD_STRINGS = {"\"\"", "\"\\u0000\"", "\"a\u0000b\"",
        "\"" + "y".repeat(EventJson.MAX_ID_LENGTH + 1) + "\"", "\"search\"", "\"recommend\"", "\"Search\"", "7",
        "null", "[\"A\"]", "{}"};
    private static final String[] BAD_OTHER = {"null", "{}", "[]", "[1]", "[\"A\"]", "{\"id\":\"x\"}", "\"x\"", "1",
        "[{\"docId\":\"d\",\"position\":1}]"};

    /** A copy of {@code doc} with one to three random edits, rendered, perhaps with byte damage. */
    byte[] mutate(J doc) {
      J copy = copy(doc);
      List<Obj> objects = new ArrayList<>();
      List<Arr> arrays = new ArrayList<>();
      collect(copy, objects, arrays);
      // Mostly one edit, so that the result is often still valid or fails on one rule only; or
      // byte damage alone.
      boolean damage = r.nextInt(4) == 0;
      for (int m = damage && r.nextBoolean() ? 0 : r.nextInt(3) == 0 ? r.nextInt(2, 4) : 1; m > 0; m--) {
        int kind = r.nextInt(8);
        if (kind <= 4 || arrays.isEmpty()) {
          Obj o = r.nextBoolean() ? (Obj) copy : objects.get(r.nextInt(objects.size()));
          if (o.names.isEmpty()) {
            o.put("v", bad(null));
            continue;
          }
          int i = r.nextInt(o.names.size());
          switch (kind) {
            case 0 -> {
              o.names.remove(i);
              o.values.remove(i);
            }
            case 1, 2 -> o.values.set(i, bad(o.values.get(i)));
            case 3 -> {
              int at = r.nextInt(o.names.size() + 1);
              o.names.add(at, o.names.get(i));
              o.values.add(at, r.nextBoolean() ? o.values.get(i) : bad(o.values.get(i)));
            }
            default -> o.names.set(i, r.nextBoolean() ? "v" : "position");
          }
        } else {
          Arr a = arrays.get(r.nextInt(arrays.size()));
          if (a.values.isEmpty()) {
            a.values.add(bad(null));
            continue;
          }
          int i = r.nextInt(a.values.size());
          switch (kind) {
            case 5 -> a.values.remove(i);
            case 6 -> a.values.add(r.nextInt(a.values.size() + 1), a.values.get(i));
            default -> a.values.set(i, bad(a.values.get(i)));
          }
        }
      }
      byte[] b = render(copy);
      return damage ? damage(b) : b;
    }

    /** A replacement for {@code old}: a near miss of its kind, or anything. */
    private J bad(J old) {
      if (r.nextInt(5) == 0) {
        return unknownValue(1);
      }
      String[] pool = !(old instanceof Raw raw) ? BAD_OTHER
          : raw.text().startsWith("\"") ? BAD_STRINGS
          : raw.text().equals("null") ? BAD_OTHER : BAD_NUMBERS;
      return new Raw(pool[r.nextInt(pool.length)]);
    }

    private byte[] damage(byte[] b) {
      switch (r.nextInt(6)) {
        case 0 -> {
          return Arrays.copyOf(b, r.nextInt(b.length));
        }
        case 1 -> {
          String junk = new String[] {"x", "}", "]", ",", "{}", " 1", "\u0000", "/* c */", "\"", "\\"}[r.nextInt(10)];
          return concat(b, junk.getBytes(StandardCharsets.UTF_8));
        }
        case 2 -> {
          int at = r.nextInt(b.length + 1);
          String junk = "{}[]\",:0a-. \\";
          byte[] g = {(byte) junk.charAt(r.nextInt(junk.length()))};
          return concat(concat(Arrays.copyOf(b, at), g), Arrays.copyOfRange(b, at, b.length));
        }
        case 3 -> {
          byte[] c = b.clone();
          c[r.nextInt(c.length)] = (byte) r.nextInt(256);
          return c;
        }
        case 4 -> {
          byte[] c = b.clone();
          int at = r.nextInt(c.length);
          // A lone UTF-8 lead or continuation byte, or an overlong encoding.
          c[at] = new byte[] {(byte) 0xC3, (byte) 0x80, (byte) 0xFF, (byte) 0xC0, (byte) 0xED}[r.nextInt(5)];
          return c;
        }
        default -> {
          return concat(concat(b("["), b), b("]"));
        }
      }
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] c = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, c, a.length, b.length);
      return c;
    }

    private static J copy(J j) {
      if (j instanceof Obj o) {
        Obj c = new Obj();
        for (int i = 0; i < o.names.size(); i++) {
          c.put(o.names.get(i), copy(o.values.get(i)));
        }
        return c;
      }
      if (j instanceof Arr a) {
        Arr c = new Arr();
        a.values.forEach(v -> c.values.add(copy(v)));
        return c;
      }
      return j;
    }

    private static void collect(J j, List<Obj> objects, List<Arr> arrays) {
      if (j instanceof Obj o) {
        objects.add(o);
        o.values.forEach(v -> collect(v, objects, arrays));
      } else if (j instanceof Arr a) {
        arrays.add(a);
        a.values.forEach(v -> collect(v, objects, arrays));
      }
    }
  }
}
