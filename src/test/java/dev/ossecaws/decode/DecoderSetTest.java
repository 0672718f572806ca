package dev.ossecaws.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ossecaws.event.Event;
import org.junit.jupiter.api.Test;

/** spec/decoders.md §5 and §10: the decoding algorithm, on small decoder files. */
class DecoderSetTest {
  /** spec/decoders.md §10, confirmed with the real binary. */
  private static final String WORKED_EXAMPLE =
      """
      <decoder name="myapp"><program_name>^myapp</program_name></decoder>
      <decoder name="myapp-login"><parent>myapp</parent><prematch>^login </prematch>
        <regex offset="after_prematch">^user=(\\S+) from=(\\S+) port=(\\d+)</regex>
        <order>user, srcip, srcport</order></decoder>
      <decoder name="myapp-own"><parent>myapp</parent><use_own_name>true</use_own_name>
        <prematch>^own </prematch><regex offset="after_prematch">^(\\S+) (\\S+) (\\S+)</regex>
        <order>action, myfield, status</order></decoder>
      <decoder name="myapp-multi"><parent>myapp</parent><prematch>^multi </prematch>
        <regex offset="after_prematch">^a=(\\S+)</regex><order>srcuser</order></decoder>
      <decoder name="myapp-multi"><parent>myapp</parent>
        <regex offset="after_regex">^ b=(\\S+)</regex><order>dstuser</order></decoder>
      <decoder name="myapp-multi"><parent>myapp</parent>
        <regex offset="after_regex">^ c=(\\S+)</regex><order>extra_data</order></decoder>
      <decoder name="myapp-fallback"><parent>myapp</parent>
        <regex>(\\d+)</regex><order>id</order></decoder>
      <decoder name="plain"><prematch>^PLAIN: </prematch>
        <regex offset="after_prematch">^(\\S+) (\\S+)</regex><order>url, data</order></decoder>
      """;

  @Test
  void childRegexAfterPrematchFillsItsOrder() throws DecoderException {
    assertEquals(
        "dstuser: 'root', srcip: '1.2.3.4', srcport: '22', decoder: 'myapp'",
        Decoders.load(WORKED_EXAMPLE).phase2("Jan 10 10:00:00 host1 myapp[12]: login user=root from=1.2.3.4 port=22"));
  }

  @Test
  void useOwnNameKeepsTheChildsNameAndDynamicFieldsPrintTheirName() throws DecoderException {
    Decoders decoders = Decoders.load(WORKED_EXAMPLE);
    Event event = decoders.decode("Jan 10 10:00:00 host1 myapp[12]: own A B C");
    assertEquals("myapp-own", event.decoder.name());
    assertEquals("B", event.dynamicField("myfield"));
    assertEquals("action: 'A', myfield: 'B', status: 'C', decoder: 'myapp-own'",
        decoders.phase2("Jan 10 10:00:00 host1 myapp[12]: own A B C"));
  }

  @Test
  void chainRunsRegexAfterRegex() throws DecoderException {
    assertEquals(
        "srcuser: 'x', dstuser: 'y', extra_data: 'z', decoder: 'myapp'",
        Decoders.load(WORKED_EXAMPLE).phase2("Jan 10 10:00:00 host1 myapp: multi a=x b=y c=z"));
  }

  @Test
  void chainAfterAFailedRegexSearchesFromThePrematch() throws DecoderException {
    assertEquals(
        "srcuser: 'x', decoder: 'myapp'",
        Decoders.load(WORKED_EXAMPLE).phase2("Jan 10 10:00:00 host1 myapp: multi a=x c=z"));
  }

  @Test
  void prematchlessChildCatchesTheRest() throws DecoderException {
    assertEquals("id: '42', decoder: 'myapp'",
        Decoders.load(WORKED_EXAMPLE).phase2("Jan 10 10:00:00 host1 myapp: nothing 42"));
    assertEquals("decoder: 'myapp'",
        Decoders.load(WORKED_EXAMPLE).phase2("Jan 10 10:00:00 host1 myapp: nothing"));
  }

  @Test
  void lineWithoutHeaderGoesToDecodersWithoutProgramName() throws DecoderException {
    assertEquals("url: '/x', extra_data: 'y', decoder: 'plain'",
        Decoders.load(WORKED_EXAMPLE).phase2("PLAIN: /x y"));
  }

  @Test
  void programNameKeepsAnEventFromDecodersWithoutOne() throws DecoderException {
    assertEquals("No decoder matched., decoder: 'null'",
        Decoders.load(WORKED_EXAMPLE).phase2("Jan 10 10:00:00 host1 other: PLAIN: /x y"));
  }

  @Test
  void emptyListPrintsNoPhase2Header() throws DecoderException {
    Decoders decoders = Decoders.load("<decoder name=\"plain\"><prematch>^PLAIN</prematch></decoder>");
    assertEquals("(no candidates) decoder: 'null'", decoders.phase2("Jan 10 10:00:00 host1 other: PLAIN"));
  }

