package dev.ossecaws.decode;

import dev.ossecaws.event.Event;

/**
 * One entry of a decoder's {@code <order>}: a static event field or a dynamic field named by the
 * entry (spec/decoders.md §6). Immutable.
 */
final class OrderField {
  private final StaticField field;
  private final String dynamicName;
  private final int position;

  private OrderField(StaticField field, String dynamicName, int position) {
    this.field = field;
    this.dynamicName = dynamicName;
    this.position = position;
  }

  /**
   * The field of one comma piece of an {@code <order>}, or null if the piece is blank. Leading
   * spaces are skipped and the piece ends at the next space; a dynamic field's name loses only one
   * leading space.
   */
  static OrderField parse(String piece, int position) {
    int start = 0;
    while (start < piece.length() && piece.charAt(start) == ' ') start++;
    int end = piece.indexOf(' ', start);
    if (end < 0) end = piece.length();
    if (start == end) return null;
    String name = piece.substring(start, end);
    StaticField field = StaticField.named(name);
    if (field != null) return new OrderField(field, null, position);
    int nameStart = piece.startsWith(" ") ? 1 : 0;
    return new OrderField(null, piece.substring(nameStart, end), position);
  }

  /** The dynamic field's name, or null for a static field. */
  String dynamicName() {
    return dynamicName;
  }

  void assign(Event event, String value) {
    if (field != null) {
      field.set(event, value);
      event.assigned(field.label, value);
    } else {
      event.setDynamicField(position, value);
      event.assigned(dynamicName, value);
    }
  }

  @Override
  public String toString() {
    return field != null ? field.label : dynamicName;
  }

  /** The event fields an {@code <order>} can name, with the labels phase 2 prints. */
  private enum StaticField {
    DSTUSER("dstuser"),
    SRCUSER("srcuser"),
    SRCIP("srcip"),
    DSTIP("dstip"),
    SRCPORT("srcport"),
    DSTPORT("dstport"),
    PROTOCOL("proto"),
    ACTION("action"),
    ID("id"),
    URL("url"),
    DATA("extra_data"),
    STATUS("status"),
    SYSTEM_NAME("system_name"),
    FILENAME("filename");

    final String label;

    StaticField(String label) {
      this.label = label;
    }

    static StaticField named(String name) {
      return switch (name) {
        case "dstuser", "user" -> DSTUSER;
        case "srcuser" -> SRCUSER;
        case "srcip" -> SRCIP;
        case "dstip" -> DSTIP;
        case "srcport" -> SRCPORT;
        case "dstport" -> DSTPORT;
        case "protocol" -> PROTOCOL;
        case "action" -> ACTION;
        case "id" -> ID;
        case "url" -> URL;
        case "data", "extra_data" -> DATA;
        case "status" -> STATUS;
        case "system_name" -> SYSTEM_NAME;
        default -> name.contains("filename") ? FILENAME : null;
      };
    }

    void set(Event event, String value) {
      switch (this) {
        case DSTUSER -> event.dstuser = value;
        case SRCUSER -> event.srcuser = value;
        case SRCIP -> event.srcip = value;
        case DSTIP -> event.dstip = value;
        case SRCPORT -> event.srcport = value;
        case DSTPORT -> event.dstport = value;
        case PROTOCOL -> event.protocol = value;
        case ACTION -> event.action = value;
        case ID -> event.id = value;
        case URL -> event.url = value;
        case DATA -> event.data = value;
        case STATUS -> event.status = value;
        case SYSTEM_NAME -> event.systemName = value;
        case FILENAME -> event.filename = value;
      }
    }
  }
}
