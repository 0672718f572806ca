package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {
  private static final String LINE =
      "\"AmazonAWS\":\"eventVersion\":\"1.08\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"";

  @TempDir Path scratch;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  private int bench(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 3];
    full[0] = "bench";
    full[1] = "--ruleset";
    full[2] = "ruleset";
    System.arraycopy(args, 0, full, 3, args.length);
    return cli.execute(full);
  }

  @Test
  void aCorpusIsMeasuredAndReportedInThreeLines() throws Exception {
    Path corpus = Files.writeString(scratch.resolve("corpus.log"), LINE + "\n");
    assertEquals(0, bench("--warm-up", "0", "--rounds", "1", corpus.toString()), err.toString());
    String[] lines = out.toString().split("\n");
    assertEquals(3, lines.length, out.toString());
    assertTrue(lines[0].startsWith("1 lines x 1 rounds in "), lines[0]);
    assertTrue(lines[1].matches("\\d+ events/second .*"), lines[1]);
  }

  @Test
  void anEmptyCorpusIsUnusableInput() throws Exception {
    Path corpus = Files.writeString(scratch.resolve("empty.log"), "");
    assertEquals(2, bench("--warm-up", "0", corpus.toString()));
    assertEquals("bench: corpus has no lines: " + corpus + "\n", err.toString());
  }

  @Test
  void aDirectoryOrMissingCorpusIsNamedInTheMessage() {
    assertEquals(2, bench(scratch.toString()));
    assertEquals("bench: corpus is not a file: " + scratch + "\n", err.toString());
  }

  @Test
  void aNegativeWarmUpIsAUsageError() throws Exception {
    Path corpus = Files.writeString(scratch.resolve("corpus.log"), LINE + "\n");
    assertEquals(2, bench("--warm-up", "-1", corpus.toString()));
    assertTrue(err.toString().startsWith("--warm-up must be 0 or more"), err.toString());
  }
}
