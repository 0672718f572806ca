package dev.ossecaws.rule;

import dev.ossecaws.event.Event;

/** OSSEC's built-in {@code <compiled_rule>} predicates (spec/rules.md §4.4). */
enum CompiledRule {
  CHECK_ID_SIZE("check_id_size") {
    @Override
    boolean test(Event event) {
      return event.id != null && event.id.length() >= 10;
    }
  },
  COMP_MSWIN_TARGETUSER_CALLERUSER_DIFF("comp_mswin_targetuser_calleruser_diff") {
    @Override
    boolean test(Event event) {
      String target = valueAfter(event.log, "Target Account Name");
      String caller = valueAfter(event.log, "Caller User Name");
      if (target == null || caller == null) return false;
      int i = 0;
      while (i < target.length()) {
        char c = target.charAt(i);
        if (c == '\t' || (c == ' ' && i + 1 < target.length() && target.charAt(i + 1) == ' ')) break;
        if (i >= caller.length() || caller.charAt(i) != c) return true;
        i++;
      }
      return false;
    }
  },
  COMP_SRCUSER_DSTUSER("comp_srcuser_dstuser") {
    @Override
    boolean test(Event event) {
      return event.srcuser == null || event.dstuser == null || event.srcuser.equals(event.dstuser);
    }
  },
  IS_SIMPLE_HTTP_REQUEST("is_simple_http_request") {
    @Override
    boolean test(Event event) {
      if (event.url == null) return false;
      if (event.action != null && !event.action.equalsIgnoreCase("GET")) return false;
      return event.url.equals("/") || event.url.indexOf('?') < 0;
    }
  },
  /** Only the address prefixes: the DNS half of OSSEC's check needs the network and is false here. */
  IS_VALID_CRAWLER("is_valid_crawler") {
    @Override
    boolean test(Event event) {
      for (String prefix : CRAWLER_PREFIXES) {
        if (event.log.startsWith(prefix)) return true;
      }
      return false;
    }
  };

  private static final String[] CRAWLER_PREFIXES = {
    "72.14.", "209.85.", "65.55.", "207.46.", "74.6.", "72.30.", "67.195."
  };

  final String elementText;

  CompiledRule(String elementText) {
    this.elementText = elementText;
  }

  abstract boolean test(Event event);

  static CompiledRule named(String text) {
    for (CompiledRule rule : values()) {
      if (rule.elementText.equals(text)) return rule;
    }
    return null;
  }

  /** The text after the first {@code :} that follows {@code label} in {@code log}, skipping spaces. */
  private static String valueAfter(String log, String label) {
    int at = log.indexOf(label);
    if (at < 0) return null;
    int colon = log.indexOf(':', at + label.length());
    if (colon < 0) return null;
    int start = colon + 1;
    while (start < log.length() && (log.charAt(start) == ' ' || log.charAt(start) == '\t')) start++;
    return log.substring(start);
  }
}
