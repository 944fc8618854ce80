package io.rankstack.eval.trec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** trec_eval's getopt conventions. */
class TrecArgumentsTest {
  static TrecArguments parse(String... args) {
    return TrecArguments.parse(List.of(args));
  }

  @Test
  void defaults() {
    TrecArguments a = parse("q", "r");
    assertEquals(TrecEvalOptions.defaults(), a.options());
    assertFalse(a.perQuery());
    assertTrue(a.summary());
    assertEquals(Path.of("q"), a.qrels());
    assertEquals(Path.of("r"), a.run());
  }

  @Test
  void attachedSeparateAndGroupedValues() {
    TrecArguments a = parse("-qcM100", "-l", "2", "-mrelstring.20", "-m", "P.5,7,3",
        "-miprec_at_recall..10,.20", "-N5", "-J", "-n", "q", "r");
    assertTrue(a.perQuery());
    assertFalse(a.summary());
    TrecEvalOptions o = a.options();
    assertTrue(o.completeRelInfo());
    assertTrue(o.judgedDocsOnly());
    assertEquals(100, o.maxRetrievedPerTopic());
    assertEquals(2, o.relevanceLevel());
    assertEquals(5, o.numDocsInCollection());
    assertEquals(List.of("relstring.20", "P.5,7,3", "iprec_at_recall..10,.20"), o.measures());
  }

  @Test
  void longOptionsPrefixesAndOptionsAfterFiles() {
    TrecArguments a = parse("q", "--measure=map", "r", "--Max_retrieved_per_topic", "7", "--query");
    assertEquals(List.of("map"), a.options().measures());
    assertEquals(7, a.options().maxRetrievedPerTopic());
    assertTrue(a.perQuery());
    assertThrows(IllegalArgumentException.class, () -> parse("q", "r", "-odd")); // '-d' is no flag
    assertEquals(Path.of("-odd"), parse("q", "--", "-odd").run());
  }

  @Test
  void errors() {
    assertThrows(IllegalArgumentException.class, () -> parse("q"));
    assertThrows(IllegalArgumentException.class, () -> parse("q", "r", "s"));
    assertThrows(IllegalArgumentException.class, () -> parse("q", "r", "-m"));
    assertThrows(IllegalArgumentException.class, () -> parse("q", "r", "--nosuch"));
    assertThrows(IllegalArgumentException.class, () -> parse("q", "r", "--Re", "x")); // Rel_info_format or Results_format
    assertThrows(IllegalArgumentException.class, () -> parse("q", "r", "-l", "1.5"));
    assertThrows(IllegalArgumentException.class, () -> parse("q", "r", "-Z", "z"));
  }

  @Test
  void helpAndVersionNeedNoFiles() {
    assertTrue(parse("-h").help());
    assertTrue(parse("--version").version());
  }
}
