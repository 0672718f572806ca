package dev.ossecaws.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ossecaws.event.Event;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** spec/decoders.md §7: fields merged across events of one host, decoder and id. */
class AccumulatorTest {
  private static final String ACC =
      """
      <decoder name="acc"><prematch>^ACC </prematch>
        <regex>^ACC id=(\\S+) user=(\\S*) ip=(\\S*)</regex><order>id, user, srcip</order>
        <accumulate/></decoder>
      """;
  private static final ZonedDateTime T0 = ZonedDateTime.parse("2026-01-01T00:00:00Z");

  private final Accumulator accumulator = new Accumulator();

  @Test
  void secondEventGetsWhatTheFirstHad() throws DecoderException {
    Decoders decoders = Decoders.load(ACC);
    accumulate(decoders.decode("ACC id=7 user=bob ip="), T0);
    Event second = decoders.decode("ACC id=7 user= ip=1.2.3.4");
    accumulate(second, T0.plusSeconds(1));
    assertEquals("bob", second.dstuser);
    assertEquals("1.2.3.4", second.srcip);
    assertEquals("dstuser", second.assignments().get(1).label());
    assertEquals("", second.assignments().get(1).value(), "phase 2 prints what the line itself gave");
  }

  @Test
  void otherIdsAreKeptApart() throws DecoderException {
    Decoders decoders = Decoders.load(ACC);
    accumulate(decoders.decode("ACC id=7 user=bob ip="), T0);
    Event other = decoders.decode("ACC id=8 user= ip=1.2.3.4");
    accumulate(other, T0);
    assertEquals("", other.dstuser);
  }

  @Test
  void entriesExpireAfterTwoMinutes() throws DecoderException {
    Decoders decoders = Decoders.load(ACC);
    accumulate(decoders.decode("ACC id=7 user=bob ip="), T0);
    Event late = decoders.decode("ACC id=7 user= ip=");
    accumulate(late, T0.plusSeconds(120));
    assertEquals("", late.dstuser);
  }

  @Test
  void valuesLongerThanEightyBytesAreNotStored() throws DecoderException {
    Decoders decoders = Decoders.load(ACC);
    accumulate(decoders.decode("ACC id=7 user=" + "b".repeat(81) + " ip="), T0);
    Event second = decoders.decode("ACC id=7 user= ip=");
    accumulate(second, T0);
    assertEquals("", second.dstuser);
  }

  @Test
  void decodersWithoutAccumulateAreLeftAlone() throws DecoderException {
    Decoders decoders = Decoders.load(ACC.replace("<accumulate/>", ""));
    accumulate(decoders.decode("ACC id=7 user=bob ip="), T0);
    Event second = decoders.decode("ACC id=7 user= ip=");
    accumulate(second, T0);
    assertEquals("", second.dstuser);
    assertNull(second.srcuser);
  }

  private void accumulate(Event event, ZonedDateTime time) {
    event.time = time;
    accumulator.accumulate(event);
  }
}
