package dev.ossecaws.rule;

/** A rule as read, before the tree builder places it: the rule and where it asks to go. */
final class RuleDraft {
  final Rule.Builder rule;
  final String file;
  final int line;
  final boolean overwrite;
  String ifSid;
  String ifGroup;
  /** {@code <if_level>} as written (×100 gives the internal level to compare), or null. */
  Integer ifLevel;

  RuleDraft(Rule.Builder rule, String file, int line, boolean overwrite) {
    this.rule = rule;
    this.file = file;
    this.line = line;
    this.overwrite = overwrite;
  }

  String where() {
    return file + ":" + line + ": rule " + rule.id;
  }
}
