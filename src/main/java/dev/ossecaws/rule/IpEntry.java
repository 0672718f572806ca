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

  private static byte[] parseIpv4(String text) {
    byte[] bytes = new byte[4];
    int part = 0;
    int value = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '.';
      if (c == '.') {
        if (value < 0 || part == 4) return null;
        bytes[part++] = (byte) value;
        value = -1;
      } else if (c >= '0' && c <= '9') {
        value = value < 0 ? c - '0' : value * 10 + (c - '0');
        if (value > 255) return null;
      } else {
        return null;
      }
    }
    return part == 4 ? bytes : null;
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
