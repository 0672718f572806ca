package dev.ossecaws.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.event.Event;
import dev.ossecaws.rule.Firing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event's verdict as one line of JSON, for machines. Byte strings are read as UTF-8 (invalid
 * sequences become U+FFFD); unset values are JSON null.
 *
 * <p>{@code fields} holds what rules read (plugin decoders' and the accumulator's values too);
 * {@code assignments} holds the {@code <order>} assignments phase 2 prints, in order, with its
 * labels.
 *
 * <p>The line is streamed into UTF-8 bytes, never built as a tree first: a tree serialised to a
 * String, then encoded, made {@code --format json} a third slower than the text report.
 */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  /** The UTF-8 bytes of the JSON object, newline included. */
  public static byte[] of(Verdict verdict) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(4096);
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      write(verdict, json);
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array does not fail", e);
    }
    bytes.append('\n');
    return bytes.toByteArray();
  }

  /** The same object as a tree, for callers that add keys of their own (replay's alert lines). */
  public static ObjectNode tree(Verdict verdict) {
    try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
      write(verdict, tokens);
      return MAPPER.readTree(tokens.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException("a token buffer does not fail", e);
    }
  }

  private static void write(Verdict verdict, JsonGenerator json) throws IOException {
    json.writeStartObject();
    Verdict.Predecoded phase1 = verdict.predecoded();
    json.writeStringField("full_log", text(phase1.fullLog()));
    json.writeStringField("hostname", text(phase1.hostname()));
    json.writeStringField("program_name", text(phase1.programName()));
    json.writeStringField("log", text(phase1.log()));
    Verdict.Decoded phase2 = verdict.decoded();
    json.writeStringField("decoder", text(phase2.decoderName()));
    json.writeObjectFieldStart("fields");
    for (Map.Entry<String, String> field : decodedNames(phase2.values()).entrySet()) {
      json.writeStringField(field.getKey(), text(field.getValue()));
    }
    json.writeEndObject();
    json.writeArrayFieldStart("assignments");
    for (Event.FieldValue field : phase2.fields()) {
      json.writeStartObject();
      json.writeStringField("name", text(field.label()));
      json.writeStringField("value", text(field.value()));
      json.writeEndObject();
    }
    json.writeEndArray();
    Firing firing = verdict.ruled().firing();
    if (firing == null) {
      json.writeNullField("rule");
    } else {
      json.writeObjectFieldStart("rule");
      json.writeNumberField("id", firing.rule().id());
      json.writeNumberField("level", firing.rule().level());
      json.writeStringField("description", text(firing.rule().description()));
      json.writeArrayFieldStart("groups");
      for (String group : firing.rule().groups().split(",")) {
        if (!group.isEmpty()) json.writeString(text(group));
      }
      json.writeEndArray();
      json.writeBooleanField("alert", firing.alert());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /**
   * The fields by their names read as UTF-8. Two names of invalid UTF-8 can read the same (both
   * U+FFFD): one key then, where the first stood, with the last value, as a JSON object keeps it.
   */
  private static Map<String, String> decodedNames(Map<String, String> values) {
    boolean ascii = true;
    for (String name : values.keySet()) ascii &= text(name) == name;
    if (ascii) return values;
    Map<String, String> decoded = new LinkedHashMap<>();
    values.forEach((name, value) -> decoded.put(text(name), value));
    return decoded;
  }

  /** A byte string read as UTF-8; one of ASCII bytes alone is that already. */
  private static String text(String byteString) {
    if (byteString == null) return null;
    for (int i = 0, n = byteString.length(); i < n; i++) {
      if (byteString.charAt(i) >= 0x80) {
        return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      }
    }
    return byteString;
  }
}
