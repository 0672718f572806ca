package dev.ossecaws.lint;

import dev.ossecaws.harness.CaseException;
import dev.ossecaws.pattern.PatternException;
import dev.ossecaws.xml.OssecXml;
import dev.ossecaws.xml.XmlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dom4j.Document;
import org.dom4j.Element;

/**
 * Static checks of the project's ruleset ({@code ruleset/}) and of its coverage by the sample
 * cases ({@code samples/}). Each {@link Check} says what it looks for.
 */
public final class RulesetLint {
  /** OSSEC refuses (or, for rule options, silently drops) contents of this many bytes or more. */
  private static final int MAX_PATTERN = 2048;

  private static final Pattern HEADER_VERSION = Pattern.compile("\\s*<!--((?:(?!-->).)*?)\\bversion\\s+(\\d\\S*)", Pattern.DOTALL);

  private final Path ruleset;
  private final IdRanges ranges;
  private final AttackTechniques techniques;
  private final Baseline baseline;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> decoderNames = new HashSet<>();
  private final Set<String> loadedIds = new HashSet<>();
  /** Rules that can be the reported rule of an event (not noalert), by id. */
  private final Map<Integer, RuleSummary> reportable = new LinkedHashMap<>();

  private RulesetLint(Path ruleset, IdRanges ranges, AttackTechniques techniques, Baseline baseline) {
    this.ruleset = ruleset;
    this.ranges = ranges;
    this.techniques = techniques;
    this.baseline = baseline;
  }

  /** Every finding, suppressed ones included; the ruleset passes if none counts. */
  public static List<Finding> lint(Path ruleset, Path samples) throws IOException {
    Path baselineFile = ruleset.resolve("lint-baseline.txt");
    RulesetLint lint = new RulesetLint(ruleset, IdRanges.read(ruleset.resolve("id-ranges.txt")),
        AttackTechniques.read(ruleset.resolve(AttackTechniques.FILE)),
        Files.exists(baselineFile) ? Baseline.read(baselineFile) : Baseline.none());
    List<Path> decoderFiles = RulesetXml.files(ruleset.resolve("decoders"));
    List<Path> ruleFiles = RulesetXml.files(ruleset.resolve("rules"));
    for (Path file : decoderFiles) lint.decoderFile(file);
    for (Path file : ruleFiles) lint.rulesFile(file);
    lint.samples(samples);
    lint.version(decoderFiles, ruleFiles);
    return lint.findings.stream().map(lint.baseline::apply).toList();
  }

  private void decoderFile(Path file) {
    Document document = read(file);
    if (document == null) return;
    for (Element decoder : document.getRootElement().elements()) {
      String name = decoder.attributeValue("name");
      List<Element> parents = RulesetXml.children(decoder, "parent");
      // OSSEC concatenates repeated <parent> texts into one name, which must be declared earlier.
      String parent = parents.stream().map(Element::getText).collect(Collectors.joining());
      if (!parents.isEmpty() && !decoderNames.contains(parent)) {
        add(Check.DANGLING_REFERENCE, file, OssecXml.line(parents.get(0)), null,
            "decoder " + name + ": <parent> " + parent + " is not a decoder declared before it");
      }
      if (name != null) decoderNames.add(name);
      patterns(file, decoder, PatternElements.DECODER, null);
    }
  }

  private void rulesFile(Path file) {
    Document document = read(file);
    if (document == null) return;
    for (Element group : document.getRootElement().elements()) {
      String groupName = group.attributeValue("name", "");
      for (Element rule : group.elements()) rule(file, groupName, rule);
    }
  }

