package dev.ossecaws.differential;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.cloudtrail.RecordLine;
import dev.ossecaws.harness.CaseException;
import dev.ossecaws.harness.CaseFile;
import dev.ossecaws.harness.SampleCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Session inputs made from OSSEC's own sample lines (its session test, logtesting cases, .ini
 * cases and log-entries) and the project's CloudTrail samples flattened, and from near misses of
 * them: lines cut short, syslog headers dropped or rewritten, case flipped, addresses, numbers and
 * user names changed, invalid UTF-8, control bytes (never NUL or a newline, which end a line),
 * over-long lines (over 6,135 bytes: several events), and bursts of similar lines for the
 * correlation rules, with clock gaps from a second to days between some lines.
 */
final class CorpusGenerator {
  /** A syslog header: stamp, host. */
  private static final Pattern HEADER = Pattern.compile("^([A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d) (\\S+) ");
  private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Pattern USER = Pattern.compile("(?i)(user[ =]|for |account |\"userName\":\")([A-Za-z0-9_.-]+)");
  /** Few values, so that correlation by address or user finds repeats. */
  static final List<String> ADDRESSES = List.of("10.0.0.1", "10.0.0.2", "192.168.1.5", "1.2.3.4", "203.0.113.7",
      "10.1.2.3", "::1", "2001:db8::5", "172.16.0.9", "999.1.1.1");
  static final List<String> USERS = List.of("root", "admin", "alice", "bob", "guest", "Administrator", "oracle",
      "x", "svc-backup");
  static final List<String> HOSTS = List.of("web01", "db", "10.10.10.1", "fw-1.example.com", "melancia");
  private static final List<String> STAMPS = List.of("Jan  1 00:00:00 ", "Dec 31 23:59:59 ",
      "2026-01-01T10:00:00.123+00:00 ", "2026 Jan 01 10:00:00 ", "Jan 01 2026 10:00:00 ", "01/01/2026 10:00:00 ",
      "Thu Jan  1 10:00:00 2026 ");

  private final List<String> ossecLines;
  private final List<String> cloudTrailLines;

  private CorpusGenerator(List<String> ossecLines, List<String> cloudTrailLines) {
    this.ossecLines = List.copyOf(ossecLines);
    this.cloudTrailLines = List.copyOf(cloudTrailLines);
  }

  /** The sample lines of {@code ossecHome}'s tests and log-entries, and of the cases under {@code samples}. */
  static CorpusGenerator load(Path ossecHome, Path samples) throws IOException, CaseException {
    Set<String> lines = new LinkedHashSet<>(read(ossecHome.resolve("tests/session/input.log")));
    for (Path file : files(ossecHome.resolve("tests/logtesting"), "log")) lines.addAll(read(file));
    for (Path file : files(ossecHome.resolve("tests/ini"), ".ini")) {
      for (String line : read(file)) {
        Matcher log = Pattern.compile("^log \\d+ (?:pass|fail) = (.*)$").matcher(line);
        if (log.matches()) lines.add(log.group(1));
      }
    }
    for (Path file : files(ossecHome.resolve("log-entries"), "")) lines.addAll(read(file));
    lines.removeIf(line -> line.length() < 2 || line.indexOf('\0') >= 0);
    List<String> cloudTrail = new ArrayList<>();
    for (Path file : CaseFile.list(samples)) {
      for (SampleCase.Event event : CaseFile.read(file).events()) cloudTrail.add(RecordLine.of(event.record()));
    }
    return new CorpusGenerator(new ArrayList<>(lines), cloudTrail);
  }

  int ossecLines() {
    return ossecLines.size();
  }

  int cloudTrailLines() {
    return cloudTrailLines.size();
  }

  /** {@code count} lines (bursts count line by line); CloudTrail lines are likelier when the Amazon ruleset is loaded. */
  List<Line> generate(Random random, int count, boolean amazon) {
    List<Line> lines = new ArrayList<>();
    while (lines.size() < count) {
      boolean cloudTrail = random.nextInt(100) < (amazon ? 35 : 3);
      String base = pick(random, cloudTrail ? cloudTrailLines : ossecLines);
      String line = random.nextInt(100) < 45 ? base : mutate(random, base);
      int gap = gap(random);
      if (random.nextInt(100) < 8) {
        int burst = 3 + random.nextInt(12);
        boolean vary = random.nextBoolean();
        for (int i = 0; i < burst && lines.size() < count; i++) {
          lines.add(new Line(vary ? changeAddresses(random, line) : line, i == 0 ? gap : burstGap(random)));
        }
      } else {
        lines.add(new Line(line, gap));
      }
    }
    return lines;
  }

  private static int gap(Random random) {
    int roll = random.nextInt(1000);
    if (roll < 850) return 0;
    if (roll < 950) return 1 + random.nextInt(60);
    if (roll < 990) return 61 + random.nextInt(900);
    return 3_600 + random.nextInt(100_000);  // hours to a day or more: time and weekday rules
  }

