package dev.ossecaws.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttackTechniquesTest {
  @TempDir Path scratch;

  private AttackTechniques read(String text) throws IOException {
    Path file = scratch.resolve("attack-techniques.txt");
    Files.writeString(file, text);
    return AttackTechniques.read(file);
  }

  private List<String> idsUnder(AttackTechniques table, String tactic) {
    AttackTechniques.Tactic found = table.tactics().stream().filter(t -> t.shortName().equals(tactic)).findFirst().orElseThrow();
    return table.techniquesOf(found).stream().map(AttackTechniques.Technique::id).toList();
  }

  @Test
  void theProjectsTableListsTheAwsTechniquesUnderTheirTactics() throws IOException {
    AttackTechniques table = AttackTechniques.read(Path.of("ruleset", AttackTechniques.FILE));
    for (String id : List.of("T1078", "T1078.001", "T1078.004", "T1110", "T1110.001", "T1110.003", "T1098",
        "T1098.001", "T1098.003", "T1136.003", "T1484.002", "T1556", "T1562.001", "T1562.008", "T1562.007",
        "T1070", "T1485", "T1486", "T1490", "T1496", "T1530", "T1537", "T1552.005", "T1555.006", "T1580",
        "T1087.004", "T1069.003", "T1526", "T1538", "T1651", "T1021.007", "T1190", "T1199", "T1550.001",
        "T1528", "T1535", "T1578", "T1578.002", "T1578.003", "T1648", "T1525", "T1619", "T1531", "T1666",
        "T1212", "T1621", "T1606", "T1657")) {
      assertTrue(table.contains(id), id);
    }
    assertTrue(idsUnder(table, "defense-evasion").contains("T1562.008"));
    for (String tactic : List.of("initial-access", "persistence", "privilege-escalation", "defense-evasion")) {
      assertTrue(idsUnder(table, tactic).contains("T1078.004"), tactic);
    }
    assertEquals("initial-access", table.tactics().get(2).shortName(), "tactics keep the matrix's order");
  }

  @Test
  void techniquesOfATacticComeInIdOrderWhateverTheFileOrder() throws IOException {
    AttackTechniques table = read("TA0006 credential-access Credential Access\n"
        + "T1110.003 credential-access Brute Force: Password Spraying\nT1110 credential-access Brute Force\n");
    assertEquals(List.of("T1110", "T1110.003"), idsUnder(table, "credential-access"));
  }

  @Test
  void aTechniqueNamingAnUndeclaredTacticIsRefusedWithItsLine() {
    IOException e = assertThrows(IOException.class, () -> read("# header\nTA0005 defense-evasion Defense Evasion\n"
        + "T1562.008 defense-evasion,defence-evasion Impair Defenses: Disable or Modify Cloud Logs\n"));
    assertTrue(e.getMessage().endsWith("attack-techniques.txt:3: technique T1562.008 names the tactic"
        + " 'defence-evasion', which no TA line declares"), e.getMessage());
  }

  @Test
  void aLineOfNeitherKindIsRefused() {
    IOException e = assertThrows(IOException.class, () -> read("TA0005 defense-evasion Defense Evasion\nt1562 defense-evasion x\n"));
    assertTrue(e.getMessage().contains("attack-techniques.txt:2: expected "), e.getMessage());
  }

  @Test
  void aTechniqueListedTwiceIsRefused() {
    IOException e = assertThrows(IOException.class, () -> read("TA0040 impact Impact\n"
        + "T1485 impact Data Destruction\nT1485 impact Data Destruction\n"));
    assertTrue(e.getMessage().endsWith(":3: technique T1485 is listed twice"), e.getMessage());
  }
}
