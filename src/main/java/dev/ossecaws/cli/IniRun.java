package dev.ossecaws.cli;

import dev.ossecaws.engine.Engine;
import dev.ossecaws.harness.EngineEvaluator;
import dev.ossecaws.harness.IniReport;
import dev.ossecaws.harness.IniSuite;
import dev.ossecaws.harness.KnownFailures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The {@code --ini} mode of {@code ossec-aws test}: OSSEC's own {@code .ini} tests against an OSSEC
 * home's configuration, each log line in a fresh session as {@code ossec-logtest -U} runs it.
 */
final class IniRun {
  private final Path iniDir;
  private final Path home;
  private final Path knownFailures;

  IniRun(Path iniDir, Path home, Path knownFailures) {
    this.iniDir = iniDir;
    this.home = home;
    this.knownFailures = knownFailures;
  }

  int run(PrintWriter out) throws Exception {
    IniSuite suite = IniSuite.load(iniDir);
    if (suite.cases().isEmpty()) throw new IOException("no .ini tests under " + iniDir);
    KnownFailures known = knownFailures == null ? KnownFailures.none() : KnownFailures.read(knownFailures);
    Engine engine = Engine.builder().config(ManagerOptions.of(home, null, null)).load(message -> {});
    IniReport report = IniReport.of(suite.run(new EngineEvaluator(engine)), known);
    for (String line : report.lines()) out.println(line);
    out.println(report.summary());
    out.flush();
    return report.unexpectedFailures() == 0 ? 0 : Main.EXIT_FAILURES;
  }
}
