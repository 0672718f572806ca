package dev.ossecaws.predecode;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ossecaws.event.Event;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any bytes at all: pre-decoding never fails, and its fields keep OSSEC's invariants. */
class PredecoderProperties {
  private final Predecoder predecoder = new Predecoder("vm");

  @Property(tries = 500)
  void anyLinePredecodes(@ForAll("lines") String line) {
    Event event = predecoder.predecode(line);
    assertNotNull(event.hostname);
    for (char c : event.fullLog.toCharArray()) assertFalse(c < 0x20 || c == 0x7F, "control byte kept");
    assertTrue(event.fullLog.contains(event.log), "log comes from the full log");
  }

  /** Header-shaped prefixes (stamps, hosts, programs, AIX and ASL pieces) then any bytes. */
  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> header =
        Arbitraries.of(
            "", "Dec 29 10:00:01 ", "Dec 29 10:00:01  ", "2015-04-16 21:51:02,805 ",
            "2009-05-22T09:36:46.2-07:00 ", "2015 Dec 29 10:00:01 ", "2019:11:06-00:08:03 ",
            "Mon Apr 17 18:27:14 2006 ", "01/28-09:13:16.240702  ", "[Time 2006.12.28 15:53:55 UTC] ",
            "1140804070.368  11623 ", "M\u00c3\u00a4r 02 17:30:52 ");
    Arbitrary<String> pieces =
        Arbitraries.of("host", " ", ":", ": ", "[", "]", "]: ", "] ", "12", "|", "|a", "a:b ", "sshd",
                "[ID ", "[Sender ", "[Message ", "[Host ", "\t", "\u00ff", "(", "x")
            .list().ofMaxSize(12).map(list -> String.join("", list));
    Arbitrary<String> bytes = Arbitraries.strings().withCharRange('\u0001', '\u00ff').ofMaxLength(40);
    return Combinators.combine(header, pieces, bytes).as((h, p, b) -> h + p + b);
  }
}
