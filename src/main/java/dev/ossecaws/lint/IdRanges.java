package dev.ossecaws.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule id ranges of {@code ruleset/id-ranges.txt}: lines {@code FIRST-LAST what it is for};
 * {@code #} starts a comment.
 */
final class IdRanges {
  private static final Pattern LINE = Pattern.compile("(\\d+)-(\\d+)\\s+(\\S.*)");

  record Range(int first, int last, String purpose) {}

  private final List<Range> ranges;

  private IdRanges(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  static IdRanges read(Path file) throws IOException {
    List<Range> ranges = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceFirst("#.*", "").strip();
      if (line.isEmpty()) continue;
      Matcher m = LINE.matcher(line);
      if (!m.matches()) throw new IOException(file + ":" + (i + 1) + ": expected FIRST-LAST purpose, got '" + line + "'");
      ranges.add(new Range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
    }
    return new IdRanges(ranges);
  }

  boolean contains(int id) {
    return ranges.stream().anyMatch(r -> r.first <= id && id <= r.last);
  }

  @Override
  public String toString() {
    return String.join(", ", ranges.stream().map(r -> r.first + "-" + r.last).toList());
  }
}