  private void rule(Path file, String groupName, Element rule) {
    String id = rule.attributeValue("id");
    int line = OssecXml.line(rule);
    if (id == null || !id.matches("\\d+")) {
      add(Check.ID_OUT_OF_RANGE, file, line, id, "rule without a numeric id");
      return;
    }
    if (!loadedIds.add(id)) add(Check.DUPLICATE_ID, file, line, id, "id " + id + " is already used by an earlier rule");
    if (!ranges.contains(Integer.parseInt(id))) {
      add(Check.ID_OUT_OF_RANGE, file, line, id, "id " + id + " is in none of the documented ranges (" + ranges + ")");
    }
    for (String parent : List.of("if_sid", "if_matched_sid")) {
      for (Element reference : RulesetXml.children(rule, parent)) {
        if (parent.equals("if_sid") && reference.getText().matches("|.*[, ]")) {
          add(Check.DANGLING_REFERENCE, file, OssecXml.line(reference), id, "<if_sid>" + reference.getText()
              + "</if_sid> is empty or ends with ',' or a space: OSSEC then also hangs the rule under the category template");
        }
        for (String target : reference.getText().split("[, ]+")) {
          if (!target.isEmpty() && (target.equals(id) || !loadedIds.contains(target))) {
            add(Check.DANGLING_REFERENCE, file, OssecXml.line(reference), id,
                "<" + parent + "> " + target + " is not a rule loaded before this one");
          }
        }
      }
    }
    for (Element decodedAs : RulesetXml.children(rule, "decoded_as")) {
      if (!decoderNames.contains(decodedAs.getText())) {
        add(Check.DANGLING_REFERENCE, file, OssecXml.line(decodedAs), id,
            "<decoded_as> " + decodedAs.getText() + " is not a decoder of the ruleset");
      }
    }
    patterns(file, rule, PatternElements.RULE, id);
    RuleSummary summary = RuleSummary.of(file, groupName, rule);
    if (summary.description() == null) add(Check.MISSING_DESCRIPTION, file, line, id, "no <description>");
    groups(summary);
    if (!summary.noalert()) reportable.put(summary.id(), summary);
  }

  /** The ruleset's group scheme (README.md, "Lint"): what a rule's groups must say and how. */
  private void groups(RuleSummary rule) {
    String id = String.valueOf(rule.id());
    for (String group : rule.groups().misnamedTechniques()) {
      add(Check.BAD_ATTACK_GROUP, rule.file(), rule.line(), id, "group '" + group + "' looks meant as an ATT&CK"
          + " technique but does not follow the scheme mitre_tNNNN or mitre_tNNNN.NNN (lower-case t, e.g. mitre_t1562.008)");
    }
    for (String technique : rule.groups().techniques()) {
      if (!techniques.contains(technique)) {
        add(Check.BAD_ATTACK_GROUP, rule.file(), rule.line(), id, "group mitre_" + technique.toLowerCase(Locale.ROOT)
            + " names " + technique + ", which " + techniques.file() + " does not list");
      }
    }
    if (rule.alerting() && rule.groups().techniques().isEmpty() && !rule.groups().hasCompliance()) {
      add(Check.NO_COMPLIANCE_GROUP, rule.file(), rule.line(), id, "alerting rule (level " + rule.level()
          + ") with neither an ATT&CK technique group (mitre_tNNNN[.NNN]) nor a compliance group (pci_dss_*, cis_aws_*)");
    }
  }

