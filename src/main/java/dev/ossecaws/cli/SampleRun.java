package dev.ossecaws.cli;

import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.harness.CaseResult;
import dev.ossecaws.harness.EngineReplay;
import dev.ossecaws.harness.Harness;
import dev.ossecaws.harness.JUnitReport;
import dev.ossecaws.xml.OssecXml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dom4j.Document;
import org.dom4j.Element;

/** The sample-case mode of {@code ossec-aws test}: runs the harness and prints its verdicts. */
final class SampleRun {
  private final Path ruleset;
  private final Path samples;
  private final Path home;
  private final Path junit;

  SampleRun(Path ruleset, Path samples, Path home, Path junit) {
    this.ruleset = ruleset;
    this.samples = samples;
    this.home = home;
    this.junit = junit;
  }

  int run(PrintWriter out) throws Exception {
    if (!Files.exists(samples)) throw new IOException("samples not found: " + samples);
    ManagerConfig config = home == null
        ? ManagerConfig.defaults(ruleset).addRuleset(ruleset).build()
        : ManagerConfig.load(home).newBuilder().addRuleset(ruleset).build();
    List<CaseResult> results = new Harness(EngineReplay.load(config)).run(samples);
    // A mistyped --samples must not pass by testing nothing.
    if (results.isEmpty()) throw new IOException("no sample case (*.json) in " + samples);
    long failed = results.stream().filter(r -> !r.passed()).count();
    for (CaseResult result : results) {
      if (!result.passed()) out.println("FAIL " + result.file() + ": " + String.join("; ", result.problems()));
    }
    out.println(ruleCount() + " rules in " + ruleset + ", " + results.size() + " cases in " + samples
        + (home != null ? ", on top of " + home : ""));
    out.println((results.size() - failed) + " passed, " + failed + " failed");
    out.flush();
    if (junit != null) JUnitReport.write(junit, "ossec-aws samples", samples, results);
    return failed == 0 ? 0 : Main.EXIT_FAILURES;
  }

  private int ruleCount() throws Exception {
    Path rules = ruleset.resolve("rules");
    int count = 0;
    try (Stream<Path> files = Files.list(rules)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
        Document document = OssecXml.read(file);
        for (Element group : document.getRootElement().elements()) count += group.elements("rule").size();
      }
    }
    return count;
  }
}
