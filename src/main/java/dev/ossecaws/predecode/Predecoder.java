package dev.ossecaws.predecode;

import dev.ossecaws.event.Event;
import java.util.Objects;

/**
 * Phase 1 (spec/predecoding.md): one input line becomes an event with {@code full_log}, {@code
 * log}, host name and program name. Immutable and thread-safe.
 */
public final class Predecoder {
  private final String fallbackHostname;

  /**
   * @param fallbackHostname the host name of events whose header names none: OSSEC uses the short
   *     name of the machine it runs on (spec/predecoding.md §6)
   */
  public Predecoder(String fallbackHostname) {
    this.fallbackHostname = Objects.requireNonNull(fallbackHostname, "fallbackHostname == null");
  }

  /** Pre-decodes {@code line}, a byte string as {@link LineReader} delivers it. */
  public Event predecode(String line) {
    Event event = new Event();
    event.fullLog = withoutControlBytes(line);
    event.log = event.fullLog;
    readHeader(event);
    if (event.hostname == null) event.hostname = fallbackHostname;
    return event;
  }

  private static void readHeader(Event event) {
    String text = event.fullLog;
    for (HeaderFormat format : HeaderFormat.values()) {
      int skip = format.headerLength(text);
      if (skip < 0) continue;
      if (format.syslogFamily) {
        if (skip < text.length() && text.charAt(skip) == ' ') skip++;
        new SyslogHeader(text, skip).read(event);
      } else if (format == HeaderFormat.ASL) {
        event.log = text.substring(skip);
        AslFields.read(text, skip, event);
      } else {
        event.log = text.substring(skip);
      }
      return;
    }
  }

  /** Bytes 0x01-0x1F and 0x7F are deleted, not replaced (spec/predecoding.md §3). */
  static String withoutControlBytes(String line) {
    int first = 0;
    while (first < line.length() && !isControl(line.charAt(first))) first++;
    if (first == line.length()) return line;
    StringBuilder kept = new StringBuilder(line.length());
    kept.append(line, 0, first);
    for (int i = first; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!isControl(c)) kept.append(c);
    }
    return kept.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || c == 0x7F;
  }
}
