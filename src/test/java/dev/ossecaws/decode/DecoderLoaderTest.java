package dev.ossecaws.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** spec/decoders.md §2 and §9: what OSSEC refuses to load, and its exact messages. */
class DecoderLoaderTest {
  private static final String CONFIG_ERROR =
      "ossec-testrule(1202): ERROR: Configuration error at 'test.xml'. Exiting.";

  @Test
  void rootElementOtherThanDecoder() {
    assertRefused("<rule name=\"x\"><prematch>a</prematch></rule>",
        "ossec-analysisd(1230): ERROR: Invalid element in the configuration: 'rule'.", CONFIG_ERROR);
  }

  @Test
  void decoderWithASecondAttribute() {
    assertRefused("<decoder name=\"x\" id=\"1\"><prematch>a</prematch></decoder>",
        "ossec-analysisd(1230): ERROR: Invalid element in the configuration: 'decoder'.", CONFIG_ERROR);
  }

  @Test
  void decoderWithoutName() {
    assertRefused("<decoder id=\"x\"><prematch>a</prematch></decoder>",
        "ossec-analysisd(1230): ERROR: Invalid element in the configuration: 'decoder'.", CONFIG_ERROR);
  }

  @Test
  void decoderWithoutOptions() {
    assertRefused("<decoder name=\"x\"></decoder>",
        "ossec-analysisd(1231): ERROR: Invalid NULL element in the configuration.", CONFIG_ERROR);
  }

  @Test
  void unknownOptionNamesTheLiteralWordDecoder() {
    assertRefused("<decoder name=\"x\"><prematch>a</prematch><colour>red</colour></decoder>",
        "ossec-analysisd: Invalid element 'colour' for decoder 'decoder'", CONFIG_ERROR);
  }

  @Test
  void typeIsCaseSensitive() {
    assertRefused("<decoder name=\"x\"><prematch>a</prematch><type>Firewall</type></decoder>",
        "ossec-analysisd: Invalid decoder type 'Firewall'.", CONFIG_ERROR);
    assertRefused("<decoder name=\"x\"><prematch>a</prematch><TYPE>firewall</TYPE></decoder>",
        "ossec-analysisd: Invalid element 'TYPE' for decoder 'decoder'", CONFIG_ERROR);
  }

  @Test
  void unknownPlugin() {
    assertRefused("<decoder name=\"x\"><prematch>a</prematch><plugin_decoder>pf</plugin_decoder></decoder>",
        "ossec-analysisd(2110): ERROR: Invalid decoder argument for plugin_decoder: 'pf'.", CONFIG_ERROR);
  }

  @Test
  void decoderThatCanMatchEverything() {
    assertRefused("<decoder name=\"x\"><type>syslog</type></decoder>",
        "ossec-analysisd(2108): ERROR: No 'prematch' found in decoder: 'x'.",
        "ossec-analysisd(2107): ERROR: Decoder configuration error: 'x'.", CONFIG_ERROR);
  }

  @Test
  void regexWithoutOrderAndOrderWithoutRegex() {
    assertRefused("<decoder name=\"x\"><prematch>a</prematch><regex>(a)</regex></decoder>",
        "ossec-analysisd(2107): ERROR: Decoder configuration error: 'x'.", CONFIG_ERROR);
    assertRefused("<decoder name=\"x\"><prematch>a</prematch><order>id</order></decoder>",
        "ossec-analysisd(2107): ERROR: Decoder configuration error: 'x'.", CONFIG_ERROR);
  }

  @Test
  void badOffsetOnAPrematchStopsWithoutTheConfigurationLine() {
    assertRefused("<decoder name=\"x\"><prematch offset=\"after_nothing\">a</prematch></decoder>",
        "ossec-analysisd(2120): ERROR: Invalid offset value: 'after_nothing'",
        "ossec-analysisd(2107): ERROR: Decoder configuration error: 'x'.");
    assertRefused("<decoder name=\"x\"><prematch start=\"1\">a</prematch></decoder>",
        "ossec-analysisd(2121): ERROR: Invalid decoder attribute: 'start'",
        "ossec-analysisd(2107): ERROR: Decoder configuration error: 'x'.");
  }

  @Test
  void badOffsetOnARegexFailsTheFile() {
    assertRefused(
        "<decoder name=\"x\"><prematch>a</prematch><regex offset=\"after\">(a)</regex><order>id</order></decoder>",
        "ossec-analysisd(2120): ERROR: Invalid offset value: 'after'", CONFIG_ERROR);
  }

  @Test
  void offsetsThatNeedAParent() {
    assertRefused(
        "<decoder name=\"x\"><prematch>a</prematch><regex offset=\"after_parent\">(a)</regex><order>id</order></decoder>",
        "ossec-analysisd(2120): ERROR: Invalid offset value: 'after_parent'",
        "ossec-analysisd(2107): ERROR: Decoder configuration error: 'x'.", CONFIG_ERROR);
    assertRefused(
        "<decoder name=\"x\"><prematch>a</prematch><regex offset=\"after_regex\">(a)</regex><order>id</order></decoder>",
        "ossec-analysisd(2120): ERROR: Invalid offset value: 'after_regex'",
        "ossec-analysisd(2107): ERROR: Decoder configuration error: 'x'.", CONFIG_ERROR);
  }

