package io.rankstack.eval.trec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The C library behaviours the port depends on. */
class CCompatTest {
  @Test
  void printfRoundsTheExactBinaryValueTiesToEven() {
    assertEquals("0.0312", CPrintf.fixed(0.03125, 4)); // exact tie: to even (Java's %.4f says 0.0313)
    assertEquals("0.0938", CPrintf.fixed(0.09375, 4));
    assertEquals("0.1111", CPrintf.fixed(0.11115, 4)); // 0.11115 is 0.111149999... in binary
    assertEquals("-0.0000", CPrintf.fixed(-0.00001, 4));
    assertEquals("-0.0000", CPrintf.fixed(-0.0, 4));
    assertEquals("-412.6667", CPrintf.fixed(-412.66666666, 6, 4));
    assertEquals("  -nan", CPrintf.fixed(Double.NaN, 6, 4));
    assertEquals("   inf", CPrintf.fixed(Double.POSITIVE_INFINITY, 6, 4));
    assertEquals("0.12", CPrintf.fixed(0.125, 3, 2));
    assertEquals("P_5                   ", CPrintf.padRight("P_5", 22));
    assertEquals("num_nonrel_judged_ret_x", CPrintf.padRight("num_nonrel_judged_ret_x", 22));
  }

  @Test
  void atolAndAtofReadPrefixes() {
    assertEquals(23, CNumbers.atol("23.4"));
    assertEquals(-7, CNumbers.atol("  -7x"));
    assertEquals(0, CNumbers.atol("abc"));
    assertEquals(Long.MAX_VALUE, CNumbers.atol("99999999999999999999"));
    assertEquals(0.25, CNumbers.atof(".25"));
    assertEquals(5.0, CNumbers.atof("5."));
    assertEquals(1e3, CNumbers.atof("1e3x"));
    assertEquals(1.0, CNumbers.atof("1e"));
    assertEquals(12.0, CNumbers.atof("0xcp0"));
    assertEquals(Double.NEGATIVE_INFINITY, CNumbers.atof("-inf"));
    assertEquals(0.0, CNumbers.atof(""));
  }

  @Test
  void strictParsersRejectWhatAtofWouldSwallow() {
    assertEquals(-2.5e-3, CNumbers.parseStrictDouble("-2.5e-3"));
    assertEquals(Double.POSITIVE_INFINITY, CNumbers.parseStrictDouble("inf"));
    assertNull(CNumbers.parseStrictDouble("1.0f"));
    assertNull(CNumbers.parseStrictDouble("nan"));
    assertNull(CNumbers.parseStrictDouble("1,5"));
    assertEquals(3L, CNumbers.parseStrictLong("+3"));
    assertNull(CNumbers.parseStrictLong("1.0"));
  }

  @Test
  void lroundAndTruncation() {
    assertEquals(3, CNumbers.lround(2.5));
    assertEquals(-3, CNumbers.lround(-2.5));
    assertEquals(0, CNumbers.lround(0.49999999999999994));
    assertEquals(2, CNumbers.lround(1.5));
    assertEquals(Integer.MIN_VALUE, CNumbers.truncToInt(1e10));
    assertEquals(0, CNumbers.truncToInt(0.5));
    assertEquals(-1, CNumbers.truncToInt(-1.5));
    assertEquals(Long.MIN_VALUE, CNumbers.truncToLong(Double.NaN));
  }

  @Test
  void log2IsExactOnPowersOfTwo() {
    for (int e = 0; e < 60; e++) {
      assertEquals(e, CMath.log2(Math.scalb(1.0, e)));
    }
    assertEquals(Math.log(3) / Math.log(2), CMath.log2(3), 1e-15);
    assertEquals(Double.NEGATIVE_INFINITY, CMath.log2(0));
  }

  @Test
  void textRules() {
    assertEquals(List.of("a", "b", "c"), CText.tokens(" a\tb\u000b\f c\r"));
    assertTrue(CText.isBlank(" \t\r"));
    assertTrue(CText.compare("a", "b") < 0);
    assertTrue(CText.compare("ab", "a") > 0);
    // UTF-8 byte order: U+FFFD (EF BF BD) sorts before U+1F600 (F0 9F 98 80); UTF-16 order says otherwise
    assertTrue(CText.compare("\uFFFD", "\uD83D\uDE00") < 0);
    assertTrue("\uFFFD".compareTo("\uD83D\uDE00") > 0);
  }

  @Test
  void mergeSortMatchesGlibcWithNonTransitiveComparator() {
    // (int) (a - b): 4.5 and 4.0 are "equal" and keep their order; 4.5 and 0 are not.
    Double[] gains = {4.5, 4.0, 0.0};
    CMergeSort.sort(gains, (a, b) -> CNumbers.truncToInt(a - b));
    assertArrayEquals(new Double[] {0.0, 4.5, 4.0}, gains);
    Integer[] ints = {5, 3, 9, 1, 3, 7};
    CMergeSort.sort(ints, Integer::compare);
    assertArrayEquals(new Integer[] {1, 3, 3, 5, 7, 9}, ints);
  }
}
