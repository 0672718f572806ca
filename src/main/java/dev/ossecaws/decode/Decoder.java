package dev.ossecaws.decode;

import dev.ossecaws.event.DecoderInfo;
import dev.ossecaws.pattern.OsPattern;
import java.util.List;

/**
 * One compiled {@code <decoder>}: a top-level decoder with its children, or a child. Immutable and
 * thread-safe; built by {@link DecoderLoader}.
 */
final class Decoder {
  /** What an event decoded by this node carries: the final name and id, type, FTS, order names. */
  final DecoderInfo info;
  /** Null if none; for a child it is compiled but never evaluated (spec/decoders.md §3). */
  final OsPattern programName;
  final OsPattern prematch;
  final boolean prematchAfterParent;
  final OsPattern regex;
  final Offset regexOffset;
  final List<OrderField> order;
  final PluginDecoder plugin;
  /** Whether a later child of the same name continues this one's regex chain. */
  final boolean continuesChain;
  /** The children of a top-level decoder, in load order; empty for a child. */
  final List<Decoder> children;

  Decoder(
      DecoderInfo info,
      OsPattern programName,
      OsPattern prematch,
      boolean prematchAfterParent,
      OsPattern regex,
      Offset regexOffset,
      List<OrderField> order,
      PluginDecoder plugin,
      boolean continuesChain,
      List<Decoder> children) {
    this.info = info;
    this.programName = programName;
    this.prematch = prematch;
    this.prematchAfterParent = prematchAfterParent;
    this.regex = regex;
    this.regexOffset = regexOffset;
    this.order = List.copyOf(order);
    this.plugin = plugin;
    this.continuesChain = continuesChain;
    this.children = List.copyOf(children);
  }

  @Override
  public String toString() {
    return "decoder '" + info.name() + "'";
  }
}