  private void patterns(Path file, Element owner, Map<String, PatternElements.Kind> kinds, String ruleId) {
    Map<String, StringBuilder> concatenated = new LinkedHashMap<>();
    Map<String, Element> first = new LinkedHashMap<>();
    for (Element option : owner.elements()) {
      String name = option.getName().toLowerCase(Locale.ROOT);
      if (!kinds.containsKey(name)) continue;
      if (option.getText().length() >= MAX_PATTERN) {
        add(Check.REFUSED_PATTERN, file, OssecXml.line(option), ruleId, "<" + name + "> holds "
            + option.getText().length() + " bytes; OSSEC refuses or silently drops " + MAX_PATTERN + " or more");
      }
      concatenated.computeIfAbsent(name, n -> new StringBuilder()).append(option.getText());
      first.putIfAbsent(name, option);
    }
    concatenated.forEach((name, source) -> {
      PatternElements.Kind kind = kinds.get(name);
      int line = OssecXml.line(first.get(name));
      if (kind.shadowedBy() != null && concatenated.containsKey(kind.shadowedBy())) {
        add(Check.REFUSED_PATTERN, file, line, ruleId, "<" + name + "> is silently dropped: OSSEC uses <"
            + kind.shadowedBy() + "> instead when both are given");
        return;
      }
      try {
        kind.compile(source.toString());
      } catch (PatternException e) {
        add(Check.REFUSED_PATTERN, file, line, ruleId,
            "<" + name + "> '" + source + "': OSSEC refuses it (code " + e.code() + ": " + e.getMessage() + ")");
      }
    });
  }

  /** Every rule that can report an event must be shown doing so: notRules mentions show only silence. */
  private void samples(Path samples) throws IOException {
    SampleIndex index = SampleIndex.read(samples);
    for (CaseException e : index.unreadable()) {
      findings.add(new Finding(Check.MALFORMED_CASE, e.file().toString(), 0, null, e.detail(), null));
    }
    for (RuleSummary rule : reportable.values()) {
      if (!index.positiveCases(rule.id()).isEmpty()) continue;
      int negative = index.negativeCases(rule.id()).size();
      add(Check.NO_SAMPLE, rule.file(), rule.line(), String.valueOf(rule.id()), "no sample case under " + samples
          + " expects rule " + rule.id() + (negative == 0 ? "" : " (" + negative + (negative == 1 ? " case lists" : " cases list")
          + " it in notRules, which shows only that it stays quiet)"));
    }
  }

  private void version(List<Path> decoderFiles, List<Path> ruleFiles) throws IOException {
    Path versionFile = ruleset.resolve("VERSION");
    if (!Files.exists(versionFile)) {
      findings.add(new Finding(Check.VERSION_MISMATCH, versionFile.toString(), 0, null, "missing", null));
      return;
    }
    String version = Files.readString(versionFile, StandardCharsets.UTF_8).strip();
    if (!version.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?")) {
      findings.add(new Finding(Check.VERSION_MISMATCH, versionFile.toString(), 1, null,
          "'" + version + "' is not a semantic version (MAJOR.MINOR.PATCH)", null));
    }
    Path changelog = ruleset.resolve("CHANGELOG.md");
    if (!Files.exists(changelog) || !Files.readString(changelog, StandardCharsets.UTF_8)
        .lines().anyMatch(line -> line.strip().equals("## " + version))) {
      findings.add(new Finding(Check.VERSION_MISMATCH, changelog.toString(), 0, null,
          "no '## " + version + "' section for the version in ruleset/VERSION", null));
    }
    for (Path file : Stream.concat(decoderFiles.stream(), ruleFiles.stream()).toList()) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        continue; // already an unreadable-file finding
      }
      Matcher header = HEADER_VERSION.matcher(text);
      if (!header.lookingAt()) {
        findings.add(new Finding(Check.VERSION_MISMATCH, file.toString(), 1, null,
            "the header comment names no version; expected 'version " + version + "'", null));
      } else if (!header.group(2).equals(version)) {
        findings.add(new Finding(Check.VERSION_MISMATCH, file.toString(), 1, null,
            "header says version " + header.group(2) + ", ruleset/VERSION says " + version, null));
      }
    }
  }

  private Document read(Path file) {
    try {
      return RulesetXml.read(file);
    } catch (XmlException e) {
      findings.add(new Finding(Check.UNREADABLE_FILE, file.toString(), e.line(), null, e.detail(), null));
      return null;
    }
  }

  private void add(Check check, Path file, int line, String ruleId, String message) {
    findings.add(new Finding(check, file.toString(), line, ruleId, message, null));
  }
}
