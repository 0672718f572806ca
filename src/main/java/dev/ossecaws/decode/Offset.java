package dev.ossecaws.decode;

/** Where a prematch or regex starts reading the log (spec/decoders.md §2.2). */
enum Offset {
  /** The whole log. */
  NONE,
  /** After the parent's prematch. */
  AFTER_PARENT,
  /** After this decoder's own prematch. */
  AFTER_PREMATCH,
  /** After the previous regex of this chain, if that one matched. */
  AFTER_REGEX;

  /** The offset an attribute value names, or null. */
  static Offset parse(String value) {
    return switch (value) {
      case "after_parent" -> AFTER_PARENT;
      case "after_prematch" -> AFTER_PREMATCH;
      case "after_regex" -> AFTER_REGEX;
      default -> null;
    };
  }
}
