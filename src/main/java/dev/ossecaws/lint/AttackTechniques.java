package dev.ossecaws.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ATT&CK table of {@code ruleset/attack-techniques.txt}: tactics ({@code TA0005 defense-evasion
 * Defense Evasion}), in the order the coverage table shows them, and techniques ({@code T1562.008
 * defense-evasion Impair Defenses: Disable or Modify Cloud Logs}) with their tactics; {@code #}
 * starts a comment. A rule's groups name techniques only, so their tactics come from here.
 */
final class AttackTechniques {
  /** The table's name in the ruleset directory. */
  static final String FILE = "attack-techniques.txt";

  private static final Pattern TACTIC = Pattern.compile("(TA\\d{4})\\s+([a-z]+(?:-[a-z]+)*)\\s+(\\S.*)");
  private static final Pattern TECHNIQUE = Pattern.compile("(T\\d{4}(?:\\.\\d{3})?)\\s+(\\S+)\\s+(\\S.*)");

  record Tactic(String id, String shortName, String name) {}

  record Technique(String id, List<String> tactics, String name) {}

  private final Path file;
  private final Map<String, Tactic> tactics;
  private final Map<String, Technique> techniques;

  private AttackTechniques(Path file, Map<String, Tactic> tactics, Map<String, Technique> techniques) {
    this.file = file;
    this.tactics = tactics;
    this.techniques = techniques;
  }

  static AttackTechniques read(Path file) throws IOException {
    Map<String, Tactic> tactics = new LinkedHashMap<>();
    Map<String, Technique> techniques = new TreeMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceFirst("#.*", "").strip();
      if (line.isEmpty()) continue;
      Matcher tactic = TACTIC.matcher(line);
      Matcher technique = TECHNIQUE.matcher(line);
      String where = file + ":" + (i + 1) + ": ";
      if (tactic.matches()) {
        if (tactics.put(tactic.group(2), new Tactic(tactic.group(1), tactic.group(2), tactic.group(3))) != null) {
          throw new IOException(where + "tactic " + tactic.group(2) + " is listed twice");
        }
      } else if (technique.matches()) {
        String id = technique.group(1);
        if (techniques.put(id, new Technique(id, Arrays.asList(technique.group(2).split(",")), technique.group(3))) != null) {
          throw new IOException(where + "technique " + id + " is listed twice");
        }
        lineOf.put(id, i + 1);
      } else {
        throw new IOException(where + "expected 'TA0005 defense-evasion Defense Evasion' or"
            + " 'T1562.008 defense-evasion Impair Defenses: Disable or Modify Cloud Logs', got '" + line + "'");
      }
    }
    // Checked once the whole file is read, so that tactics may be listed after the techniques too.
    for (Technique technique : techniques.values()) {
      for (String tactic : technique.tactics()) {
        if (!tactics.containsKey(tactic)) {
          throw new IOException(file + ":" + lineOf.get(technique.id()) + ": technique " + technique.id()
              + " names the tactic '" + tactic + "', which no TA line declares");
        }
      }
    }
    return new AttackTechniques(file, tactics, techniques);
  }

  /** Where the table was read from. */
  Path file() {
    return file;
  }

  /** The tactics, in the file's order. */
  List<Tactic> tactics() {
    return List.copyOf(tactics.values());
  }

  /** The techniques of {@code tactic}, by id. */
  List<Technique> techniquesOf(Tactic tactic) {
    List<Technique> of = new ArrayList<>();
    for (Technique technique : techniques.values()) {
      if (technique.tactics().contains(tactic.shortName())) of.add(technique);
    }
    return of;
  }

  boolean contains(String techniqueId) {
    return techniques.containsKey(techniqueId);
  }
}
