package dev.ossecaws.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dom4j.Document;
import org.dom4j.Element;
import org.dom4j.Node;
import org.junit.jupiter.api.Test;

/** OSSEC 4.3.0's own files, including five that a conforming XML parser rejects. */
class OssecRulesetReadTest {
  static Document readWithVariables(Path file) throws XmlException {
    Document document = OssecXml.read(file);
    OssecXml.substituteVariables(document);
    return document;
  }

  @Test
  void everyRulesFileReadsAsGroupsOfRules() throws IOException, XmlException {
    List<Path> files;
    try (Stream<Path> list = Files.list(SharedData.ossecHome().resolve("rules"))) {
      files = list.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    }
    assertEquals(87, files.size());
    int rules = 0;
    for (Path file : files) {
      Document document = readWithVariables(file);
      for (Element top : document.getRootElement().elements()) {
        assertEquals("group", top.getName().toLowerCase(), file + ":" + OssecXml.line(top));
      }
      rules += document.selectNodes("/ossec_root/group/rule").size();
      assertTrue(document.selectNodes("//var").isEmpty(), file.toString());
    }
    assertTrue(rules > 1000, "rules: " + rules);
  }

  @Test
  void decoderXmlReadsWithItsBackslashEscapesAndUnescapedLessThanInComments() throws XmlException {
    Document document = readWithVariables(SharedData.ossecHome().resolve("etc/decoder.xml"));
    List<Element> decoders = document.getRootElement().elements();
    assertFalse(decoders.isEmpty());
    for (Element decoder : decoders) assertEquals("decoder", decoder.getName());
    Node dovecot = document.selectSingleNode("//pcre2[contains(., 'attempts in')]");
    assertEquals("\\(auth failed, \\d+? attempts in \\d+? secs\\): user=\\<(\\S+)\\>, method=\\S+,"
        + " rip=(\\S+), lip=(\\S+)", dovecot.getText());
  }

  @Test
  void strictlyIllFormedRulesFilesReadAsOssecReadsThem() throws XmlException {
    Path rules = SharedData.ossecHome().resolve("rules");
    Document openbsd = readWithVariables(rules.resolve("openbsd_rules.xml"));
    assertEquals("RTC BIOS diagnostic error 80\\<clock_battery\\>",
        openbsd.selectSingleNode("//pcre2[contains(., 'RTC BIOS')]").getText());
    Document syslog = readWithVariables(rules.resolve("syslog_rules.xml"));
    assertTrue(syslog.selectSingleNode("//pcre2[contains(., '\\<=>?')]").getText()
        .contains("[()*+,.:;\\<=>?\\[\\]!\"'#%&$|{}-]root$"));
    assertFalse(readWithVariables(rules.resolve("ms_ipsec_rules.xml")).getRootElement().elements().isEmpty());
    assertFalse(readWithVariables(rules.resolve("msauth_rules.xml")).getRootElement().elements().isEmpty());
  }

  @Test
  void variablesOfTheStockRulesAreSubstituted() throws XmlException {
    Document syslog = readWithVariables(SharedData.ossecHome().resolve("rules/syslog_rules.xml"));
    for (Node node : syslog.selectNodes("//*[text()]")) {
      assertFalse(node.getText().contains("$BAD_WORDS"), node.getText());
    }
  }
}
