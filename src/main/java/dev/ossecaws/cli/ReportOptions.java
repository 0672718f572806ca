package dev.ossecaws.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --ruleset}, {@code --samples} and {@code -o}: what lint and coverage read, and where their report goes. */
final class ReportOptions {
  @Option(names = "--ruleset", paramLabel = "DIR", defaultValue = "ruleset",
      description = "The ruleset directory (default: ${DEFAULT-VALUE}).")
  Path ruleset;

  @Option(names = "--samples", paramLabel = "DIR", defaultValue = "samples",
      description = "The sample cases (default: ${DEFAULT-VALUE}).")
  Path samples;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  /** Refuses missing directories up front, in words, before any file under them is read. */
  void requireDirectories() throws IOException {
    if (!Files.isDirectory(ruleset)) throw new IOException("ruleset directory not found: " + ruleset);
    if (!Files.isDirectory(samples)) throw new IOException("samples directory not found: " + samples);
  }

  void write(String report, PrintWriter out) throws IOException {
    if (output != null) {
      Files.writeString(output, report, StandardCharsets.UTF_8);
    } else {
      out.print(report);
      out.flush();
    }
  }
}
