package dev.ossecaws.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One of the manager's own programs (bin/ossec-logtest, bin/ossec-control), run to completion. */
final class ManagerCommand {
  private static final long TIMEOUT_SECONDS = 300;

  /** How a program ended: its exit status and the last line it wrote, for the report. */
  record Outcome(int exitCode, String lastLine) {
    boolean succeeded() {
      return exitCode == 0;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + (lastLine.isEmpty() ? "" : ": " + lastLine);
    }
  }

  private ManagerCommand() {}

  /** Whether the home has {@code program} (e.g. "bin/ossec-logtest") as an executable. */
  static boolean exists(ManagerHome home, String program) throws InstallRefusedException {
    return Files.isExecutable(home.resolve(program));
  }

  /** Runs {@code program} with {@code args}, in the home, merging its stderr into its stdout. */
  static Outcome run(ManagerHome home, String program, String... args)
      throws IOException, InstallRefusedException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve(program).toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .directory(home.path().toFile())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Outcome(-1, program + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + program, e);
    }
    String[] lines = output.strip().split("\n");
    return new Outcome(process.exitValue(), lines[lines.length - 1].strip());
  }
}