  private static int burstGap(Random random) {
    return random.nextInt(100) < 70 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 5 : 200);
  }

  /** One to three mutations of {@code line}. */
  static String mutate(Random random, String line) {
    int times = 1 + (random.nextInt(100) < 30 ? 1 + random.nextInt(2) : 0);
    for (int i = 0; i < times; i++) line = mutateOnce(random, line);
    return line;
  }

  private static String mutateOnce(Random random, String line) {
    if (line.isEmpty()) return line;  // already cut to nothing: no event
    switch (random.nextInt(12)) {
      case 0:
        return line.substring(0, Math.min(line.length(), 2 + random.nextInt(Math.max(1, line.length()))));
      case 1: {
        Matcher header = HEADER.matcher(line);
        if (!header.find()) return pick(random, STAMPS) + pick(random, HOSTS) + " " + line;
        return switch (random.nextInt(4)) {
          case 0 -> line.substring(header.end());
          case 1 -> line.substring(header.end(1) + 1);
          case 2 -> header.group(1) + " " + pick(random, HOSTS) + " " + line.substring(header.end());
          default -> pick(random, STAMPS) + line.substring(header.end(1) + 1);
        };
      }
      case 2:
        return flipCase(random, line);
      case 3:
        return changeAddresses(random, line);
      case 4: {
        Matcher number = NUMBER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (number.find()) {
          String value = random.nextInt(3) == 0 ? Integer.toString(random.nextInt(70_000)) : number.group();
          number.appendReplacement(out, value);
        }
        return number.appendTail(out).toString();
      }
      case 5: {
        Matcher user = USER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (user.find()) user.appendReplacement(out, Matcher.quoteReplacement(user.group(1) + pick(random, USERS)));
        return user.appendTail(out).toString();
      }
      case 6:
        return insert(random, line, invalidUtf8(random));
      case 7:
        return insert(random, line, String.valueOf(control(random)));
      case 8:
        return overLong(random, line);
      case 9:
        return insert(random, line, pick(random, List.of("\u00c3\u00a9", "\u00c3\u0089", "\u00e2\u0082\u00ac", " ",
            "'", "\\", "%", "$", "|", "(", "[", "<", "&amp;")));
      case 10:
        return random.nextInt(4) == 0 ? pick(random, List.of("", "x", "ab", " ")) : line + " " + line;
      default:
        return line.substring(Math.min(line.length() - 1, random.nextInt(Math.max(1, line.length() / 4) + 1)));
    }
  }

  static String changeAddresses(Random random, String line) {
    Matcher ip = IPV4.matcher(line);
    StringBuilder out = new StringBuilder();
    while (ip.find()) ip.appendReplacement(out, pick(random, ADDRESSES));
    return ip.appendTail(out).toString();
  }

  private static String flipCase(Random random, String line) {
    int from = random.nextInt(line.length());
    int to = random.nextBoolean() ? line.length() : from + random.nextInt(line.length() - from + 1);
    StringBuilder out = new StringBuilder(line);
    boolean latin1 = random.nextInt(10) == 0;  // changes UTF-8 continuation bytes too: invalid UTF-8
    for (int i = from; i < to; i++) {
      char c = out.charAt(i);
      boolean ascii = c < 0x80 || latin1;
      if (ascii && Character.isUpperCase(c)) out.setCharAt(i, Character.toLowerCase(c));
      else if (ascii && Character.isLowerCase(c) && Character.toUpperCase(c) < 0x100) out.setCharAt(i, Character.toUpperCase(c));
    }
    return out.toString();
  }

  private static String invalidUtf8(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "\u00ff";
      case 1 -> "\u00c3";                 // a lead byte without its continuation
      case 2 -> "\u0080\u0080";           // continuations without a lead
      default -> "\u00ed\u00a0\u0080";    // an encoded surrogate
    };
  }

  private static char control(Random random) {
    int c = 1 + random.nextInt(32);
    if (c == '\n') c = '\r';
    return c == 32 ? (char) 0x7f : (char) c;
  }

  private static String overLong(Random random, String line) {
    int target = 6_000 + random.nextInt(8_000);
    StringBuilder out = new StringBuilder(line);
    while (out.length() < target) out.append(' ').append(line, 0, Math.max(1, Math.min(line.length(), 400)));
    return out.substring(0, target);
  }

  private static String insert(Random random, String line, String text) {
    int at = random.nextInt(line.length() + 1);
    return line.substring(0, at) + text + line.substring(at);
  }

  static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static List<String> read(Path file) throws IOException {
    return List.of(Files.readString(file, ISO_8859_1).split("\n"));
  }

  /** Regular files under {@code dir} whose name ends with {@code suffix}, in name order. */
  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted().toList();
    }
  }
}
