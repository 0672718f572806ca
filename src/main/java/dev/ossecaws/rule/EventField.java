package dev.ossecaws.rule;

import dev.ossecaws.event.Event;

/** An event value a rule condition reads (spec/rules.md §1.3); null when the event lacks it. */
enum EventField {
  LOG("log") {
    @Override
    String of(Event event) {
      return event.log;
    }
  },
  PROGRAM_NAME("program_name") {
    @Override
    String of(Event event) {
      return event.programName;
    }
  },
  HOSTNAME("hostname") {
    @Override
    String of(Event event) {
      return event.hostname;
    }
  },
  ID("id") {
    @Override
    String of(Event event) {
      return event.id;
    }
  },
  URL("url") {
    @Override
    String of(Event event) {
      return event.url;
    }
  },
  STATUS("status") {
    @Override
    String of(Event event) {
      return event.status;
    }
  },
  EXTRA_DATA("extra_data") {
    @Override
    String of(Event event) {
      return event.data;
    }
  },
  SRCIP("srcip") {
    @Override
    String of(Event event) {
      return event.srcip;
    }
  },
  DSTIP("dstip") {
    @Override
    String of(Event event) {
      return event.dstip;
    }
  },
  SRCPORT("srcport") {
    @Override
    String of(Event event) {
      return event.srcport;
    }
  },
  DSTPORT("dstport") {
    @Override
    String of(Event event) {
      return event.dstport;
    }
  },
  ACTION("action") {
    @Override
    String of(Event event) {
      return event.action;
    }
  },
  /** {@code <user>}: the destination user if set, else the source user. */
  USER("user") {
    @Override
    String of(Event event) {
      return event.dstuser != null ? event.dstuser : event.srcuser;
    }
  },
  /** {@code <list field="user">}: the opposite preference of {@code <user>}. */
  LIST_USER("user") {
    @Override
    String of(Event event) {
      return event.srcuser != null ? event.srcuser : event.dstuser;
    }
  },
  /** GeoIP lookups do not exist in this build: never set. */
  SRCGEOIP("srcgeoip") {
    @Override
    String of(Event event) {
      return null;
    }
  },
  DSTGEOIP("dstgeoip") {
    @Override
    String of(Event event) {
      return null;
    }
  };

  final String elementName;

  EventField(String elementName) {
    this.elementName = elementName;
  }

  abstract String of(Event event);
}
