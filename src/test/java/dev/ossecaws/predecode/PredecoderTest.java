package dev.ossecaws.predecode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ossecaws.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** spec/predecoding.md §8: every example, confirmed with the real binary on a machine named vm. */
class PredecoderTest {
  private final Predecoder predecoder = new Predecoder("vm");

  static Stream<Arguments> confirmedExamples() {
    String[][] rows = {
      {"Dec 29 10:00:01 myhost sshd[123]: Accepted password", "myhost", "sshd", "Accepted password"},
      {"Dec 29 10:00:01 myhost sshd: Accepted password", "myhost", "sshd", "Accepted password"},
      {"Dec  9 10:00:01 myhost sshd[123] Accepted password", "myhost", "sshd", "Accepted password"},
      {"Dec 29 10:00:01 myhost sshd[12x]: foo", "myhost", null, "sshd[12x]: foo"},
      {"Dec 29 10:00:01 myhost sshd[123]:foo", "myhost", null, "sshd[123]:foo"},
      {"Dec 29 10:00:01 myhost sshd[]: x", "myhost", null, "sshd[]: x"},
      {"Dec 29 10:00:01 myhost kernel: [ID 123 auth.info] hello world", "myhost", "kernel", "hello world"},
      {"Dec 29 10:00:01 myhost sshd: [ID 123 auth.info]hello", "myhost", "sshd", "[ID 123 auth.info]hello"},
      {"Dec 29 10:00:01 sshd: message without host", "vm", "sshd", "message without host"},
      {"Dec 29 10:00:01 my:host sshd: x", "vm", null, "my:host sshd: x"},
      {"Dec 29 10:00:01  myhost sshd: double space", "myhost", "sshd", "double space"},
      {"Dec 29 10:00:01   myhost sshd: x", "", null, "myhost sshd: x"},
      {"Dec 29 10:00:01 myhost  sshd: x", "myhost", null, " sshd: x"},
      {"Dec 29 10:00:01 myhost : empty prog", "myhost", "", "empty prog"},
      {"Dec 29 10:00:01 myhost sshd[1]:  two spaces", "myhost", "sshd", " two spaces"},
      {"Dec 29 10:00:01 myhost postfix/smtpd[123]: x", "myhost", "postfix/smtpd", "x"},
      {"Dec 29 10:00:01 myhost su(pam_unix)[123]: x", "myhost", "su(pam_unix)", "x"},
      {"Dec 29 10:00:01 my_host-1.example.com sshd[1]: x", "my_host-1.example.com", "sshd", "x"},
      {"Dec 29 10:00:01 myhost noprogram here", "myhost", null, "noprogram here"},
      {"Dec 29 10:00:01 myhost auth|security:info sshd: AIX style", "myhost", "sshd", "AIX style"},
      {"Dec 29 10:00:01 myhost auth|security:info sshd[45]: AIX pid", "myhost", "sshd", "AIX pid"},
      {"Dec 29 10:00:01 myhost auth|security:info sshd foo bar", "myhost", "sshd foo bar", " foo bar"},
      {"Dec 29 10:00:01 myhost auth|security:info sshd[45] bad", "myhost", "sshd", "auth|security:info sshd"},
      {"Dec 29 10:00:01 myhost", "vm", null, "myhost"},
      {"Dec 29 10:00:01 ", "vm", null, "Dec 29 10:00:01 "},
      {"2015-04-16 21:51:02,805 myhost proftpd[1]: x", "myhost", "proftpd", "x"},
      {"2007-06-14T15:48:55-04:00 myhost sshd[1]: iso basic", "myhost", "sshd", "iso basic"},
      {"2007-06-14T15:48:55.3-04:00 myhost sshd[1]: iso frac1", "myhost", "sshd", "iso frac1"},
      {"2009-05-22T09:36:46.214994-07:00 myhost sshd[1]: iso frac6", "myhost", "sshd", "iso frac6"},
      {"2009-05-22T09:36:46,214994-07:00 myhost sshd[1]: iso comma", "myhost", "sshd", "iso comma"},
      {"2007-06-14T15:48:55Z myhost sshd[1]: iso Z", "vm", null, "2007-06-14T15:48:55Z myhost sshd[1]: iso Z"},
      {"2015 Dec 29 10:00:01 myhost sshd[1]: with year", "myhost", "sshd", "with year"},
      {"2019:11:06-00:08:03 myhost sshd[1]: colon date", "myhost", "sshd", "colon date"},
      {"M\u00c3\u00a4r 02 17:30:52 myhost sshd[1]: umlaut", "myhost", "sshd", "umlaut"},
      {"May 4 11:17:42 niban su(pam_unix)[2298]: authentication failure; logname= uid=1342 euid=0 tty= ruser=dcid rhost= user=root", "vm", null, "May 4 11:17:42 niban su(pam_unix)[2298]: authentication failure; logname= uid=1342 euid=0 tty= ruser=dcid rhost= user=root"},
      {"Mon Apr 17 18:27:14 2006 1 64.160.42.130 1234 /x b _ i r user ftp 0 * c", "vm", null, " 1 64.160.42.130 1234 /x b _ i r user ftp 0 * c"},
      {"01/28-09:13:16.240702  [**] [1:2:3] snort", "vm", null, "[**] [1:2:3] snort"},
      {"01/28/1979-09:13:16.240702  [**] [1:2:3] suricata", "vm", null, "[**] [1:2:3] suricata"},
      {"[Fri Feb 11 18:06:35 2004] [warn] apache", "vm", null, "[warn] apache"},
      {"[Time 2006.12.28 15:53:55 UTC] [Facility auth] [Sender sshd] [PID 483] [Message error: PAM: Authentication failure for username from 192.168.0.2] [Level 3] [UID -2] [GID -2] [Host Hostname]", "Hostname", "sshd", "error: PAM: Authentication failure for username from 192.168.0.2"},
      {"1140804070.368  11623 1.2.3.4 TCP_MISS/200 1234 GET http://x - DIRECT/1.2.3.4 text/html", "vm", null, "11623 1.2.3.4 TCP_MISS/200 1234 GET http://x - DIRECT/1.2.3.4 text/html"},
      {"a\ttab\there", "vm", null, "atabhere"},
      {"abc\0def ghi", "vm", null, "abc"},
      {"line with cr\r", "vm", null, "line with cr"},
      {"\t\t", "vm", null, ""}
    };
    return Arrays.stream(rows).map(row -> Arguments.of((Object[]) row));
  }

  @ParameterizedTest
  @MethodSource("confirmedExamples")
  void examplePredecodesLikeOssec(String line, String hostname, String programName, String log)
      throws IOException {
    Event event = predecodeAsRead(line);
    assertEquals(hostname, event.hostname, "hostname");
    assertEquals(programName, event.programName, "program_name");
    assertEquals(log, event.log, "log");
  }

  @Test
  void controlBytesAreDeletedFromTheFullLog() throws IOException {
    assertEquals("atabhere", predecodeAsRead("a\ttab\there").fullLog);
  }

  @Test
  void oneByteLineIsSkipped() throws IOException {
    assertNull(new LineReader(new ByteArrayInputStream("x\n".getBytes(ISO_8859_1))).next());
  }

  @Test
  void fullLogKeepsTheHeader() {
    Event event = predecoder.predecode("Dec 29 10:00:01 myhost sshd[123]: Accepted password");
    assertEquals("Dec 29 10:00:01 myhost sshd[123]: Accepted password", event.fullLog);
  }

  private Event predecodeAsRead(String line) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream((line + "\n").getBytes(ISO_8859_1)));
    return predecoder.predecode(reader.next());
  }
}
