package dev.ossecaws.output;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The report's bytes: byte strings as their bytes, numbers in decimal. */
class ReportBufferTest {
  @Test
  void numbersAreWrittenAsLongToStringWritesThem() {
    long[] numbers = {0, 7, 10, 99, 1_767_225_600L, -1, -10, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
    for (long number : numbers) {
      assertEquals(Long.toString(number), new ReportBuffer(1).append(number).toString());
    }
  }

  @Test
  void byteStringsGoOutAsTheirBytesAndTheBufferGrows() throws IOException {
    ReportBuffer buffer = new ReportBuffer(2).append("caf\u00c3\u00a9 \u00ff").append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    buffer.writeTo(out);
    assertEquals(0, buffer.length());
    byte[] expected = {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9, ' ', (byte) 0xff, '\n'};
    assertEquals(new String(expected, ISO_8859_1),
        new String(out.toByteArray(), ISO_8859_1));
  }
}
