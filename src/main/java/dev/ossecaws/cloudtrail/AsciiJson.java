package dev.ossecaws.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON text of a tree, ASCII only: {@code "}, {@code \}, {@code \b \t \n \f \r} escaped
 * short, every other character below U+0020, U+007F and every character above it as {@code
 * \}{@code uXXXX} (upper-case hex, a surrogate pair as two), numbers as Jackson writes them. These
 * are the bytes Jackson's generator gives with {@code ESCAPE_NON_ASCII} and DEL escaped; written
 * here into one builder because a generator per value was most of flatten's time.
 */
final class AsciiJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** For each ASCII character: 0 as is, -1 as {@code \}{@code u00XX}, else the letter after the backslash. */
  static final int[] ESCAPES = new int[0x80];

  static {
    for (int c = 0; c < 0x20; c++) ESCAPES[c] = -1;
    ESCAPES[0x7f] = -1;
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
  }

  /** The order an object's keys are written in. */
  interface KeyOrder {
    /** The object's fields in this order. */
    List<Map.Entry<String, JsonNode>> fields(ObjectNode object);

    /** The order inside the value of {@code key}. */
    KeyOrder child(String key);

    /** The order inside an array's elements. */
    KeyOrder element();
  }

  /** Each object's keys as the tree holds them. */
  static final KeyOrder AS_GIVEN = new KeyOrder() {
    @Override
    public List<Map.Entry<String, JsonNode>> fields(ObjectNode object) {
      return new ArrayList<>(object.properties());
    }

    @Override
    public KeyOrder child(String key) {
      return this;
    }

    @Override
    public KeyOrder element() {
      return this;
    }
  };

  private AsciiJson() {}

  static String string(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    appendString(out, s);
    return out.toString();
  }

  /** The string {@link #string} wrote as {@code quoted}, its escapes undone. */
  static String unquote(String quoted) {
    StringBuilder out = new StringBuilder(quoted.length());
    for (int i = 1, end = quoted.length() - 1; i < end; i++) {
      char c = quoted.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char kind = quoted.charAt(++i);
      switch (kind) {
        case 'b' -> out.append('\b');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'f' -> out.append('\f');
        case 'r' -> out.append('\r');
        case 'u' -> {
          out.append((char) Integer.parseInt(quoted, i + 1, i + 5, 16));
          i += 4;
        }
        default -> out.append(kind); // the quote and the backslash
      }
    }
    return out.toString();
  }

  static String value(JsonNode value, KeyOrder order) {
    StringBuilder out = new StringBuilder(128);
    appendValue(out, value, order);
    return out.toString();
  }

  static void appendString(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    int plain = 0; // s[plain, i) needs no escape
    for (int i = firstEscape(s); i < n; i++) {
      char c = s.charAt(i);
      int escape = c < 0x80 ? ESCAPES[c] : -1;
      if (escape == 0) continue;
      out.append(s, plain, i).append('\\');
      if (escape > 0) {
        out.append((char) escape);
      } else {
        out.append('u').append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
      }
      plain = i + 1;
    }
    if (plain == 0) out.append(s); // the common case, copied whole
    else out.append(s, plain, n);
    out.append('"');
  }

  /** The index of the first character to escape, or the length. */
  private static int firstEscape(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || ESCAPES[c] != 0) return i;
    }
    return s.length();
  }

  static void appendValue(StringBuilder out, JsonNode value, KeyOrder order) {
    switch (value.getNodeType()) {
      case STRING -> appendString(out, value.textValue());
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> field : order.fields((ObjectNode) value)) {
          if (!first) out.append(',');
          first = false;
          appendString(out, field.getKey());
          out.append(':');
          appendValue(out, field.getValue(), order.child(field.getKey()));
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
          appendValue(out, it.next(), order.element());
          if (it.hasNext()) out.append(',');
        }
        out.append(']');
      }
      case NUMBER -> appendNumber(out, value);
      case BOOLEAN, NULL -> out.append(value.asText());
      default -> throw new IllegalArgumentException("not JSON data: " + value.getNodeType());
    }
  }

  /** As Jackson writes each kind of number (a double's NaN and infinities quoted). */
  private static void appendNumber(StringBuilder out, JsonNode number) {
    if (number.isBigDecimal()) {
      out.append(number.decimalValue().toString());
    } else if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
      out.append('"').append(number.asText()).append('"');
    } else {
      out.append(number.asText());
    }
  }
}
