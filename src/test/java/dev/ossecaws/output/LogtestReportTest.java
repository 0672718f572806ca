package dev.ossecaws.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ossecaws.engine.Engine;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec/logtest-output.md §4.2-4.4: the phase 1 and 2 blocks, byte for byte. */
class LogtestReportTest {
  @TempDir Path ruleset;

  @Test
  void eventWithoutCandidateDecodersPrintsOnlyTheDecoderLine() throws Exception {
    Engine engine = Engines.withDecoders(ruleset, "<decoder name=\"plain\"><prematch>^PLAIN</prematch></decoder>");
    assertEquals(
        "\n\n**Phase 1: Completed pre-decoding.\n"
            + "       full event: 'Jan 10 10:00:00 host1 app: PLAIN'\n"
            + "       hostname: 'host1'\n"
            + "       program_name: 'app'\n"
            + "       log: 'PLAIN'\n"
            + "       decoder: '(null)'\n",
        LogtestReport.of(engine.process("Jan 10 10:00:00 host1 app: PLAIN")));
  }

  @Test
  void accumulatingDecoderAddsTheLevelUpLine() throws Exception {
    Engine engine = Engines.withDecoders(ruleset,
        "<decoder name=\"acc\"><prematch>^ACC </prematch><regex>^ACC id=(\\S+) user=(\\S*) ip=(\\S*)</regex>"
            + "<order>id, user, srcip</order><accumulate/></decoder>");
    engine.process("ACC id=7 user=bob ip=");
    assertEquals(
        "\n\n**Phase 1: Completed pre-decoding.\n"
            + "       full event: 'ACC id=7 user= ip=1.2.3.4'\n"
            + "       hostname: 'melancia'\n"
            + "       program_name: '(null)'\n"
            + "       log: 'ACC id=7 user= ip=1.2.3.4'\n"
            + "\n"
            + "**Phase 2: Completed decoding.\n"
            + "       id: '7'\n"
            + "       dstuser: ''\n"
            + "       srcip: '1.2.3.4'\n"
            + "       decoder: 'acc'\n"
            + "\n"
            + "**ACCUMULATOR: LEVEL UP!!**\n"
            + "\n",
        LogtestReport.of(engine.process("ACC id=7 user= ip=1.2.3.4")));
  }

  @Test
  void bytesAreReportedAsTheyCame() throws Exception {
    Engine engine = Engines.withDecoders(ruleset, "<decoder name=\"plain\"><prematch>^PLAIN</prematch></decoder>");
    String report = LogtestReport.of(engine.process("caf\u00c3\u00a9 \u00ff"));
    assertEquals(true, report.contains("       full event: 'caf\u00c3\u00a9 \u00ff'\n"), report);
  }
}
