package dev.ossecaws.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small ruleset and samples directory written for one test: the Amazon decoder, a root rule
 * 80000 (noalert), the rules the test gives, a two-tactic ATT&CK table and the cases it asks for.
 * It passes lint as long as every rule it adds has a positive case and a technique or compliance group.
 */
final class RulesetFixture {
  static final String TECHNIQUES = """
      # fixture table
      TA0006 credential-access Credential Access
      TA0005 defense-evasion Defense Evasion
      TA0040 impact Impact
      T1562.008 defense-evasion Impair Defenses: Disable or Modify Cloud Logs
      T1110 credential-access Brute Force
      T1556 credential-access,defense-evasion Modify Authentication Process
      T1485 impact Data Destruction
      """;

  private final Path ruleset;
  private final Path samples;

  private RulesetFixture(Path root) {
    this.ruleset = root.resolve("ruleset");
    this.samples = root.resolve("samples");
  }

  static RulesetFixture in(Path root) throws IOException {
    RulesetFixture fixture = new RulesetFixture(root);
    Files.createDirectories(fixture.ruleset.resolve("decoders"));
    Files.createDirectories(fixture.ruleset.resolve("rules"));
    Files.createDirectories(fixture.samples);
    fixture.write("VERSION", "1.0.0\n");
    fixture.write("CHANGELOG.md", "# Changelog\n\n## 1.0.0\n");
    fixture.write("id-ranges.txt", "80000-80999 the fixture's rules\n");
    fixture.write(AttackTechniques.FILE, TECHNIQUES);
    fixture.write("decoders/amazon_decoders.xml", "<!-- fixture decoders, version 1.0.0 -->\n"
        + "<decoder name=\"amazon\">\n  <prematch>^\"AmazonAWS\":</prematch>\n</decoder>\n");
    return fixture.rules();
  }

  /** An alerting rule under the root, matching {@code "x"}, with {@code groups} as its group text. */
  static String rule(int id, int level, String groups) {
    return "<rule id=\"" + id + "\" level=\"" + level + "\">\n  <if_sid>80000</if_sid>\n  <match>x</match>\n"
        + "  <description>Fixture rule " + id + "</description>\n  <group>" + groups + "</group>\n</rule>\n";
  }

  /** Replaces the rules file: the root rule, then {@code rules}, in one {@code <group name="amazon,">}. */
  RulesetFixture rules(String... rules) throws IOException {
    write("rules/amazon_rules.xml", "<!-- fixture rules, version 1.0.0 -->\n<group name=\"amazon,\">\n"
        + "<rule id=\"80000\" level=\"0\" noalert=\"1\">\n  <decoded_as>amazon</decoded_as>\n"
        + "  <description>Amazon events</description>\n</rule>\n" + String.join("", rules) + "</group>\n");
    return this;
  }

  RulesetFixture techniques(String table) throws IOException {
    write(AttackTechniques.FILE, table);
    return this;
  }

  /** A one-event case, {@code name} under samples/, whose event {@code ruleId} reports. */
  RulesetFixture positiveCase(String name, int ruleId) throws IOException {
    return writeCase(name, "\"rule\": " + ruleId + ", \"level\": 5, \"description\": \"Fixture rule " + ruleId
        + "\", \"groups\": [], \"alert\": true");
  }

  /** A one-event case, {@code name} under samples/, whose event no rule reports and {@code ruleId} must not. */
  RulesetFixture negativeCase(String name, int ruleId) throws IOException {
    return writeCase(name, "\"rule\": null, \"alert\": false, \"notRules\": [" + ruleId + "]");
  }

  Path ruleset() {
    return ruleset;
  }

  Path samples() {
    return samples;
  }

  Path rulesFile() {
    return ruleset.resolve("rules/amazon_rules.xml");
  }

  private RulesetFixture writeCase(String name, String expect) throws IOException {
    Path file = samples.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"description\": \"fixture case\", \"events\": [{\"record\": {\"eventVersion\": \"1.08\"},"
        + " \"expect\": {" + expect + ", \"decoder\": \"amazon\", \"fields\": {}}}]}\n", StandardCharsets.UTF_8);
    return this;
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(ruleset.resolve(name), text, StandardCharsets.UTF_8);
  }
}
