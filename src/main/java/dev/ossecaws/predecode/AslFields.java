package dev.ossecaws.predecode;

import dev.ossecaws.event.Event;

/** The bracketed fields of a Mac OS X ASL line (spec/predecoding.md §4.3). */
final class AslFields {
  private AslFields() {}

  static void read(String text, int from, Event event) {
    boolean messageSeen = false;
    int open = text.indexOf('[', from);
    while (open >= 0) {
      int close = text.indexOf(']', open);
      int next = open + 1;
      if (event.programName == null && text.startsWith("[Sender ", open)) {
        if (close < 0) return;
        event.programName = text.substring(open + 8, close);
        next = close;
      } else if (!messageSeen && text.startsWith("[Message ", open)) {
        messageSeen = true;
        if (close < 0) {
          event.log = text.substring(open + 9);
          return;
        }
        event.log = text.substring(open + 9, close);
        next = close;
      } else if (text.startsWith("[Host ", open)) {
        if (close >= 0) event.hostname = text.substring(open + 6, close);
        return;
      }
      open = text.indexOf('[', next);
    }
  }
}
