package dev.ossecaws.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class EventTimeClockProperties {
  /** What the general parser makes of {@code text}, the reference the digit-by-digit path must equal. */
  private static ZonedDateTime asTheFormatterReadsIt(String text) {
    try {
      return ZonedDateTime.parse(text).withZoneSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Property(tries = 3000)
  void cloudTrailTimesReadAsTheFormatterReadsThemEvenOutOfRange(
      @ForAll @IntRange(min = 0, max = 9999) int year, @ForAll @IntRange(max = 19) int month,
      @ForAll @IntRange(max = 39) int day, @ForAll @IntRange(max = 29) int hour,
      @ForAll @IntRange(max = 69) int minute, @ForAll @IntRange(max = 69) int second) {
    String text = String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second);
    String line = "x\"" + text + "\"";
    assertEquals(asTheFormatterReadsIt(text), EventTimeClock.parse(line, 2, line.length() - 1), text);
  }

  @Property(tries = 500)
  void otherShapesReadAsTheFormatterReadsThem(@ForAll("otherShapes") String text) {
    assertEquals(asTheFormatterReadsIt(text), EventTimeClock.parse(text, 0, text.length()), text);
  }

  @Provide
  Arbitrary<String> otherShapes() {
    return Arbitraries.of(
        "2024-03-01T10:00:05.123Z", "2024-03-01T10:00:05+02:00", "2024-03-01T10:00Z", "2024-03-01 10:00:05Z",
        "2024-03-01T10:00:05z", "2024-3-01T10:00:05Z", "+2024-03-01T10:00:05Z", "2024-02-29T10:00:05Z",
        "2023-02-29T10:00:05Z", "2024-03-01T24:00:00Z", "2024-03-01T10:00:60Z", "", "2024-03-01T10:0a:05Z");
  }
}
