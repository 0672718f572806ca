package dev.ossecaws.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The category templates (rules 1-7) that every OSSEC manager loads first from its
 * {@code rules_config.xml}: without them no rule lacking {@code if_sid} can be placed (spec/rules.md
 * §3.3). {@link ManagerConfig#defaults} loads them, so that a ruleset tested without a manager
 * behaves as it does once installed.
 */
final class CategoryTemplates {
  private static Path file;

  private CategoryTemplates() {}

  /** The templates as OSSEC's configuration names them, from a copy on disk (rules load from files). */
  static synchronized RulesetFile rulesFile() {
    if (file == null) {
      try (InputStream in = CategoryTemplates.class.getResourceAsStream("rules_config.xml")) {
        Path copy = Files.createTempFile("ossec-aws-rules_config", ".xml");
        copy.toFile().deleteOnExit();
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        file = copy;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy the category templates to a temporary file", e);
      }
    }
    return new RulesetFile("rules_config.xml", "rules/rules_config.xml", file);
  }
}
