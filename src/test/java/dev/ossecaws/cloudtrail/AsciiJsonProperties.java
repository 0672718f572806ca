package dev.ossecaws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** AsciiJson writes the bytes Jackson's generator wrote with ESCAPE_NON_ASCII and DEL escaped (before 0.2). */
class AsciiJsonProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper JACKSON_ASCII = JsonMapper.builder(new JsonFactoryBuilder()
          .characterEscapes(new AsciiEscapes())
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build())
      .build();

  @Property(tries = 500)
  void valuesAreWrittenByteForByteAsJacksonWroteThem(@ForAll("values") JsonNode value) throws Exception {
    assertEquals(JACKSON_ASCII.writeValueAsString(value), AsciiJson.value(value, AsciiJson.AS_GIVEN));
  }

  @Property(tries = 500)
  void stringsAreEscapedAsJacksonEscapedThem(@ForAll String s) throws Exception {
    assertEquals(JACKSON_ASCII.writeValueAsString(s), AsciiJson.string(s));
  }

  @Property(tries = 500)
  void unquoteGivesBackTheStringThatWasWritten(@ForAll String s) {
    assertEquals(s, AsciiJson.unquote(AsciiJson.string(s)));
  }

  @Property(tries = 500)
  void theByteBufferEscapesStringsAsTheWriterDoes(@ForAll String s, @ForAll("prefixes") String before) {
    AsciiBuffer fromChars = new AsciiBuffer(1); // the smallest, so every escape makes it grow
    fromChars.appendAscii(before);
    char[] padded = ("<" + s + ">").toCharArray();
    fromChars.appendString(padded, 1, s.length());
    AsciiBuffer fromString = new AsciiBuffer(1);
    fromString.appendAscii(before);
    fromString.appendString(s);

    assertEquals(before + AsciiJson.string(s), fromChars.substring(0, fromChars.length()));
    assertEquals(before + AsciiJson.string(s), fromString.substring(0, fromString.length()));
  }

  @Provide
  Arbitrary<String> prefixes() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20);
  }

  @Example
  void everyEscapeKind() {
    assertEquals("\"\\u0000\\b\\t\\n\\f\\r\\u001F \\\"\\\\/~\\u007F\\u00E9\\uD83D\\uDE00\\uD800\"",
        AsciiJson.string("\u0000\b\t\n\f\r\u001f \"\\/~\u007f\u00e9\uD83D\uDE00\uD800"));
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return values(3);
  }

  private Arbitrary<JsonNode> values(int depth) {
    List<Arbitrary<? extends JsonNode>> choices = new ArrayList<>(List.of(
        Arbitraries.strings().all().ofMaxLength(50).map(NODES::textNode),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20).map(NODES::textNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)).map(NODES::numberNode),
        Arbitraries.of("1.50", "0.0", "-0.000", "1E+5", "1e-7", "123456789.123456789", "2.5E-12")
            .map(s -> NODES.numberNode(new BigDecimal(s))),
        Arbitraries.doubles().map(NODES::numberNode),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 1e300, 1e-300).map(NODES::numberNode),
        Arbitraries.floats().map(NODES::numberNode),
        Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode())));
    if (depth > 0) {
      choices.add(Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(10), values(depth - 1)).ofMaxSize(4)
          .map(fields -> {
            ObjectNode object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
          }));
      choices.add(values(depth - 1).list().ofMaxSize(4).map(list -> NODES.arrayNode().addAll(list)));
    }
    return Arbitraries.oneOf(choices);
  }

  /** The escapes RecordLine gave Jackson's generator: DEL too, so every character is printable ASCII. */
  private static final class AsciiEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] codes = Arrays.copyOf(standardAsciiEscapesForJSON(), 0x80);

    AsciiEscapes() {
      codes[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return codes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
