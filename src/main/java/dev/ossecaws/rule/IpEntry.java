package dev.ossecaws.rule;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One {@code <srcip>}/{@code <dstip>} entry (spec/rules.md §4.1): optional {@code !}, then {@code
 * any} or a numeric IPv4/IPv6 address with an optional {@code /prefix}. Immutable.
 */
final class IpEntry {
  final boolean positive;
  private final String source;
  /** Null for {@code any}. IPv4-mapped IPv6 addresses are kept as 4 bytes. */
  private final byte[] network;
  private final int prefix;

  private IpEntry(boolean positive, String source, byte[] network, int prefix) {
    this.positive = positive;
    this.source = source;
    this.network = network;
    this.prefix = prefix;
  }

  /** The entry, or null if OSSEC rejects it as an invalid ip address. */
  static IpEntry parse(String text) {
    boolean positive = !text.startsWith("!");
    String rest = positive ? text : text.substring(1);
    if (rest.equals("any")) return new IpEntry(positive, text, null, 0);
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    byte[] address = parseAddress(host);
    if (address == null) return null;
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String digits = rest.substring(slash + 1);
      if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      prefix = Integer.parseInt(digits);
      if (prefix > bits) return null;
    }
    return new IpEntry(positive, text, address, prefix);
  }

  /** A numeric IPv4 or IPv6 address as bytes (IPv4-mapped ones as IPv4), or null. */
  static byte[] parseAddress(String text) {
    if (text == null || text.isEmpty()) return null;
    if (text.indexOf(':') < 0) return parseIpv4(text);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = c == ':' || c == '.' || (c >= '0' && c <= '9')
          || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!allowed) return null;
    }
    try {
      // Only hex digits, ':' and '.' get here: a literal, never a name lookup.
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException notAnAddress) {
      return null;
    }
  }

  /**
   * An IPv4 address in any of the forms inet_aton(3) documents, as OSSEC reads both an entry and an
   * event's value (measured with the real binary): {@code a.b.c.d}, {@code a.b.c} (c fills the last
   * two bytes), {@code a.b} (b the last three), {@code a} (all four), each part decimal, octal
   * after a leading 0 or hexadecimal after 0x, so that {@code 8} is 0.0.0.8, {@code 010.0.0.1} is
   * 8.0.0.1 and {@code 1.2/16} an entry; {@code 08}, {@code 0x}, {@code 1.2.3.256} are not.
   */
  private static byte[] parseIpv4(String text) {
    long[] parts = new long[4];
    int count = 0;
    int at = 0;
    while (true) {
      if (count == 4) return null;
      int end = text.indexOf('.', at);
      if (end < 0) end = text.length();
      long part = number(text, at, end);
      if (part < 0) return null;
      parts[count++] = part;
      if (end == text.length()) break;
      at = end + 1;
    }
    long last = parts[count - 1];
    if (last >= 1L << (8 * (5 - count))) return null;
    long value = last;
    for (int i = 0; i < count - 1; i++) {
      if (parts[i] > 0xff) return null;
      value |= parts[i] << (8 * (3 - i));
    }
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }

  /** The part {@code [from, to)} as C reads a number (0x hexadecimal, 0 octal), or -1; past 32 bits is -1. */
  private static long number(String text, int from, int to) {
    if (from == to) return -1;
    int radix = 10;
    int digits = from;
    if (text.charAt(from) == '0' && to - from > 1) {
      char second = text.charAt(from + 1);
      if (second == 'x' || second == 'X') {
        radix = 16;
        digits = from + 2;
        if (digits == to) return -1;
      } else {
        radix = 8;
      }
    }
    long value = 0;
    for (int i = digits; i < to; i++) {
      char c = text.charAt(i);
      int digit = c < 0x80 ? Character.digit(c, radix) : -1; // not the digits of other scripts
      if (digit < 0) return -1;
      value = value * radix + digit;
      if (value > 0xffffffffL) return -1;
    }
    return value;
  }

  boolean contains(byte[] address) {
    if (network == null) return true;
    if (address.length != network.length) return false;
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) return false;
    }
    int rest = prefix % 8;
    if (rest == 0) return true;
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }

  @Override
  public String toString() {
    return source;
  }
}
