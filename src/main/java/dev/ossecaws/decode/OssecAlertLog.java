package dev.ossecaws.decode;

import dev.ossecaws.event.Event;

/**
 * OSSEC alerts fed back to OSSEC: {@code ossec: Alert Level: 3; Rule: 5715 - ...; Location:
 * (a) 1.2.3.4->/var/log/secure; srcip: 1.2.3.4; user: root; <original log>}.
 */
final class OssecAlertLog {
  /** The type that selects no rule category at all (spec/decoders.md §8). */
  static final String TYPE = "ossec alert";

  private OssecAlertLog() {}

  static void decode(Event event) {
    event.type = TYPE;
    String log = event.log;
    if (!log.startsWith("Alert Level:") && !log.startsWith("ossec: Alert Level")) return;
    int semicolon = log.indexOf(';');
    if (semicolon < 0) return;
    int colon = log.indexOf(": ", semicolon);
    if (colon < 0) return;
    int idEnd = log.indexOf(' ', colon + 2);
    if (idEnd < 0) return;
    String ruleId = log.substring(colon + 2, idEnd);
    int next = log.indexOf(';', idEnd);
    if (next < 0 || !log.startsWith(" Location: ", next + 1)) return;
    int locationStart = next + 12;
    int locationEnd = log.indexOf(';', locationStart);
    if (locationEnd < 0) return;
    event.alertRuleId = ruleId;
    String location = event.location + "|" + log.substring(locationStart, locationEnd);
    if (location.length() > 254) location = location.substring(0, 254);
    event.location = location;
    event.hostname = location;
    int pos = locationEnd + 1;
    while (pos + 1 < log.length() && log.charAt(pos) == ' ' && log.charAt(pos + 1) != ' ') {
      int keyEnd = log.indexOf(": ", pos + 1);
      int valueEnd = keyEnd < 0 ? -1 : log.indexOf(';', keyEnd + 2);
      if (valueEnd < 0) break;
      String key = log.substring(pos + 1, keyEnd);
      String value = log.substring(keyEnd + 2, valueEnd);
      if (key.equals("srcip")) event.srcip = value;
      if (key.equals("user")) event.dstuser = value;
      pos = valueEnd + 1;
    }
    while (pos < log.length() && log.charAt(pos) == ' ') pos++;
    String rest = log.substring(pos, Math.min(log.length(), pos + 4094));
    event.fullLog = rest;
    event.log = rest;
  }
}
