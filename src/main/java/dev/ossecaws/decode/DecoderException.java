package dev.ossecaws.decode;

import java.util.List;

/**
 * Decoder files OSSEC refuses to load. {@link #lines()} are OSSEC's own messages, exactly, without
 * their time stamps (spec/decoders.md §9); the exception's message adds where the fault is.
 */
public final class DecoderException extends Exception {
  private final List<String> lines;

  DecoderException(List<String> lines, String file, int line, String decoder) {
    super(where(file, line, decoder) + lines.get(0));
    this.lines = List.copyOf(lines);
  }

  private static String where(String file, int line, String decoder) {
    String at = file + ":" + line + ": ";
    return decoder == null ? at : at + "decoder '" + decoder + "': ";
  }

  /** OSSEC's messages, in the order it prints them. */
  public List<String> lines() {
    return lines;
  }
}
