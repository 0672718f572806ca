package dev.ossecaws;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * OSSEC 4.3.0's own data in {@code ../shared}: tests that need it skip with a visible message when
 * it is absent, and fail instead under {@code -Dossecaws.requireShared=true} (as {@code .ci/run}).
 */
public final class SharedData {
  private SharedData() {}

  /** {@code ../shared/ossec-4.3.0}, laid out like an OSSEC home. */
  public static Path ossecHome() {
    return require("ossec-4.3.0");
  }

  /** A path under {@code ../shared}, or the test is skipped (or failed in CI) without it. */
  public static Path require(String relative) {
    Path root = Path.of(System.getProperty("ossecaws.shared", "../shared"));
    Path path = root.resolve(relative);
    if (Files.exists(path)) return path;
    throw unavailable("OSSEC's data " + path + " is not present (clone ../shared beside the project)");
  }

  /**
   * Skips the test, saying {@code why} (something it needs is missing here), or fails it under
   * {@code -Dossecaws.requireShared=true}, where nothing may be skipped. Never returns; callers
   * throw its result so the compiler knows.
   */
  public static AssertionError unavailable(String why) {
    if (Boolean.getBoolean("ossecaws.requireShared")) fail(why);
    System.err.println("skipped: " + why);
    assumeTrue(false, "skipped: " + why);
    return new AssertionError("unreachable");
  }
}
