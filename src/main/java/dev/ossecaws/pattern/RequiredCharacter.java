package dev.ossecaws.pattern;

/**
 * PCRE2's "required code unit": a literal that every match must contain. A subject without it,
 * in either case, cannot match, and is refused by one {@code indexOf} instead of a search that
 * tries every start position. Only a top-level literal that is not made optional by a quantifier
 * counts, and none if the pattern has top-level alternatives.
 */
final class RequiredCharacter {
  static final int NONE = -1;

  private final boolean utf;
  private int required = NONE;
  private int pending = NONE;
  private boolean alternatives;

  RequiredCharacter(boolean utf) {
    this.utf = utf;
  }

  /** A literal was emitted; {@code topLevel} if it is outside every group. */
  void literal(int codePoint, boolean topLevel) {
    settle();
    // Spaces are everywhere in logs; with UTF the k and s of a pattern also match non-ASCII letters.
    boolean useful = codePoint > ' ' && codePoint < 0x7F && !(utf && "kKsS".indexOf(codePoint) >= 0);
    if (topLevel && useful) pending = codePoint;
  }

  /** A quantifier was emitted after the last item; {@code optional} if it allows none. */
  void quantifier(boolean optional) {
    if (optional) pending = NONE;
    settle();
  }

  /** Any other item, group or assertion: the last literal is no longer the one a quantifier would take. */
  void other() {
    settle();
  }

  void topLevelAlternative() {
    alternatives = true;
  }

  /** The character (ASCII; either case will do), or {@link #NONE}. */
  int result() {
    settle();
    return alternatives ? NONE : required;
  }

  private void settle() {
    if (pending != NONE) required = pending;
    pending = NONE;
  }

  /** Whether {@code subject} from {@code from} on holds {@code required} in either ASCII case. */
  static boolean isIn(String subject, int from, int required) {
    if (required == NONE || subject.indexOf(required, from) >= 0) return true;
    int other = Character.isUpperCase(required) ? Character.toLowerCase(required) : Character.toUpperCase(required);
    return other != required && subject.indexOf(other, from) >= 0;
  }
}