  @Test
  void afterPrematchWithoutParentMeansAfterParent() throws DecoderException {
    Decoders decoders = Decoders.load(
        "<decoder name=\"x\"><prematch>^a </prematch><regex offset=\"after_prematch\">^(\\S+)</regex><order>id</order></decoder>");
    assertEquals("id: 'b', decoder: 'x'", decoders.phase2("a b"));
  }

  @Test
  void duplicatedOffsets() {
    assertRefused(
        "<decoder name=\"x\"><prematch>a</prematch><regex>(a)</regex><regex offset=\"after_parent\">(b)</regex><order>id</order></decoder>",
        "ossec-analysisd(2109): ERROR: Duplicated offsets for same regex: 'x'.", CONFIG_ERROR);
  }

  @Test
  void patternThatDoesNotCompile() {
    assertRefused("<decoder name=\"x\"><prematch>a(</prematch></decoder>",
        "ossec-analysisd(1450): ERROR: Syntax error on regex: 'a(': 6.", CONFIG_ERROR);
  }

  @Test
  void anchoredLiteralRegexHasNoCaptures() {
    assertRefused("<decoder name=\"x\"><prematch>a</prematch><regex>^abc</regex><order>id</order></decoder>",
        "ossec-analysisd(1451): ERROR: Missing sub_strings on regex: '^abc'.", CONFIG_ERROR);
  }

  @Test
  void pluginWithARegex() {
    assertRefused(
        "<decoder name=\"x\"><prematch>a</prematch><plugin_decoder>PF_Decoder</plugin_decoder><regex>(a)</regex><order>id</order></decoder>",
        "ossec-analysisd(2111): ERROR: Additional data to plugin decoder: 'x'.", CONFIG_ERROR);
  }

  @Test
  void unknownParent() {
    assertRefused("<decoder name=\"x\"><parent>nobody</parent></decoder>",
        "ossec-analysisd(2101): ERROR: Parent decoder name invalid: 'nobody'.",
        "ossec-analysisd(2106): ERROR: Error adding decoder plugin.", CONFIG_ERROR);
  }

  @Test
  void chainMemberWithAPrematch() {
    assertRefused(
        """
        <decoder name="p"><prematch>a</prematch></decoder>
        <decoder name="c"><parent>p</parent><regex>(a)</regex><order>id</order></decoder>
        <decoder name="c"><parent>p</parent><prematch>b</prematch><regex>(b)</regex><order>id</order></decoder>
        """,
        "ossec-analysisd(2102): ERROR: Duplicated decoder with prematch: 'c'.",
        "ossec-analysisd(2105): ERROR: Error loading decoder options.",
        "ossec-analysisd(2106): ERROR: Error adding decoder plugin.", CONFIG_ERROR);
  }

  @Test
  void chainMixingFlavours() {
    assertRefused(
        """
        <decoder name="p"><prematch>a</prematch></decoder>
        <decoder name="c"><parent>p</parent><regex>(a)</regex><order>id</order></decoder>
        <decoder name="c"><parent>p</parent><pcre2>(b)</pcre2><order>id</order></decoder>
        """,
        "ossec-analysisd(2104): ERROR: Invalid duplicated decoder: 'c'.",
        "ossec-analysisd(2105): ERROR: Error loading decoder options.",
        "ossec-analysisd(2106): ERROR: Error adding decoder plugin.", CONFIG_ERROR);
  }

  @Test
  void badOrderFieldStopsAtOnce() {
    assertRefused("<decoder name=\"x\"><prematch>a</prematch><regex>(a)</regex><order>id, ,url</order></decoder>",
        "decode-xml: Wrong field ' ' in the order of decoder 'x'");
  }

  @Test
  void badFtsFieldStopsAtOnce() {
    assertRefused("<decoder name=\"x\"><prematch>a</prematch><regex>(a)</regex><order>id</order><fts>colour</fts></decoder>",
        "decode-xml: Wrong field 'colour' in the fts decoder 'x'");
  }

  @Test
  void errorsNameFileLineAndDecoder() {
    DecoderException e = assertThrows(DecoderException.class, () -> Decoders.load(
        "<decoder name=\"ok\"><prematch>a</prematch></decoder>\n\n<decoder name=\"x\"><parent>nobody</parent></decoder>"));
    assertTrue(e.getMessage().startsWith("test.xml:3: decoder 'x': "), e.getMessage());
  }

  @Test
  void repeatedOptionsAreConcatenated() throws DecoderException {
    Decoders decoders = Decoders.load("<decoder name=\"x\"><prematch>^ab</prematch><prematch>cd</prematch></decoder>");
    assertEquals("decoder: 'x'", decoders.phase2("abcd"));
    assertEquals("No decoder matched., decoder: 'null'", decoders.phase2("ab cd"));
  }

  @Test
  void concatenationTooLongDropsTheOptionWithAMessage() throws DecoderException {
    String half = "a".repeat(4096);
    Decoders decoders = Decoders.load(
        "<decoder name=\"x\"><program_name>app</program_name><prematch>" + half + "</prematch><prematch>"
            + half + "</prematch></decoder>"
            + "<decoder name=\"np\"><prematch>^NP</prematch></decoder>");
    assertEquals(List.of("ossec-analysisd(1104): ERROR: Maximum string size reached for: " + half + "."),
        decoders.messages);
    assertEquals("decoder: 'x'", decoders.phase2("Jan 10 10:00:00 h app: no prematch left"));
  }

  private static void assertRefused(String xml, String... lines) {
    DecoderException e = assertThrows(DecoderException.class, () -> Decoders.load(xml));
    assertEquals(List.of(lines), e.lines());
  }
}
