package dev.ossecaws.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's short host name, OSSEC's host name for events whose header names none. */
final class MachineName {
  /** OSSEC's name when the system's cannot be read (spec/predecoding.md §6). */
  private static final String UNKNOWN = "ossec-server";
  private static final int MAX = 511;

  private MachineName() {}

  static String shortName() {
    String name = systemName();
    if (name == null || name.isEmpty()) return UNKNOWN;
    if (name.length() > MAX) name = name.substring(0, MAX);
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** Linux keeps gethostname()'s answer in /proc; elsewhere ask the JDK. */
  private static String systemName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.ISO_8859_1).strip();
    } catch (IOException | RuntimeException notLinux) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return null;
      }
    }
  }
}
