package dev.ossecaws.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code .ini} file read the way OSSEC's test runner reads it: Python 3's configparser with
 * {@code strict=False} and its default ({@code %}) interpolation. A repeated section or key merges
 * (the last value wins), keys are lower-cased, {@code #} and {@code ;} start whole-line comments,
 * lines indented deeper than their key continue its value, {@code %%} reads as {@code %} and
 * {@code %(key)s} as that key's value.
 *
 * <p>Unlike configparser, any other {@code %} stays as it is: Python would refuse six lines of
 * OSSEC's suite ({@code %IPS-4-SIGNATURE}, URL-encoded {@code %20}) that OSSEC's own results
 * (tests/ini-results-ossec-4.3.0.txt) count as tests, and pass.
 */
final class IniFile {
  private static final String DEFAULT_SECTION = "DEFAULT";
  private static final Pattern SECTION = Pattern.compile("\\[(?<header>.+)\\]");
  private static final Pattern OPTION = Pattern.compile("(?<key>.*?)[ \\t]*[=:][ \\t]*(?<value>.*)");
  private static final Pattern REFERENCE = Pattern.compile("%\\((?<name>[^)]+)\\)s");
  private static final int MAX_INTERPOLATION_DEPTH = 10;

  private final String file;
  private final Map<String, String> defaults = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
  private final Map<String, Integer> keyLines = new LinkedHashMap<>();

  private IniFile(String file) {
    this.file = file;
  }

  /** Parses {@code text}, one char per byte, naming it {@code file} in errors. */
  static IniFile parse(String file, String text) throws IniException {
    IniFile ini = new IniFile(file);
    ini.read(text);
    return ini;
  }

  String file() {
    return file;
  }

  List<String> sections() {
    return new ArrayList<>(sections.keySet());
  }

  /** The section's keys as configparser's items() lists them: DEFAULT's first, then its own. */
  List<String> keys(String section) {
    List<String> keys = new ArrayList<>(defaults.keySet());
    for (String key : sections.get(section).keySet()) if (!keys.contains(key)) keys.add(key);
    return keys;
  }

  /** The line on which {@code key} of {@code section} was last given. */
  int line(String section, String key) {
    return keyLines.getOrDefault(section + "\0" + key, 0);
  }

  /** The interpolated value, or null when neither the section nor DEFAULT has the key. */
  String get(String section, String key) throws IniException {
    return interpolate(section, key, raw(section, key), 1);
  }

  private String raw(String section, String key) {
    String value = sections.get(section).get(key);
    return value != null ? value : defaults.get(key);
  }

  private String interpolate(String section, String key, String value, int depth) throws IniException {
    if (value == null) return null;
    if (depth > MAX_INTERPOLATION_DEPTH) throw error(section, key, "interpolation too deeply recursive");
    StringBuilder result = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      int percent = value.indexOf('%', i);
      if (percent < 0) {
        result.append(value, i, value.length());
        break;
      }
      result.append(value, i, percent);
      Matcher reference = REFERENCE.matcher(value).region(percent, value.length());
      String name = reference.lookingAt() ? reference.group("name").toLowerCase(Locale.ROOT) : null;
      if (value.startsWith("%%", percent)) {
        result.append('%');
        i = percent + 2;
      } else if (name != null && raw(section, name) != null) {
        result.append(interpolate(section, name, raw(section, name), depth + 1));
        i = reference.end();
      } else {
        result.append('%');
        i = percent + 1;
      }
    }
    return result.toString();
  }

  private void read(String text) throws IniException {
    String[] lines = text.split("\r\n|\n|\r", -1);
    Map<String, String> current = null;
    String section = null;
    String key = null;
    List<String> value = null;
    int keyIndent = Integer.MAX_VALUE;
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      String stripped = strip(line);
      boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
      if (comment || stripped.isEmpty()) {
        if (!comment && value != null) value.add("");
        continue;
      }
      int indent = indent(line);
      if (value != null && indent > keyIndent) {
        value.add(stripped);
        continue;
      }
      finish(current, key, value);
      key = null;
      value = null;
      keyIndent = indent;
      Matcher header = SECTION.matcher(stripped);
      if (header.lookingAt()) {
        section = header.group("header");
        current = section.equals(DEFAULT_SECTION)
            ? defaults : sections.computeIfAbsent(section, s -> new LinkedHashMap<>());
        continue;
      }
      if (current == null) throw new IniException(file, n + 1, "no section header before: " + line);
      Matcher option = OPTION.matcher(stripped);
      if (!option.matches() || strip(option.group("key")).isEmpty()) {
        throw new IniException(file, n + 1, "not a 'key = value' line: " + line);
      }
      key = strip(option.group("key")).toLowerCase(Locale.ROOT);
      value = new ArrayList<>(List.of(strip(option.group("value"))));
      keyLines.put(section + "\0" + key, n + 1);
    }
    finish(current, key, value);
  }

  /** Joins a value's lines; trailing blank lines go. */
  private static void finish(Map<String, String> section, String key, List<String> value) {
    if (value == null) return;
    section.put(key, stripTrailing(String.join("\n", value)));
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && isSpace(line.charAt(i))) i++;
    return i;
  }

  private static String strip(String s) {
    int start = indent(s);
    return stripTrailing(s.substring(start));
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) end--;
    return s.substring(0, end);
  }

  /** Python's str.isspace() on ASCII. */
  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
  }

  private IniException error(String section, String key, String message) {
    return new IniException(file, line(section, key), "[" + section + "] " + key + ": " + message);
  }
}
