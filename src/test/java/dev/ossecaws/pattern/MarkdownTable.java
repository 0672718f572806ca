package dev.ossecaws.pattern;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rows of the example tables copied from spec/regex.md, with cells in the spec's notation. */
final class MarkdownTable {
  private static final Pattern CODE_OR_EMPTY = Pattern.compile("`([^`]*)`|\\(empty\\)");

  private MarkdownTable() {}

  /** Each data row of the resource's table as its cells, Markdown's {@code \|} turned into {@code |}. */
  static List<List<String>> rows(String resource) {
    String text;
    try (InputStream in = MarkdownTable.class.getResourceAsStream(resource)) {
      text = new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith("| ") || line.startsWith("| #") || line.startsWith("| OSSEC")) continue;
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1)) {
        cells.add(cell.strip().replace("\\|", "|"));
      }
      rows.add(cells);
    }
    return rows;
  }

  /**
   * The values of a cell: each {@code `code`} span or {@code (empty)} in order, as byte strings
   * (UTF-8 of the spec's text, {@code <TAB>} a tab, {@code <0xFF>} the byte 0xFF).
   */
  static List<String> values(String cell) {
    List<String> values = new ArrayList<>();
    Matcher m = CODE_OR_EMPTY.matcher(cell);
    while (m.find()) values.add(m.group(1) == null ? "" : bytes(m.group(1)));
    return values;
  }

  /** The single value of a cell; a blank cell is empty. */
  static String value(String cell) {
    List<String> values = values(cell);
    if (values.size() > 1) throw new IllegalArgumentException("one value expected in " + cell);
    return values.isEmpty() ? "" : values.get(0);
  }

  static String bytes(String specText) {
    return new String(specText.getBytes(UTF_8), ISO_8859_1).replace("<TAB>", "\t").replace("<0xFF>", "\u00ff");
  }
}
