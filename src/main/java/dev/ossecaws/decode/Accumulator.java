package dev.ossecaws.decode;

import dev.ossecaws.event.Event;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Merges the fields of events from an {@code <accumulate/>} decoder that share host, decoder and
 * id (spec/decoders.md §7). Per-session state; not thread-safe.
 */
public final class Accumulator {
  private static final Duration LIFETIME = Duration.ofSeconds(120);
  private static final int MAX_KEY = 255;
  private static final int MAX_VALUE = 80;

  private final Map<String, Entry> entries = new HashMap<>();

  /** Fills the event's missing fields from earlier events, and remembers its own. */
  public void accumulate(Event event) {
    if (!event.decoder.accumulate() || event.id == null) return;
    String key = event.hostname + " " + event.decoder.name() + " " + event.id;
    if (key.length() > MAX_KEY) return;
    Entry entry = entries.get(key);
    if (entry != null && !entry.time.plus(LIFETIME).isAfter(event.time)) {
      entries.remove(key);
      entry = null;
    }
    if (entry == null) {
      entry = new Entry();
      entries.put(key, entry);
    } else {
      event.dstuser = merged(event.dstuser, entry.fields[0]);
      event.srcuser = merged(event.srcuser, entry.fields[1]);
      event.dstip = merged(event.dstip, entry.fields[2]);
      event.srcip = merged(event.srcip, entry.fields[3]);
      event.dstport = merged(event.dstport, entry.fields[4]);
      event.srcport = merged(event.srcport, entry.fields[5]);
      event.data = merged(event.data, entry.fields[6]);
    }
    String[] values = {
      event.dstuser, event.srcuser, event.dstip, event.srcip, event.dstport, event.srcport, event.data
    };
    for (int i = 0; i < values.length; i++) {
      if (missing(entry.fields[i]) && storable(values[i])) entry.fields[i] = values[i];
    }
    entry.time = event.time;
  }

  private static String merged(String own, String stored) {
    return missing(own) && stored != null ? stored : own;
  }

  private static boolean missing(String value) {
    return value == null || value.isEmpty();
  }

  private static boolean storable(String value) {
    return value != null && !value.isEmpty() && value.length() <= MAX_VALUE;
  }

  /** dstuser, srcuser, dstip, srcip, dstport, srcport, data: only values of 1-80 bytes. */
  private static final class Entry {
    final String[] fields = new String[7];
    ZonedDateTime time;
  }
}
