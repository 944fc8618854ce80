package io.rankstack.eval.trec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Outputs of the real trec_eval 10.0 on synthetic data, for flags and quirks its own fixtures do
 * not reach; see {@code src/test/resources/trec_eval/synthetic/README}.
 */
class TrecEvalSyntheticGoldenTest {
  static Path dir() {
    return TrecEvalFixturesTest.fixtures().resolve("synthetic");
  }

  static Stream<Arguments> commands() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (String line : Files.readAllLines(dir().resolve("commands.txt"))) {
      String[] parts = line.split("\\|", 2);
      cases.add(Arguments.of(parts[0], parts[1]));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: trec_eval {1}")
  @MethodSource("commands")
  void printsWhatTrecEvalPrinted(String expectedFile, String commandLine) throws Exception {
    List<String> args = new ArrayList<>(List.of("trec"));
    for (String a : commandLine.split(" ")) {
      args.add(a.endsWith(".synthetic") ? dir().resolve(a).toString() : a);
    }
    String expected = Files.readString(dir().resolve(expectedFile), StandardCharsets.UTF_8);
    String actual = TrecEvalFixturesTest.run(args.toArray(new String[0]), new StringWriter(), 0);
    assertEquals(expected, actual);
  }
}
