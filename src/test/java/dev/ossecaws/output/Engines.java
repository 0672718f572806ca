package dev.ossecaws.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.engine.Clock;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/** Engines for report tests: host "melancia", time fixed at 2026-01-01T00:00:00Z. */
final class Engines {
  private Engines() {}

  /** OSSEC's defaults with one decoder file, written into {@code ruleset}. */
  static Engine withDecoders(Path ruleset, String decoders) throws Exception {
    Files.createDirectories(ruleset.resolve("decoders"));
    Files.writeString(ruleset.resolve("decoders/test.xml"), decoders, ISO_8859_1);
    return load(ManagerConfig.defaults(ruleset).addRuleset(ruleset).build());
  }

  static Engine load(ManagerConfig config) throws Exception {
    return Engine.builder()
        .config(config)
        .hostname("melancia")
        .clock(Clock.fixed(ZonedDateTime.parse("2026-01-01T00:00:00Z")))
        .load(message -> {});
  }
}
