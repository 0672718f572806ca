package dev.ossecaws.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One CloudTrail record as one flat OSSEC log line: {@code "AmazonAWS":} followed by the record's
 * fields as {@code "name":value} pairs separated by commas, so that {@code "{" + line.substring(
 * PREFIX.length()) + "}"} parses back to the record.
 *
 * <p>Keys are written in one canonical order at every depth ({@link CanonicalOrder}), whatever
 * order the record's file gave them in: the fields rules key on first, in the order of {@link
 * #LEADING_FIELDS} (those present), then the rest of CloudTrail's documented record; {@code
 * userIdentity} in CloudTrail's documented order ({@code type} first); every other object with its
 * keys by name. So one record always gives one line, and a verdict never depends on key order.
 * Values are compact JSON: strings quoted and escaped, objects and arrays without spaces.
 *
 * <p><b>ASCII only.</b> Every character outside printable ASCII (U+0000–U+001F, U+007F and
 * everything above U+007F) is written as a JSON escape ({@code \n}, &#92;u00e9, a surrogate pair
 * as two &#92;uXXXX), so the line is pure ASCII: valid UTF-8 whatever the record holds
 * (even a lone surrogate), free of control bytes, and its length in characters is its length in
 * bytes. Callers get the bytes with {@code line.getBytes(StandardCharsets.US_ASCII)} (UTF-8 and
 * ISO-8859-1 give the same bytes) and append {@code '\n'} when writing a log.
 *
 * <p><b>At most {@code maxBytes}</b> ({@value #DEFAULT_MAX_BYTES} by default: OSSEC's agent reads a
 * line into a 5,888-byte buffer). A longer record is shortened, in this order, until it fits:
 *
 * <ol>
 *   <li>the bulkiest of {@code requestParameters}, {@code responseElements} and {@code
 *       additionalEventData} is cut, then the next bulkiest, then the third;
 *   <li>then any other field after the leading ones, bulkiest first;
 *   <li>only if the leading fields alone do not fit: the bulkiest leading value, a string keeping
 *       its head;
 *   <li>only for records with hundreds of fields: the last non-leading fields are dropped.
 * </ol>
 *
 * A cut value is the JSON string {@code "[cut: N bytes]"} (a cut leading string: its head followed
 * by {@code [cut: N bytes]}), where N is the size of the original value as compact JSON. The field
 * keeps its name and place, and the line still parses back to JSON.
 */
public final class RecordLine {
  /** What every line starts with; the decoder's prematch. */
  public static final String PREFIX = "\"AmazonAWS\":";

  /** The longest line OSSEC's agent reads whole (its buffer holds 5,888 bytes with newline and NUL). */
  public static final int DEFAULT_MAX_BYTES = 5886;

  /** The smallest limit accepted: room for the leading fields' names and cut markers. */
  public static final int MIN_MAX_BYTES = 1024;

  /** The fields written first, in this order, when the record has them. */
  public static final List<String> LEADING_FIELDS = List.of(
      "eventVersion", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress",
      "userAgent", "errorCode", "errorMessage", "eventType", "recipientAccountId", "userIdentity");

  /** The fields that make records long, cut first. */
  static final List<String> BULKY_FIELDS =
      List.of("requestParameters", "responseElements", "additionalEventData");

  private RecordLine() {}

  /** The record as a line of at most {@value #DEFAULT_MAX_BYTES} bytes. */
  public static String of(JsonNode record) {
    return of(record, DEFAULT_MAX_BYTES);
  }

  /**
   * The record as a line of at most {@code maxBytes} bytes.
   *
   * @throws IllegalArgumentException if {@code record} is not a JSON object or {@code maxBytes} is
   *     below {@value #MIN_MAX_BYTES}
   */
  public static String of(JsonNode record, int maxBytes) {
    if (!record.isObject()) throw new IllegalArgumentException("record is not a JSON object: " + record.getNodeType());
    if (maxBytes < MIN_MAX_BYTES) throw new IllegalArgumentException("maxBytes < " + MIN_MAX_BYTES + ": " + maxBytes);
    AsciiJson.KeyOrder order = CanonicalOrder.record();
    List<Map.Entry<String, JsonNode>> ordered = order.fields((ObjectNode) record);
    // Written whole first: most records fit, and then their line is this builder.
    StringBuilder line = new StringBuilder(2048).append(PREFIX);
    int[] ends = new int[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      if (i > 0) line.append(',');
      String name = ordered.get(i).getKey();
      AsciiJson.appendString(line, name);
      line.append(':');
      AsciiJson.appendValue(line, ordered.get(i).getValue(), order.child(name));
      ends[i] = line.length();
    }
    if (line.length() <= maxBytes) return line.toString();
    Fields fields = new Fields();
    for (int i = 0, start = PREFIX.length(); i < ordered.size(); start = ends[i++] + 1) {
      fields.add(ordered.get(i).getKey(), line.substring(start, ends[i]));
    }
    return fields.shortenedTo(maxBytes);
  }

  private static String marker(int originalBytes) {
    return "[cut: " + originalBytes + " bytes]";
  }

  /**
   * The fields of a line over the limit, in line order, and the sizes that decide what to cut: the
   * shortening of the tree's line and of {@link LineWriter}'s.
   */
  static final class Fields {
    private final List<Field> fields = new ArrayList<>();
    private int length = PREFIX.length() - 1; // the first field has no comma before it

    /** Adds the next field, as written: {@code "name":value}. */
    void add(String name, String text) {
      fields.add(new Field(name, LEADING_FIELDS.contains(name), false, text));
      length += text.length() + 1;
    }

    /** The line of these fields, shortened to at most {@code maxBytes}. */
    String shortenedTo(int maxBytes) {
      shortenTo(maxBytes);
      return line();
    }

    private void shortenTo(int maxBytes) {
      if (length <= maxBytes) return;
      cutBulkiest(maxBytes, f -> BULKY_FIELDS.contains(f.name));
      cutBulkiest(maxBytes, f -> !f.leading);
      while (length > maxBytes) {
        Field bulkiest = bulkiest(f -> f.leading);
        if (bulkiest == null) break;
        replace(bulkiest, bulkiest.shortenedBy(length - maxBytes));
      }
      for (int i = fields.size() - 1; length > maxBytes && i >= 0; i--) {
        Field field = fields.get(i);
        if (field.leading) continue;
        fields.remove(i);
        length -= field.text.length() + 1;
      }
    }

    private void cutBulkiest(int maxBytes, Predicate<Field> eligible) {
      while (length > maxBytes) {
        Field bulkiest = bulkiest(eligible);
        if (bulkiest == null) return;
        replace(bulkiest, bulkiest.cut());
      }
    }

    /** The eligible field whose cut would save the most, or null when no cut saves anything. */
    private Field bulkiest(Predicate<Field> eligible) {
      return fields.stream()
          .filter(f -> !f.cut && eligible.test(f) && f.cut().text.length() < f.text.length())
          .max(Comparator.comparingInt(f -> f.text.length()))
          .orElse(null);
    }

    private void replace(Field field, Field shorter) {
      fields.set(fields.indexOf(field), shorter);
      length += shorter.text.length() - field.text.length();
    }

    private String line() {
      StringBuilder line = new StringBuilder(length).append(PREFIX);
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) line.append(',');
        line.append(fields.get(i).text);
      }
      return line.toString();
    }
  }

  /** One {@code "name":value} pair as written. */
  private static final class Field {
    final String name;
    final boolean leading;
    final boolean cut;
    final String text;

    Field(String name, boolean leading, boolean cut, String text) {
      this.name = name;
      this.leading = leading;
      this.cut = cut;
      this.text = text;
    }

    /** The value as written. */
    private String value() {
      return text.substring(AsciiJson.string(name).length() + 1);
    }

    private int valueBytes() {
      return value().length();
    }

    /** This field with its value replaced by the cut marker. */
    Field cut() {
      return withText(marker(valueBytes()));
    }

    /**
     * This field at least {@code excess} bytes shorter if it can be: a string keeps as much of its
     * head as fits, anything else is cut whole.
     */
    Field shortenedBy(int excess) {
      Field whole = cut();
      String value = value();
      if (value.charAt(0) != '"') return whole;
      String text = AsciiJson.unquote(value);
      String suffix = marker(valueBytes());
      Field candidate = whole;
      // Characters take 1 to 12 bytes escaped: search the longest head that saves enough.
      int low = 0;
      int high = text.length();
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        Field shorter = withText(head(text, mid) + suffix);
        if (this.text.length() - shorter.text.length() >= excess) {
          low = mid;
          candidate = shorter;
        } else {
          high = mid - 1;
        }
      }
      return candidate;
    }

    private Field withText(String newValue) {
      return new Field(name, leading, true, AsciiJson.string(name) + ":" + AsciiJson.string(newValue));
    }

    /** The first {@code n} characters, one fewer if that would split a surrogate pair. */
    private static String head(String s, int n) {
      if (n > 0 && n < s.length() && Character.isHighSurrogate(s.charAt(n - 1))) n--;
      return s.substring(0, n);
    }
  }
}
