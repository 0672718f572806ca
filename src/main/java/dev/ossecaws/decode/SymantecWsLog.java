package dev.ossecaws.decode;

import dev.ossecaws.event.Event;

/** Symantec Web Security lines: {@code 20070717,73556,1=5,...,11=1.2.3.4,10=usera,3=1,2=2}. */
final class SymantecWsLog {
  private SymantecWsLog() {}

  static void decode(Event event) {
    String log = event.log;
    // OSSEC means to skip two fields (date, time) but skips one.
    int field = log.indexOf(',');
    if (field < 0) return;
    field++;
    while (field <= log.length()) {
      int comma = log.indexOf(',', field);
      int end = comma < 0 ? log.length() : comma;
      if (event.dstuser == null && log.startsWith("10=", field)) {
        event.dstuser = value(log, field + 3, end, 128);
      } else if (event.srcip == null && log.startsWith("11=", field)) {
        event.srcip = value(log, field + 3, end, 128);
      } else if (log.startsWith("60=", field)) {
        event.url = value(log, field + 3, end, 1024);
      } else if (event.id == null && (log.startsWith("3=", field) || log.startsWith("2=", field))) {
        event.id = value(log, field, log.length(), 9);
      }
      if (comma < 0) return;
      field = comma + 1;
    }
  }

  private static String value(String log, int start, int end, int max) {
    return log.substring(start, Math.min(end, start + max));
  }
}
