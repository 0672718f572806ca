package dev.ossecaws.decode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.event.Event;
import dev.ossecaws.predecode.Predecoder;
import dev.ossecaws.xml.OssecXml;
import dev.ossecaws.xml.XmlException;
import java.util.ArrayList;
import java.util.List;

/** Hand-made decoder files for tests, and what decoding a line with them prints in phase 2. */
final class Decoders {
  final List<String> messages = new ArrayList<>();
  private final DecoderSet set;

  private Decoders(DecoderSet set, List<String> messages) {
    this.set = set;
    this.messages.addAll(messages);
  }

  /** Loads {@code xml} as the file {@code test.xml} with the shipped order size. */
  static Decoders load(String xml) throws DecoderException {
    List<String> messages = new ArrayList<>();
    DecoderLoader loader = new DecoderLoader(256, messages::add);
    try {
      loader.read("test.xml", OssecXml.read("test.xml", xml.getBytes(ISO_8859_1)));
    } catch (XmlException e) {
      throw new AssertionError(e);
    }
    return new Decoders(loader.build(), messages);
  }

  Event decode(String line) {
    Event event = new Predecoder("vm").predecode(line);
    set.decode(event);
    return event;
  }

  int idOf(String name) {
    return set.idOf(name);
  }

  /** Phase 2 as lines {@code label: 'value'}, then {@code decoder: 'name'}. */
  String phase2(String line) {
    Event event = decode(line);
    StringBuilder out = new StringBuilder();
    if (event.decoding == Event.Decoding.NO_CANDIDATES) out.append("(no candidates) ");
    for (Event.FieldValue field : event.assignments()) {
      out.append(field.label()).append(": '").append(field.value()).append("', ");
    }
    if (event.decoding == Event.Decoding.NO_MATCH) out.append("No decoder matched., ");
    return out.append("decoder: '").append(event.decoder.name()).append("'").toString();
  }
}
