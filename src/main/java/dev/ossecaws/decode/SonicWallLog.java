package dev.ossecaws.decode;

import dev.ossecaws.event.Event;
import dev.ossecaws.pattern.OsPattern;
import dev.ossecaws.pattern.PatternException;
import java.util.List;

/**
 * SonicWall lines: {@code ... pri=5 c=64 m=36 msg="..." n=2686 src=1.2.3.4:4507:WAN
 * dst=5.6.7.8:445:LAN ...}. The message id decides the event's type and action.
 */
final class SonicWallLog {
  private static final OsPattern HEADER = compile("pri=(\\d) c=(\\d+) m=(\\d+) ");
  private static final OsPattern ADDRESSES =
      compile("src=(\\d+.\\d+.\\d+.\\d+):(\\d+):\\S+ dst=(\\d+.\\d+.\\d+.\\d+):(\\d+):");
  private static final OsPattern PROXY = compile("result=(\\d+) dstname=(\\S+) arg=(\\S+)$");

  private SonicWallLog() {}

  static void decode(Event event) {
    event.type = "syslog";
    String log = event.log;
    OsPattern.Match header = HEADER.find(log, 0);
    if (header == null || header.captures().size() < 3) return;
    event.status = header.captures().get(0);
    String category = header.captures().get(1);
    event.id = header.captures().get(2);
    int from = header.end();
    OsPattern.Match addresses = ADDRESSES.find(log, from);
    if (addresses == null || addresses.captures().size() < 4) return;
    List<String> values = addresses.captures();
    event.srcip = values.get(0);
    event.srcport = values.get(1);
    event.dstip = values.get(2);
    event.dstport = values.get(3);
    from = addresses.end();
    int space = log.indexOf(' ', from);
    if (space >= 0 && log.startsWith("proto=", space + 1)) {
      int start = space + 7;
      int slash = log.indexOf('/', start);
      int end = Math.min(slash < 0 ? log.length() : slash, start + 6);
      event.protocol = log.substring(start, Math.min(end, log.length()));
    }
    if (category.equals("32")) event.type = "ids";
    switch (event.id) {
      case "98", "597", "598" -> firewall(event, "pass");
      case "36", "37", "38", "173", "174" -> firewall(event, "drop");
      case "537" -> firewall(event, "close");
      case "97" -> {
        event.type = "squid";
        OsPattern.Match proxy = PROXY.find(log, from);
        if (proxy == null || proxy.captures().size() < 3) return;
        event.id = proxy.captures().get(0);
        event.url = proxy.captures().get(1) + proxy.captures().get(2);
      }
      default -> {}
    }
  }

  private static void firewall(Event event, String action) {
    event.type = "firewall";
    event.action = action;
  }

  private static OsPattern compile(String regex) {
    try {
      return OsPattern.regex(regex);
    } catch (PatternException e) {
      throw new AssertionError("built-in SonicWall pattern " + regex, e);
    }
  }
}
