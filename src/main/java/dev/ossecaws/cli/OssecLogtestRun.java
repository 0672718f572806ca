package dev.ossecaws.cli;

import dev.ossecaws.harness.CaseResult;
import dev.ossecaws.harness.OssecLogtestCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --ossec-logtest} mode of {@code ossec-aws test}: the sample cases replayed through a
 * contributor's own ossec-logtest instead of the evaluator, each case in one run of
 * {@code PATH -q} ({@code PATH -D HOME -c HOME/etc/ossec.conf -q} with {@code -D}: ossec-logtest
 * reads {@code /var/ossec/etc/ossec.conf} whatever {@code -D} says unless {@code -c} names another).
 */
final class OssecLogtestRun {
  private final Path binary;
  private final Path home;
  private final Path samples;

  OssecLogtestRun(Path binary, Path home, Path samples) {
    this.binary = binary;
    this.home = home;
    this.samples = samples;
  }

  int run(PrintWriter out) throws Exception {
    if (!Files.exists(binary)) throw new IOException("ossec-logtest not found: " + binary);
    if (Files.isDirectory(binary) || !Files.isExecutable(binary)) {
      throw new IOException("not an executable program: " + binary + " (give the ossec-logtest binary, e.g."
          + " /var/ossec/bin/ossec-logtest)");
    }
    if (!Files.exists(samples)) throw new IOException("samples not found: " + samples);
    List<OssecLogtestCheck.Result> results = new OssecLogtestCheck(this::session).run(samples);
    if (results.isEmpty()) throw new IOException("no sample case (*.json) in " + samples);
    long failed = results.stream().filter(r -> !r.result().passed()).count();
    long partly = results.stream().filter(r -> r.notCompared() != null).count();
    int notCompared = results.stream().mapToInt(OssecLogtestCheck.Result::eventsNotCompared).sum();
    for (OssecLogtestCheck.Result result : results) {
      CaseResult compared = result.result();
      if (!compared.passed()) out.println("FAIL " + compared.file() + ": " + String.join("; ", compared.problems()));
      if (result.notCompared() != null) out.println("NOT COMPARED " + compared.file() + ": " + result.notCompared());
    }
    out.println(results.size() + " cases in " + samples + ", through " + String.join(" ", session().command()));
    out.println((results.size() - failed) + " passed, " + failed + " failed"
        + (notCompared == 0 ? "" : "; " + notCompared + " events in " + partly + " cases not compared"));
    out.flush();
    return failed == 0 ? 0 : Main.EXIT_FAILURES;
  }

  private ProcessBuilder session() {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    if (home != null) {
      Path absolute = home.toAbsolutePath();
      command.addAll(List.of("-D", absolute.toString(), "-c", absolute.resolve("etc/ossec.conf").toString()));
    }
    command.add("-q");
    return new ProcessBuilder(command);
  }
}
