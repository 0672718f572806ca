package dev.ossecaws.decode;

import dev.ossecaws.event.Event;

/** OpenBSD pf lines: {@code ... (match) pass out on xl0: 10.0.0.1.1514 > 10.0.0.2.1030:  udp 89}. */
final class PfLog {
  private PfLog() {}

  static void decode(Event event) {
    String log = event.log;
    int paren = log.indexOf(')');
    if (paren < 0 || !log.startsWith(" ", paren + 1) || paren + 2 >= log.length()) return;
    char verdict = log.charAt(paren + 2);
    if (verdict == 'p') {
      event.action = "pass";
    } else if (verdict == 'b') {
      event.action = "block";
    } else {
      return;
    }
    int colon = log.indexOf(':', paren + 2);
    if (colon < 0 || !log.startsWith(" ", colon + 1)) return;
    int sourceStart = colon + 2;
    int sourceEnd = log.indexOf(' ', sourceStart);
    if (sourceEnd < 0) return;
    String[] source = addressAndPort(log.substring(sourceStart, sourceEnd));
    event.srcip = source[0];
    if (source[1] != null) event.srcport = source[1];
    if (!log.startsWith(" > ", sourceEnd)) return;
    int destinationStart = sourceEnd + 3;
    int destinationEnd = log.indexOf(':', destinationStart);
    if (destinationEnd < 0) return;
    String[] destination = addressAndPort(log.substring(destinationStart, destinationEnd));
    event.dstip = destination[0];
    if (destination[1] != null) event.dstport = destination[1];
    int next = destinationEnd + 1;
    while (next < log.length() && log.charAt(next) == ' ') next++;
    char protocol = next < log.length() ? log.charAt(next) : '\0';
    event.protocol = protocol == 'u' ? "UDP" : protocol == 'i' ? "ICMP" : "TCP";
  }

  /** pf writes {@code a.b.c.d.port}: the fourth dot, if any, separates the port. */
  private static String[] addressAndPort(String token) {
    int dot = -1;
    for (int dots = 0; dots < 4; dots++) {
      dot = token.indexOf('.', dot + 1);
      if (dot < 0) return new String[] {token, null};
    }
    return new String[] {token.substring(0, dot), token.substring(dot + 1)};
  }
}
