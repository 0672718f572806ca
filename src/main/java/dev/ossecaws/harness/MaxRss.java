package dev.ossecaws.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set size, from Linux's /proc/self/status ({@code VmHWM}). */
final class MaxRss {
  private static final Path STATUS = Path.of("/proc/self/status");

  private MaxRss() {}

  /** Bytes, or -1 where /proc is not there. */
  static long bytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim()) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
