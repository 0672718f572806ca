package dev.ossecaws.rule;

/** A rule category: the decoder type of the events a top-level rule accepts (spec/rules.md §3). */
enum Category {
  SYSLOG("syslog", 1),
  IDS("ids", 2),
  FIREWALL("firewall", 3),
  WEB_LOG("web-log", 7),
  SQUID("squid", 8),
  WINDOWS("windows", 9),
  OSSEC("ossec", 11);

  /** The {@code <category>} text, equal to the decoder type it selects. */
  final String text;
  /** OSSEC's number for it, printed when no top-level rule has it. */
  final int code;

  Category(String text, int code) {
    this.text = text;
    this.code = code;
  }

  static Category named(String text) {
    for (Category category : values()) {
      if (category.text.equals(text)) return category;
    }
    return null;
  }
}
