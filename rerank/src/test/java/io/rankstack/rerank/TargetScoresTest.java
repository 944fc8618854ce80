package io.rankstack.rerank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TargetScoresTest {
  @Test
  void relevantDocumentsAreAnchoredAboveEveryNonRelevantOne() {
    // relevant teacher scores 2.0, 5.0 → q 0, 1 → 7, 10; non-relevant 9.0, 3.0, 6.0 (q 1, 0, 0.5) → 6, 0, 3
    int[] t = TargetScores.fromTeacher(new double[] {2.0, 9.0, 5.0, 3.0, 6.0}, new boolean[] {true, false, true, false, false});
    assertArrayEquals(new int[] {7, 6, 10, 0, 3}, t);
  }

  @Test
  void aBandWithoutSpreadGetsItsTop() {
    assertArrayEquals(new int[] {10, 6, 6}, TargetScores.fromTeacher(new double[] {1, 4, 4}, new boolean[] {true, false, false}));
    // rounding: q = 0.25 → 7 + round(0.75) = 8; non-relevant q = 0.25 → round(1.5) = 2
    assertArrayEquals(new int[] {7, 8, 10, 0, 2, 6},
        TargetScores.fromTeacher(new double[] {0, 1, 4, 0, 1, 4}, new boolean[] {true, true, true, false, false, false}));
  }

  @Test
  void badTeacherScoresAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> TargetScores.fromTeacher(new double[] {Double.NaN}, new boolean[] {true}));
    assertThrows(IllegalArgumentException.class, () -> TargetScores.fromTeacher(new double[] {1}, new boolean[] {true, false}));
  }

  @Test
  void gradedJudgmentsMapByTheTable() {
    int[] expected = {0, 0, 4, 6, 8, 10, 10};
    int[] grades = {-1, 0, 1, 2, 3, 4, 7};
    for (int i = 0; i < grades.length; i++) {
      assertEquals(expected[i], TargetScores.fromGrade(grades[i]), "grade " + grades[i]);
    }
  }
}
