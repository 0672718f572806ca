package dev.ossecaws.rule;

import static dev.ossecaws.rule.RuleFixture.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ossecaws.event.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdbListTest {
  @TempDir Path folder;

  private RuleFixture rulesWithList(String listRule) throws Exception {
    Path text = folder.resolve("users");
    Files.write(text, "root:admin\nbob:user ### a comment\n10.1.:internal\n192.168.1.5:single\nno colon\nroot:second\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    return RuleFixture.load(folder, "<group name=\"t,\"><rule id=\"100\" level=\"3\">" + listRule + "</rule></group>",
        List.of(CdbList.read("rules/users", text), CdbList.read("rules/missing", folder.resolve("missing"))));
  }

  @Test
  void matchKeyValueTestsTheFirstValueOfTheKey() throws Exception {
    RuleFixture rules = rulesWithList(
        "<list field=\"user\" lookup=\"match_key_value\" check_value=\"^adm\">rules/users</list>");

    assertEquals(100, rules.fire(user("root")));
    assertEquals(0, rules.fire(user("bob")));
    assertEquals(0, rules.fire(user("eve")));
  }

  @Test
  void addressMatchKeyTriesPrefixesEndingWithADot() throws Exception {
    RuleFixture rules = rulesWithList("<list field=\"srcip\" lookup=\"address_match_key\">rules/users.cdb</list>");

    assertEquals(100, rules.fire(srcip("10.1.2.3")));
    assertEquals(0, rules.fire(srcip("10.2.2.3")));
  }

  @Test
  void addressMatchKeyValueIsInvertedAsInOssec() throws Exception {
    RuleFixture rules = rulesWithList(
        "<list field=\"srcip\" lookup=\"address_match_key_value\" check_value=\"single\">rules/users</list>");

    assertEquals(0, rules.fire(srcip("192.168.1.5")));
    assertEquals(100, rules.fire(srcip("9.9.9.9")));
  }

  @Test
  void listThatCannotBeOpenedReportsEveryLookup() throws Exception {
    RuleFixture rules = rulesWithList("<list field=\"srcip\" lookup=\"not_match_key\">rules/missing</list>");

    assertEquals(100, rules.fire(srcip("1.2.3.4")));
    assertEquals(List.of(
        "ossec-analysisd(1126): ERROR: Unable to open file 'rules/missing.cdb' due to [(2)-(No such file or directory)]."),
        rules.messages);
  }

  @Test
  void unconfiguredListNeverMatches() throws Exception {
    RuleFixture rules = rulesWithList("<list field=\"srcip\" lookup=\"not_match_key\">rules/other</list>");

    assertEquals(0, rules.fire(srcip("1.2.3.4")));
  }

  private static Event user(String name) {
    Event event = event("x", 1);
    event.srcuser = name;
    return event;
  }

  private static Event srcip(String address) {
    Event event = event("x", 1);
    event.srcip = address;
    return event;
  }
}
