package dev.ossecaws.decode;

import dev.ossecaws.event.DecoderInfo;
import dev.ossecaws.pattern.OsPattern;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A {@code <decoder>} as read, before it is compiled into an immutable {@link Decoder}. */
final class DecoderDraft {
  final String name;
  final String file;
  final int line;
  String parent;
  String programName;
  String programNamePcre2;
  String prematch;
  String prematchPcre2;
  Offset prematchOffset;
  String regex;
  String pcre2;
  Offset regexOffset;
  List<OrderField> order;
  Set<DecoderInfo.FtsField> fts;
  String type = "syslog";
  boolean useOwnName;
  PluginDecoder plugin;
  boolean accumulate;

  OsPattern compiledProgramName;
  OsPattern compiledPrematch;
  OsPattern compiledRegex;
  boolean continuesChain;
  final List<DecoderDraft> children = new ArrayList<>();

  DecoderDraft(String name, String file, int line) {
    this.name = name;
    this.file = file;
    this.line = line;
  }

  boolean hasProgramName() {
    return programName != null || programNamePcre2 != null;
  }

  boolean hasPrematch() {
    return prematch != null || prematchPcre2 != null;
  }

  boolean hasRegex() {
    return regex != null || pcre2 != null;
  }

  Set<DecoderInfo.FtsField> ftsFields() {
    return fts == null ? EnumSet.noneOf(DecoderInfo.FtsField.class) : fts;
  }

  Decoder build(String finalName, int id, List<Decoder> builtChildren) {
    List<String> dynamicNames = new ArrayList<>();
    for (OrderField field : order == null ? List.<OrderField>of() : order) {
      dynamicNames.add(field.dynamicName());
    }
    DecoderInfo info = new DecoderInfo(finalName, id, type, ftsFields(), accumulate, dynamicNames);
    return new Decoder(
        info,
        compiledProgramName,
        compiledPrematch,
        prematchOffset == Offset.AFTER_PARENT,
        compiledRegex,
        regexOffset == null ? Offset.NONE : regexOffset,
        order == null ? List.of() : order,
        plugin,
        continuesChain,
        builtChildren);
  }
}
