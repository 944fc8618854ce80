package io.rankstack.core.clicks;

import io.rankstack.core.io.InputFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the Yandex Relevance Prediction Challenge samples as PyClick ships them: each line holds
 * sessions separated by {@code ;}; a session is {@code queryid_region<TAB>id,id,… : clicked, clicked}
 * (the clicked ids in click order, possibly repeated, possibly empty). A rank counts as clicked when
 * its document was clicked at least once; a clicked id that is not on the page is ignored (the log
 * has a few) and counted in {@link Result#clicksOffPage()}.
 */
public final class YandexClickLog {
  private YandexClickLog() {}

  /** The sessions of a file and the clicks that named no shown document. */
  public record Result(List<ClickSession> sessions, long clicksOffPage) {}

  /** Reads {@code file}; a malformed session names the file, line, session number and field. */
  public static Result read(Path file) {
    List<ClickSession> sessions = new ArrayList<>();
    long offPage = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        String[] parts = line.split(";");
        for (int i = 0; i < parts.length; i++) {
          String s = parts[i].strip();
          if (s.isEmpty()) {
            continue;
          }
          String where = "session " + (i + 1) + ": ";
          int tab = s.indexOf('\t');
          int colon = s.indexOf(':', Math.max(tab, 0));
          if (tab <= 0) {
            throw new InputFormatException(file.toString(), lineNo, "query", where + "expected 'query<TAB>ids : clicks'");
          }
          if (colon < 0) {
            throw new InputFormatException(file.toString(), lineNo, "clicks", where + "no ':' before the clicked ids");
          }
          String query = s.substring(0, tab).strip();
          List<String> docs = new ArrayList<>();
          for (String d : s.substring(tab + 1, colon).split(",")) {
            if (!d.isBlank()) {
              docs.add(d.strip());
            }
          }
          if (docs.isEmpty()) {
            throw new InputFormatException(file.toString(), lineNo, "results", where + "no documents shown");
          }
          Set<String> clicked = new HashSet<>();
          for (String c : s.substring(colon + 1).split(",")) {
            if (!c.isBlank()) {
              clicked.add(c.strip());
            }
          }
          boolean[] flags = new boolean[docs.size()];
          Set<String> onPage = new HashSet<>();
          for (int k = 0; k < docs.size(); k++) {
            flags[k] = clicked.contains(docs.get(k));
            onPage.add(docs.get(k));
          }
          for (String c : clicked) {
            if (!onPage.contains(c)) {
              offPage++;
            }
          }
          sessions.add(new ClickSession(query, docs, flags));
        }
      }
    } catch (IOException e) {
      throw InputFormatException.io(file.toString(), e);
    }
    return new Result(List.copyOf(sessions), offPage);
  }
}
