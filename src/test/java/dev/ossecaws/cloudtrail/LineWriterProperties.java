package dev.ossecaws.cloudtrail;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Flatten's lines, streamed from the parser by {@link LineWriter}, are the lines {@link RecordLine}
 * gives the trees {@link RecordReader#next()} reads: records written as JSON text, so that number
 * spellings, escapes, repeated keys and white space reach the parser as a file would give them.
 */
class LineWriterProperties {
  private static final List<String> NAMES = List.of(
      "eventVersion", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent",
      "errorCode", "errorMessage", "eventType", "recipientAccountId", "userIdentity", "requestParameters",
      "responseElements", "additionalEventData", "requestID", "eventID", "readOnly", "resources", "tlsDetails",
      "type", "principalId", "arn", "accountId", "userName", "sessionContext", "sessionIssuer", "attributes",
      "creationDate", "mfaAuthenticated", "webIdFederationData", "a", "B", "b", "Ab", "\u00e9", "\uD83D\uDE00");
  private static final List<String> NUMBERS = List.of(
      "0", "-0", "1", "-1", "2147483647", "2147483648", "-9223372036854775809", "123456789012345678901234567890",
      "1e2", "1E2", "1e+2", "1E-2", "-0.0", "0.0", "1.50", "1.5e10", "0.0000001", "0.000001", "-0.000", "1E400",
      "2.5E-12", "123456789.123456789", "1e-400", "0e0", "10.0", "3.14159265358979323846264338327950288");

  private static final String SHORT_ESCAPES = "\b\t\n\f\r";

  @Property(tries = 300)
  void streamedLinesAreTheLinesOfTheRecordsTrees(
      @ForAll("records") List<String> records, @ForAll @IntRange(min = 1024, max = 8000) int maxBytes) throws IOException {
    byte[] file = ("{\"Records\":[" + String.join(",", records) + "]}").getBytes(UTF_8);

    assertEquals(treeLines(file, maxBytes), streamedLines(file, maxBytes));
  }

  @Property(tries = 100)
  void streamedLinesAreTheTreesLinesWhenNothingIsCut(@ForAll("records") List<String> records) throws IOException {
    byte[] file = ("{\"Records\":[" + String.join(",", records) + "]}").getBytes(UTF_8);

    assertEquals(treeLines(file, Integer.MAX_VALUE), streamedLines(file, Integer.MAX_VALUE));
  }

  static String streamedLines(byte[] file, int maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LineFormat.OSSEC.copy(new ByteArrayInputStream(file), maxBytes, out);
    return out.toString(ISO_8859_1);
  }

  static String treeLines(byte[] file, int maxBytes) throws IOException {
    StringBuilder lines = new StringBuilder();
    try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(file))) {
      for (ObjectNode record = reader.next(); record != null; record = reader.next()) {
        lines.append(RecordLine.of(record, maxBytes)).append('\n');
      }
    }
    return lines.toString();
  }

  @Provide
  Arbitrary<List<String>> records() {
    return object(3, 30).list().ofMinSize(1).ofMaxSize(4);
  }

  /** An object's text, with at most {@code maxFields} fields (a key may come twice). */
  private Arbitrary<String> object(int depth, int maxFields) {
    Arbitrary<String> field = Combinators.combine(name(), value(depth), space(), space())
        .as((name, value, before, after) -> before + name + after + ":" + before + value);
    return field.list().ofMaxSize(maxFields).map(fields -> "{" + String.join(",", fields) + "}");
  }

  private Arbitrary<String> value(int depth) {
    List<Arbitrary<String>> choices = new ArrayList<>(List.of(
        Arbitraries.strings().all().ofMaxLength(40).flatMap(LineWriterProperties::jsonString),
        Arbitraries.strings().all().ofMaxLength(3000).flatMap(LineWriterProperties::jsonString),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).flatMap(LineWriterProperties::jsonString),
        Arbitraries.of("\uD800", "x\uDFFFy", "\uD83D\uDE00", "\uDE00\uD83D", "\u007F\u0000").flatMap(LineWriterProperties::jsonString),
        Arbitraries.of(NUMBERS),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25)).map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf), // 1.0E-5 and the like: JSON numbers all
        Arbitraries.of("true", "false", "null")));
    if (depth > 0) {
      choices.add(object(depth - 1, 6));
      choices.add(Combinators.combine(value(depth - 1).list().ofMaxSize(5), space())
          .as((elements, space) -> "[" + space + String.join("," + space, elements) + "]"));
    }
    return Arbitraries.oneOf(choices);
  }

  private Arbitrary<String> name() {
    return Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().all().ofMaxLength(12))
        .flatMap(LineWriterProperties::jsonString);
  }

  private Arbitrary<String> space() {
    return Arbitraries.of("", "", "", " ", "\n", "\t", "\r\n  ");
  }

  /**
   * {@code s} as a JSON string, each character spelled raw or escaped at random (the escapes
   * short or as {@code \}{@code uXXXX} in either case); a surrogate always escaped, since UTF-8
   * cannot carry a lone one.
   */
  private static Arbitrary<String> jsonString(String s) {
    return Arbitraries.integers().list().ofSize(s.length()).map(coins -> {
      StringBuilder out = new StringBuilder("\"");
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        int coin = coins.get(i) & 3;
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (coin == 2 && SHORT_ESCAPES.indexOf(c) >= 0) {
          out.append('\\').append("btnfr".charAt(SHORT_ESCAPES.indexOf(c)));
        } else if (c < 0x20 || Character.isSurrogate(c) || coin == 0) {
          out.append(String.format(coin == 1 ? "\\u%04x" : "\\u%04X", (int) c));
        } else if (c == '/' && coin == 2) {
          out.append("\\/");
        } else {
          out.append(c);
        }
      }
      return out.append('"').toString();
    });
  }
}
