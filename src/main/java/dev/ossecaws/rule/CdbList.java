package dev.ossecaws.rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One configured CDB list (spec/rules.md §8), read from OSSEC's text list file into memory instead
 * of the compiled {@code .cdb}; the same key/value pairs either way. Immutable.
 */
public final class CdbList {
  private final String name;
  /** Null when the list cannot be read: OSSEC then fails every lookup with an error line. */
  private final Map<String, String> entries;

  private CdbList(String name, Map<String, String> entries) {
    this.name = name;
    this.entries = entries;
  }

  /**
   * Reads the text list {@code file} registered as {@code name} (the configured name after path
   * resolution, without {@code .cdb}); an unreadable file gives a list whose lookups all fail.
   */
  public static CdbList read(String name, Path file) {
    try {
      return new CdbList(name, parse(Files.readAllBytes(file)));
    } catch (IOException unreadable) {
      return new CdbList(name, null);
    }
  }

  static Map<String, String> parse(byte[] content) {
    Map<String, String> entries = new HashMap<>();
    String text = new String(content, StandardCharsets.ISO_8859_1);
    for (String line : text.split("\n", -1)) {
      line = line.replace("\r", "");
      int comment = line.indexOf("###");
      if (comment >= 0) {
        int end = comment;
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) end--;
        line = line.substring(0, end);
      }
      int colon = line.indexOf(':');
      if (colon < 0) continue;
      entries.putIfAbsent(line.substring(0, colon), line.substring(colon + 1));
    }
    return entries;
  }

  public String name() {
    return name;
  }

  boolean readable() {
    return entries != null;
  }

  /** The value of {@code key}, or null; only call on a readable list. */
  String get(String key) {
    return entries.get(key);
  }

  /** OSSEC's message for a lookup in a list it cannot open. */
  String unreadableMessage() {
    return "ossec-analysisd(1126): ERROR: Unable to open file '" + name
        + ".cdb' due to [(2)-(No such file or directory)].";
  }
}
