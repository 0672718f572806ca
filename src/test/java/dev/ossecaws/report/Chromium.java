package dev.ossecaws.report;

import dev.ossecaws.SharedData;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, run on a local page with nothing that reaches the network: the DOM
 * after the page's scripts ran, what the page logged to its console, and a screenshot. Without
 * {@code chromium} on the PATH a test is skipped (failed under {@code -Dossecaws.requireShared=true}).
 */
final class Chromium {
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000");
  private static final long TIMEOUT_SECONDS = 120;

  private final Path binary;
  private final Path scratch;

  private Chromium(Path binary, Path scratch) {
    this.binary = binary;
    this.scratch = scratch;
  }

  /** Chromium with its profiles under {@code scratch}, or the test is skipped without it. */
  static Chromium find(Path scratch) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "chromium");
      if (Files.isExecutable(candidate)) return new Chromium(candidate, scratch);
    }
    throw SharedData.unavailable("Debian's chromium is not installed (apt-get install chromium); "
        + "the report's page cannot be opened");
  }

  /** The page as Chromium built it, and every message its console printed. */
  Rendered open(Path page) throws IOException, InterruptedException {
    Run run = run(page, List.of("--dump-dom"));
    return new Rendered(run.stdout, run.console);
  }

  /** A screenshot of {@code page} at {@code width} x {@code height} into {@code png}. */
  void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars"));
    if (!Files.isRegularFile(png) || Files.size(png) == 0) throw new AssertionError("chromium wrote no screenshot " + png);
  }

  private Run run(Path page, List<String> action) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(scratch, "chromium-profile");
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    command.addAll(action);
    command.add(page.toAbsolutePath().toUri().toString());
    Path stdout = scratch.resolve("chromium.out");
    Path stderr = scratch.resolve("chromium.err");
    Process process = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("chromium did not finish " + page + " in " + TIMEOUT_SECONDS + " s");
    }
    List<String> console = new ArrayList<>();
    // Console messages and uncaught exceptions come as "[pid:tid:time:LEVEL:CONSOLE(line)] ..." lines.
    for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
      if (line.contains(":CONSOLE")) console.add(line);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("chromium exited " + process.exitValue() + " on " + page + ":\n"
          + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    return new Run(Files.readString(stdout, StandardCharsets.UTF_8), console);
  }

  private record Run(String stdout, List<String> console) {}

  /** The serialised DOM after the page's scripts, and its console's messages. */
  record Rendered(String dom, List<String> console) {}
}
