package dev.ossecaws;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * OSSEC 4.3.0's own ossec-logtest, as {@code ../shared/oracle/ossec-logtest-real} runs it (see its
 * README): the reference the evaluator answers to. What it needs beyond {@code ../shared} is the
 * machine's, so a test without it is skipped, or failed under {@code -Dossecaws.requireShared=true}
 * (CI, whose {@code .ci/run} installs faketime).
 */
public final class Oracle {
  /** Where ossec-logtest-real loads libfaketime from for its {@code --clock}: Debian's faketime package. */
  private static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

  private Oracle() {}

  /** {@code ossec-logtest-real}, on a machine where it can run: ossec-logtest chroots, so as root. */
  public static Path script() {
    Path script = SharedData.require("oracle/ossec-logtest-real");
    if (!"root".equals(System.getProperty("user.name"))) {
      throw SharedData.unavailable("the oracle " + script + " needs root: OSSEC's ossec-logtest chroots");
    }
    return script;
  }

  /** Makes sure the oracle's {@code --clock} can work: it needs libfaketime. */
  public static void requireFaketime() {
    if (!Files.exists(LIBFAKETIME)) {
      throw SharedData.unavailable("the oracle's --clock needs libfaketime, and " + LIBFAKETIME
          + " is missing: install Debian's faketime package (apt-get install faketime)");
    }
  }
}
