package dev.ossecaws.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** JSON strings byte for byte as Jackson's UTF-8 generator writes the UTF-8 reading of the same bytes. */
class JsonStringTest {
  private static final JsonFactory JACKSON = new JsonFactory();

  @Test
  void quoteAndBackslashAreEscapedAndSlashIsNot() throws IOException {
    assertSameAsJackson("a\"b\\c/d");
  }

  @Test
  void controlCharactersHaveTheirShortEscapesOrHexOnes() throws IOException {
    assertSameAsJackson("\b\t\n\f\r");
    assertSameAsJackson("\u0000\u0001\u000b\u000e\u001f x");
  }

  @Test
  void deleteIsWrittenAsItIs() throws IOException {
    assertSameAsJackson("a\u007fb");
  }

  @Test
  void wellFormedUtf8IsCopiedLineAndParagraphSeparatorsToo() throws IOException {
    assertSameAsJackson(bytes(0x63, 0x61, 0x66, 0xc3, 0xa9)); // café
    assertSameAsJackson(bytes(0xe2, 0x82, 0xac, 0x20, 0xe2, 0x80, 0xa8, 0xe2, 0x80, 0xa9)); // U+20AC, U+2028, U+2029
    assertSameAsJackson(bytes(0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbf, 0xdf, 0xbf, 0xc2, 0x80)); // U+FFFD, U+FFFF, U+07FF, U+0080
  }

  @Test
  void fourByteCharacterIsWrittenAsItsTwoSurrogatesEscaped() throws IOException {
    String grinning = bytes(0x78, 0xf0, 0x9f, 0x98, 0x80, 0x79);
    assertEquals("\"x\\uD83D\\uDE00y\"", write(grinning));
    assertSameAsJackson(grinning);
    assertSameAsJackson(bytes(0xf4, 0x8f, 0xbf, 0xbf, 0xf0, 0x90, 0x80, 0x80)); // U+10FFFF, U+10000
  }

  @Test
  void invalidUtf8ReadsAsReplacementCharacters() throws IOException {
    assertEquals("\"a\uFFFDb\"", new String(write(bytes(0x61, 0xff, 0x62)).getBytes(ISO_8859_1), UTF_8));
    assertSameAsJackson(bytes(0x80, 0xbf, 0xfe, 0xff)); // continuation bytes alone, bytes never in UTF-8
    assertSameAsJackson(bytes(0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xf0, 0x80, 0x80, 0xaf)); // overlong forms
    assertSameAsJackson(bytes(0xed, 0xa0, 0x80, 0xed, 0xbf, 0xbf)); // surrogates
    assertSameAsJackson(bytes(0xf4, 0x90, 0x80, 0x80, 0xf5, 0x80)); // beyond U+10FFFF
    assertSameAsJackson(bytes(0xc3, 0x41, 0xe2, 0x82, 0x22, 0x0a)); // cut short, then an escape
    assertSameAsJackson(bytes(0x61, 0xf0, 0x9f, 0x98)); // cut short by the end
    assertSameAsJackson(bytes(0xc3, 0xa9, 0xff, 0xf0, 0x9f, 0x98, 0x80, 0x09)); // both kinds in one string
  }

  @Test
  void emptyAndNullStrings() throws IOException {
    assertSameAsJackson("");
    ReportBuffer out = new ReportBuffer(4);
    JsonString.write(out, null);
    assertEquals("null", out.toString());
  }

  @Test
  void rangeIsWrittenAloneAndReadAlone() throws IOException {
    String groups = bytes(0x61, 0x2c, 0x62, 0xc3, 0x2c, 0x63);
    ReportBuffer out = new ReportBuffer(4);
    JsonString.write(out, groups, 2, 4);
    assertEquals(jackson(bytes(0x62, 0xc3)), out.toString());
  }

  @Test
  void randomByteStringsLongAndShort() throws IOException {
    // Bytes drawn mostly from those that matter: ASCII escapes, UTF-8 leads and continuations.
    int[] alphabet = {0x00, 0x09, 0x0a, 0x1f, 0x22, 0x2f, 0x41, 0x5c, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0,
        0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
    Random random = new Random(20260101);
    for (int i = 0; i < 5_000; i++) {
      int length = i % 100 == 0 ? 20_000 : random.nextInt(12);
      StringBuilder s = new StringBuilder(length);
      for (int j = 0; j < length; j++) s.append((char) alphabet[random.nextInt(alphabet.length)]);
      assertSameAsJackson(s.toString());
    }
  }

  private static void assertSameAsJackson(String byteString) throws IOException {
    assertEquals(jackson(byteString), write(byteString), () -> "bytes " + hex(byteString));
  }

  /** What JsonString writes, as a byte string. */
  private static String write(String byteString) {
    ReportBuffer out = new ReportBuffer(4);
    JsonString.write(out, byteString);
    return out.toString();
  }

  /** What Jackson writes of the text the bytes read as, as a byte string. */
  private static String jackson(String byteString) throws IOException {
    ByteArrayBuilder bytes = new ByteArrayBuilder();
    try (JsonGenerator json = JACKSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      json.writeString(new String(byteString.getBytes(ISO_8859_1), UTF_8));
    }
    return new String(bytes.toByteArray(), ISO_8859_1);
  }

  private static String bytes(int... bytes) {
    StringBuilder s = new StringBuilder();
    for (int b : bytes) s.append((char) b);
    return s.toString();
  }

  private static String hex(String byteString) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(byteString.length(), 64); i++) hex.append(String.format("%02x ", (int) byteString.charAt(i)));
    return hex.toString();
  }
}
