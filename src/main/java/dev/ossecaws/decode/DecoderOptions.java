package dev.ossecaws.decode;

import static dev.ossecaws.decode.DecoderLoader.configError;
import static dev.ossecaws.decode.DecoderLoader.configurationError;
import static dev.ossecaws.decode.DecoderLoader.error;

import dev.ossecaws.event.DecoderInfo;
import dev.ossecaws.xml.OssecXml;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.dom4j.Attribute;
import org.dom4j.Element;

/** The options of one {@code <decoder>} read into its draft (spec/decoders.md §2.1-2.2). */
final class DecoderOptions {
  private static final List<String> TYPES =
      List.of("syslog", "firewall", "ids", "web-log", "squid", "windows", "host-information", "ossec");
  /** A repeatable option may hold this much after concatenation (spec/decoders.md §2.1). */
  private static final int MAX_OPTION = 8191;
  private static final int MAX_ORDER_PIECES = 1024;
  private static final int MAX_FTS_PIECES = 8;

  private final DecoderDraft draft;
  private final int orderSize;
  private final Consumer<String> messages;

  DecoderOptions(DecoderDraft draft, int orderSize, Consumer<String> messages) {
    this.draft = draft;
    this.orderSize = orderSize;
    this.messages = messages;
  }

  void readAll(List<Element> options) throws DecoderException {
    for (Element option : options) read(option);
  }

  private void read(Element option) throws DecoderException {
    String name = option.getName();
    String value = option.getText();
    if (name.equals("type")) {
      if (!TYPES.contains(value)) throw fail(option, "ossec-analysisd: Invalid decoder type '" + value + "'.");
      draft.type = value;
      return;
    }
    switch (name.toLowerCase(Locale.ROOT)) {
      case "parent" -> draft.parent = concatenated(draft.parent, value);
      case "program_name" -> draft.programName = concatenated(draft.programName, value);
      case "program_name_pcre2" -> draft.programNamePcre2 = concatenated(draft.programNamePcre2, value);
      case "prematch" -> {
        prematchOffset(option);
        draft.prematch = concatenated(draft.prematch, value);
      }
      case "prematch_pcre2" -> {
        prematchOffset(option);
        draft.prematchPcre2 = concatenated(draft.prematchPcre2, value);
      }
      case "regex" -> {
        regexOffset(option, draft.regex != null);
        draft.regex = concatenated(draft.regex, value);
      }
      case "pcre2" -> {
        regexOffset(option, draft.pcre2 != null);
        draft.pcre2 = concatenated(draft.pcre2, value);
      }
      case "order" -> draft.order = order(option, value);
      case "fts" -> fts(option, value);
      case "ftscomment" -> {}
      case "use_own_name" -> draft.useOwnName = value.equals("true");
      case "plugin_decoder" -> {
        draft.plugin = PluginDecoder.named(value);
        if (draft.plugin == null) {
          throw fail(option, error(2110, "Invalid decoder argument for plugin_decoder: '" + value + "'."));
        }
      }
      case "accumulate" -> draft.accumulate = true;
      default -> throw fail(option, "ossec-analysisd: Invalid element '" + name + "' for decoder 'decoder'");
    }
  }

  /** Repeated options are joined without a separator; too long a result drops them all. */
  private String concatenated(String before, String value) {
    String joined = before == null ? value : before + value;
    if (joined.length() > MAX_OPTION) {
      messages.accept(error(1104, "Maximum string size reached for: " + value + "."));
      return null;
    }
    return joined;
  }

  private void prematchOffset(Element option) throws DecoderException {
    Offset offset = offset(option, true);
    if (offset == null) return;
    if (draft.prematchOffset != null || draft.hasPrematch()) {
      throw fail(option, error(2109, "Duplicated offsets for same regex: '" + draft.name + "'."));
    }
    draft.prematchOffset = offset;
  }

  private void regexOffset(Element option, boolean repeated) throws DecoderException {
    Offset offset = offset(option, false);
    if (offset == null) return;
    if (repeated) throw fail(option, error(2109, "Duplicated offsets for same regex: '" + draft.name + "'."));
    draft.regexOffset = offset;
  }

  /** The {@code offset} attribute, or null; a bad one on a prematch stops OSSEC at once. */
  private Offset offset(Element option, boolean prematch) throws DecoderException {
    if (option.attributeCount() == 0) return null;
    Attribute attribute = option.attribute(0);
    String message;
    if (!attribute.getName().equalsIgnoreCase("offset")) {
      message = error(2121, "Invalid decoder attribute: '" + attribute.getName() + "'");
    } else {
      Offset offset = Offset.parse(attribute.getValue());
      if (offset != null) return offset;
      message = error(2120, "Invalid offset value: '" + attribute.getValue() + "'");
    }
    if (prematch) {
      throw new DecoderException(
          List.of(message, configurationError(draft.name)), draft.file, OssecXml.line(option), draft.name);
    }
    throw fail(option, message);
  }

  private List<OrderField> order(Element option, String value) throws DecoderException {
    String[] pieces = value.split(",", MAX_ORDER_PIECES);
    if (pieces.length > orderSize) throw exit(option, "ossec-analysisd: ERROR: Order has too many fields.");
    List<OrderField> fields = new ArrayList<>();
    for (String piece : pieces) {
      OrderField field = OrderField.parse(piece, fields.size());
      if (field == null) {
        throw exit(option, "decode-xml: Wrong field '" + piece + "' in the order of decoder '" + draft.name + "'");
      }
      fields.add(field);
    }
    return fields;
  }

  private void fts(Element option, String value) throws DecoderException {
    if (draft.fts == null) draft.fts = EnumSet.noneOf(DecoderInfo.FtsField.class);
    for (String piece : value.split(",", MAX_FTS_PIECES)) {
      DecoderInfo.FtsField field = ftsField(piece);
      if (field == null) {
        throw exit(option, "decode-xml: Wrong field '" + piece + "' in the fts decoder '" + draft.name + "'");
      }
      draft.fts.add(field);
    }
  }

  private DecoderException fail(Element option, String message) {
    return configError(draft.file, OssecXml.line(option), draft.name, message);
  }

  private DecoderException exit(Element option, String message) {
    return new DecoderException(List.of(message), draft.file, OssecXml.line(option), draft.name);
  }

  /** Substring tests, in OSSEC's order: {@code srcuser} selects dstuser, {@code extra_data} data. */
  private static DecoderInfo.FtsField ftsField(String piece) {
    if (piece.contains("user")) return DecoderInfo.FtsField.DSTUSER;
    if (piece.contains("srcip")) return DecoderInfo.FtsField.SRCIP;
    if (piece.contains("dstip")) return DecoderInfo.FtsField.DSTIP;
    if (piece.contains("id")) return DecoderInfo.FtsField.ID;
    if (piece.contains("location")) return DecoderInfo.FtsField.LOCATION;
    if (piece.contains("data")) return DecoderInfo.FtsField.DATA;
    if (piece.contains("system_name")) return DecoderInfo.FtsField.SYSTEM_NAME;
    if (piece.contains("name")) return DecoderInfo.FtsField.NAME;
    return null;
  }
}
