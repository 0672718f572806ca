package dev.ossecaws.harness;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.output.UnitTestReport;
import dev.ossecaws.predecode.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** The engine as a {@link LineEvaluator}: the line goes to a fresh session as stdin goes to ossec-logtest. */
public final class EngineEvaluator implements LineEvaluator {
  private final Engine engine;

  public EngineEvaluator(Engine engine) {
    this.engine = engine;
  }

  /**
   * The code of the last event the line made (a line longer than a chunk makes several; one too
   * short makes none, code 0); a decoded event without rule ends the run with 255 at once.
   */
  @Override
  public int unitTestCode(String line, UnitTestReport.Expected expected) throws IOException {
    Engine session = engine.newSession();
    LineReader reader = new LineReader(new ByteArrayInputStream((line + "\n").getBytes(ISO_8859_1)));
    int code = 0;
    for (String event = reader.next(); event != null; event = reader.next()) {
      Verdict verdict = session.process(event);
      code = UnitTestReport.of(expected, verdict.decoded().decoderName(), verdict.ruled().firing()).code();
      if (code == UnitTestReport.NO_RULE) break;
    }
    return code;
  }
}
