package dev.ossecaws.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Findings as SARIF 2.1.0 (the format GitHub code scanning reads): one run, the checks as rules,
 * each finding a result with its file and line; baseline findings carry a suppression.
 */
public final class SarifReport {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SarifReport() {}

  /** The SARIF document; file paths are made relative to {@code base} (the repository). */
  public static String of(List<Finding> findings, Path base, String toolVersion) {
    ObjectNode sarif = JSON.createObjectNode();
    sarif.put("$schema", SCHEMA);
    sarif.put("version", "2.1.0");
    ObjectNode run = sarif.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "ossec-aws lint");
    driver.put("version", toolVersion);
    ArrayNode rules = driver.putArray("rules");
    for (Check check : Check.values()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", check.id());
      rule.putObject("shortDescription").put("text", check.summary());
      rule.putObject("defaultConfiguration").put("level", "error");
    }
    ArrayNode results = run.putArray("results");
    for (Finding finding : findings) {
      ObjectNode result = results.addObject();
      result.put("ruleId", finding.check().id());
      result.put("ruleIndex", finding.check().ordinal());
      result.put("level", "error");
      result.putObject("message").put("text",
          (finding.ruleId() != null ? "Rule " + finding.ruleId() + ": " : "") + finding.message());
      ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
      location.putObject("artifactLocation").put("uri", uri(base, finding.file()));
      if (finding.line() > 0) location.putObject("region").put("startLine", finding.line());
      if (finding.suppressed()) {
        ObjectNode suppression = result.putArray("suppressions").addObject();
        suppression.put("kind", "external");
        suppression.put("justification", finding.suppression());
      }
    }
    return sarif.toPrettyString() + "\n";
  }

  private static String uri(Path base, String file) {
    Path path = Path.of(file).toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    return (path.startsWith(root) ? root.relativize(path) : path).toString().replace('\\', '/');
  }
}
