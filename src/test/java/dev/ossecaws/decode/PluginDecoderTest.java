package dev.ossecaws.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ossecaws.event.Event;
import org.junit.jupiter.api.Test;

/** spec/decoders.md §8, on the sample lines of the stock decoder.xml. */
class PluginDecoderTest {
  @Test
  void pfReadsActionAddressesPortsAndProtocol() throws DecoderException {
    Event event = plugin("PF_Decoder", "<program_name>^pf$</program_name>")
        .decode("Mar 30 15:54:22 host pf: rule 3/(match) pass out on xl0: 192.168.2.10.1514 > 192.168.2.190.1030:  udp 89");
    assertEquals("pass", event.action);
    assertEquals("192.168.2.10", event.srcip);
    assertEquals("1514", event.srcport);
    assertEquals("192.168.2.190", event.dstip);
    assertEquals("1030", event.dstport);
    assertEquals("UDP", event.protocol);
    assertEquals("decoder: 'x'", plugin("PF_Decoder", "<program_name>^pf$</program_name>")
        .phase2("Mar 30 15:54:22 host pf: rule 3/(match) pass out on xl0: 1.2.3.4 > 5.6.7.8: icmp"),
        "plugins print no fields");
  }

  @Test
  void pfStopsAtTheFirstUnexpectedByteKeepingWhatItHas() throws DecoderException {
    Event event = plugin("PF_Decoder", "<program_name>^pf$</program_name>")
        .decode("Mar 30 15:54:22 host pf: rule 3/(match) block in on lo0: 127.0.0.1.48784 127.0.0.1.23");
    assertEquals("block", event.action);
    assertEquals("127.0.0.1", event.srcip);
    assertNull(event.dstip);
  }

  @Test
  void sonicWallDroppedConnectionIsAFirewallEvent() throws DecoderException {
    Event event = plugin("SonicWall_Decoder", "<prematch>^id=</prematch>")
        .decode("id=firewall sn=00301E0526B1 time=\"2004-04-01 10:39:35\" fw=67.32.44.2 pri=5 c=64 m=36 "
            + "msg=\"TCP connection dropped\" n=2686 src=67.101.200.27:4507:WAN dst=67.32.44.2:445:LAN rule=0");
    assertEquals("5", event.status);
    assertEquals("36", event.id);
    assertEquals("67.101.200.27", event.srcip);
    assertEquals("4507", event.srcport);
    assertEquals("67.32.44.2", event.dstip);
    assertEquals("445", event.dstport);
    assertEquals("firewall", event.type);
    assertEquals("drop", event.action);
  }

  @Test
  void sonicWallOtherMessagesAreSyslog() throws DecoderException {
    Event event = plugin("SonicWall_Decoder", "<type>firewall</type><prematch>^id=</prematch>")
        .decode("id=firewall sn=1 time=\"x\" fw=1.2.3.4 pri=1 c=0 m=5 msg=\"x\"");
    assertEquals("5", event.id);
    assertEquals("syslog", event.type);
  }

  @Test
  void symantecWebSecuritySkipsOneFieldAndKeepsTheIdPrefix() throws DecoderException {
    Event event = plugin("SymantecWS_Decoder", "<prematch>^\\d\\d\\d\\d</prematch>")
        .decode("20070717,73556,1=5,100=Logoff due to timeout.,11=1.2.3.4,10=usera,3=1,2=2");
    assertEquals("1.2.3.4", event.srcip);
    assertEquals("usera", event.dstuser);
    assertEquals("3=1,2=2", event.id);
  }

  @Test
  void ossecAlertMovesLocationHostAndLog() throws DecoderException {
    Event event = plugin("OSSECAlert_Decoder", "<program_name>^ossec$</program_name>")
        .decode("Jan 10 10:00:00 host ossec: Alert Level: 3; Rule: 5715 - SSHD authentication success.; "
            + "Location: (a) 1.2.3.4->/var/log/secure; srcip: 1.2.3.4; user: root; original line");
    assertEquals("5715", event.alertRuleId);
    assertEquals("stdin|(a) 1.2.3.4->/var/log/secure", event.location);
    assertEquals(event.location, event.hostname);
    assertEquals("1.2.3.4", event.srcip);
    assertEquals("root", event.dstuser);
    assertEquals("original line", event.log);
    assertEquals("original line", event.fullLog);
  }

  @Test
  void ossecAlertWithoutAlertLevelSelectsNoRules() throws DecoderException {
    Event event = plugin("OSSECAlert_Decoder", "<program_name>^ossec$</program_name>")
        .decode("Jan 10 10:00:00 host ossec: something else");
    assertNull(event.alertRuleId);
    assertEquals(OssecAlertLog.TYPE, event.type);
  }

  private static Decoders plugin(String plugin, String options) throws DecoderException {
    return Decoders.load("<decoder name=\"x\">" + options + "<plugin_decoder>" + plugin + "</plugin_decoder></decoder>");
  }
}
