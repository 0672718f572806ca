package dev.ossecaws.rule;

import dev.ossecaws.event.Event;
import java.util.function.Function;

/** An event value a rule condition reads (spec/rules.md §1.3); null when the event lacks it. */
enum EventField {
  LOG("log", event -> event.log),
  PROGRAM_NAME("program_name", event -> event.programName),
  HOSTNAME("hostname", event -> event.hostname),
  ID("id", event -> event.id),
  URL("url", event -> event.url),
  STATUS("status", event -> event.status),
  EXTRA_DATA("extra_data", event -> event.data),
  SRCIP("srcip", event -> event.srcip),
  DSTIP("dstip", event -> event.dstip),
  SRCPORT("srcport", event -> event.srcport),
  DSTPORT("dstport", event -> event.dstport),
  ACTION("action", event -> event.action),
  /** {@code <user>}: the destination user if set, else the source user. */
  USER("user", event -> event.dstuser != null ? event.dstuser : event.srcuser),
  /** {@code <list field="user">}: the opposite preference of {@code <user>}. */
  LIST_USER("user", event -> event.srcuser != null ? event.srcuser : event.dstuser),
  /** GeoIP lookups do not exist in this build: never set. */
  SRCGEOIP("srcgeoip", event -> null),
  DSTGEOIP("dstgeoip", event -> null);

  final String elementName;
  private final Function<Event, String> value;

  EventField(String elementName, Function<Event, String> value) {
    this.elementName = elementName;
    this.value = value;
  }

  String of(Event event) {
    return value.apply(event);
  }
}
