package dev.ossecaws.rule;

import dev.ossecaws.pattern.OsPattern;

/** How a {@code <list>} condition consults its list (spec/rules.md §8). Immutable. */
final class CdbLookup {
  enum Type {
    MATCH_KEY,
    NOT_MATCH_KEY,
    MATCH_KEY_VALUE,
    ADDRESS_MATCH_KEY,
    NOT_ADDRESS_MATCH_KEY,
    ADDRESS_MATCH_KEY_VALUE
  }

  private final Type type;
  /** Null when no list of that name is configured: the condition is then always false. */
  private final CdbList list;
  private final String listName;
  private final OsPattern checkValue;

  CdbLookup(Type type, CdbList list, String listName, OsPattern checkValue) {
    this.type = type;
    this.list = list;
    this.listName = listName;
    this.checkValue = checkValue;
  }

  boolean test(String value, RuleSession session) {
    if (list == null) return false;
    if (!list.readable()) {
      session.message(list.unreadableMessage());
      return type == Type.NOT_MATCH_KEY
          || type == Type.ADDRESS_MATCH_KEY
          || type == Type.ADDRESS_MATCH_KEY_VALUE;
    }
    switch (type) {
      case MATCH_KEY:
        return list.get(value) != null;
      case NOT_MATCH_KEY:
        return list.get(value) == null;
      case MATCH_KEY_VALUE:
        return valueMatches(list.get(value));
      case ADDRESS_MATCH_KEY:
        return addressValue(value) != null;
      case NOT_ADDRESS_MATCH_KEY:
        return addressValue(value) == null;
      case ADDRESS_MATCH_KEY_VALUE:
        // Inverted in OSSEC 4.3.0 (confirmed): true unless found and the value matches.
        return !valueMatches(addressValue(value));
      default:
        throw new AssertionError(type);
    }
  }

  private boolean valueMatches(String found) {
    return found != null && checkValue != null && checkValue.matches(found);
  }

  /** The value of the address or of its longest prefix ending with {@code .} that is a key. */
  private String addressValue(String address) {
    String found = list.get(address);
    for (int end = address.length() - 1; found == null && end > 0; end--) {
      if (address.charAt(end - 1) == '.') found = list.get(address.substring(0, end));
    }
    return found;
  }

  @Override
  public String toString() {
    return "lookup=\"" + type.name().toLowerCase(java.util.Locale.ROOT) + "\""
        + (checkValue == null ? "" : " check_value=\"" + checkValue + "\"") + ">" + listName;
  }
}