  @Test
  void renamedChildrenShareTheirParentsIdAndBuiltInNamesHaveIds() throws DecoderException {
    Decoders decoders = Decoders.load(WORKED_EXAMPLE);
    Event event = decoders.decode("Jan 10 10:00:00 host1 myapp[12]: login user=root from=1.2.3.4 port=22");
    assertEquals(decoders.idOf("myapp"), event.decoder.id());
    assertNotEquals(decoders.idOf("myapp-login"), event.decoder.id());
    assertNotEquals(-1, decoders.idOf("syscheck_integrity_changed"));
    assertEquals(-1, decoders.idOf("nonexistent"));
  }

  @Test
  void childWithoutTypeMakesTheEventSyslog() throws DecoderException {
    Decoders decoders = Decoders.load(
        """
        <decoder name="fw"><type>firewall</type><prematch>^FW </prematch></decoder>
        <decoder name="fw-child"><parent>fw</parent><regex>(\\d+)</regex><order>id</order></decoder>
        """);
    Event matched = decoders.decode("FW 42");
    assertEquals("fw", matched.decoder.name());
    assertEquals("syslog", matched.type);
    Event unmatched = decoders.decode("FW none");
    assertEquals("fw", unmatched.decoder.name());
    assertEquals("firewall", unmatched.type);
  }

  @Test
  void firstMatchingTopLevelDecoderWinsEvenWithoutFields() throws DecoderException {
    Decoders decoders = Decoders.load(
        """
        <decoder name="first"><prematch>^X</prematch></decoder>
        <decoder name="first-child"><parent>first</parent><prematch>nomatch</prematch></decoder>
        <decoder name="second"><prematch>^X</prematch><regex>(\\d+)</regex><order>id</order></decoder>
        """);
    assertEquals("decoder: 'first'", decoders.phase2("X 1"));
  }

  @Test
  void emptyCaptureIsAValue() throws DecoderException {
    Decoders decoders = Decoders.load(
        "<decoder name=\"a\"><prematch>^A</prematch><regex>ip=(\\S*)</regex><order>srcip</order></decoder>");
    assertEquals("srcip: '', decoder: 'a'", decoders.phase2("A ip="));
  }

  @Test
  void valuesBeyondTheOrderAreDropped() throws DecoderException {
    Decoders decoders = Decoders.load(
        "<decoder name=\"a\"><prematch>^A</prematch><regex>^A (\\S+) (\\S+)</regex><order>srcip</order></decoder>");
    Event event = decoders.decode("A 1 2");
    assertEquals("1", event.srcip);
    assertNull(event.dstip);
  }

  @Test
  void prematchAfterParentStartsWhereTheParentMatched() throws DecoderException {
    Decoders decoders = Decoders.load(
        """
        <decoder name="p"><prematch>^P </prematch></decoder>
        <decoder name="c"><parent>p</parent><prematch offset="after_parent">^x</prematch>
          <regex offset="after_prematch">^(\\S+)</regex><order>id</order></decoder>
        """);
    assertEquals("id: '=1', decoder: 'p'", decoders.phase2("P x=1"));
    assertEquals("decoder: 'p'", decoders.phase2("P y x=1"));
  }

  @Test
  void pcre2ElementsAreUsedWhenThePlainOnesAreAbsent() throws DecoderException {
    Decoders decoders = Decoders.load(
        """
        <decoder name="p"><program_name_pcre2>^app$</program_name_pcre2></decoder>
        <decoder name="c"><parent>p</parent><prematch_pcre2>^id </prematch_pcre2>
          <pcre2 offset="after_prematch">^(\\d+)</pcre2><order>id</order></decoder>
        <decoder name="np"><prematch>^NP</prematch></decoder>
        """);
    assertEquals("id: '7', decoder: 'p'", decoders.phase2("Jan 10 10:00:00 h app: id 7"));
    assertEquals("No decoder matched., decoder: 'null'", decoders.phase2("Jan 10 10:00:00 h apps: id 7"));
  }

  @Test
  void withoutDecodersForLinesWithoutProgramNameNothingIsRenamedOrNumbered() throws DecoderException {
    Decoders decoders = Decoders.load(
        """
        <decoder name="p"><program_name>app</program_name></decoder>
        <decoder name="c"><parent>p</parent><regex>(\\d+)</regex><order>id</order></decoder>
        """);
    Event event = decoders.decode("Jan 10 10:00:00 h app: 7");
    assertEquals("c", event.decoder.name());
    assertEquals(0, event.decoder.id());
    assertEquals(java.util.List.of("ossec-analysisd(2106): ERROR: Error adding decoder plugin."), decoders.messages);
  }

  @Test
  void ftsAndAccumulateReachTheEvent() throws DecoderException {
    Decoders decoders = Decoders.load(
        """
        <decoder name="a"><prematch>^A </prematch><regex>(\\S+)</regex><order>user</order>
          <fts>name, srcuser, location</fts><accumulate/></decoder>
        """);
    Event event = decoders.decode("A bob");
    assertEquals(
        java.util.Set.of(
            dev.ossecaws.event.DecoderInfo.FtsField.NAME,
            dev.ossecaws.event.DecoderInfo.FtsField.DSTUSER,
            dev.ossecaws.event.DecoderInfo.FtsField.LOCATION),
        event.decoder.fts());
    assertEquals(true, event.decoder.accumulate());
  }
}
