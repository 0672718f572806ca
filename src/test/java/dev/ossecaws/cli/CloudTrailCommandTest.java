package dev.ossecaws.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CloudTrailCommandTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  private String flatten(String... args) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, US_ASCII));
    try {
      run(args);
    } finally {
      System.setOut(saved);
    }
    return out.toString(US_ASCII);
  }

  @Test
  void flattenWritesOneLinePerRecordOfEachFileAndReportsBadFilesByName() throws Exception {
    Path plain = Files.writeString(dir.resolve("a.json"), "{\"Records\":[{\"eventName\":\"A\"},{\"eventName\":\"B\"}]}");
    Path gzipped = dir.resolve("b.json.gz");
    try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      gz.write("{\"Records\":[{\"eventName\":\"C\"}]}".getBytes(UTF_8));
    }
    Path bad = Files.writeString(dir.resolve("c.json"), "{\"Records\":5}");

    String out = flatten("cloudtrail", "flatten", plain.toString(), bad.toString(), gzipped.toString());

    assertEquals("\"AmazonAWS\":\"eventName\":\"A\"\n\"AmazonAWS\":\"eventName\":\"B\"\n\"AmazonAWS\":\"eventName\":\"C\"\n", out);
    assertEquals("flatten: " + bad + ": Records is a number, not an array\n",
        err.toString());
  }

  @Test
  void flattenExitsOneWhenAFileFailsAndJsonFormatKeepsRecordsWhole() throws Exception {
    Path plain = Files.writeString(dir.resolve("a.json"), "{\"Records\":[{\"b\":1,\"eventName\":\"A\"}]}");
    assertEquals("{\"b\":1,\"eventName\":\"A\"}\n", flatten("cloudtrail", "flatten", "--format", "json", plain.toString()));
    assertEquals(1, run("cloudtrail", "flatten", dir.resolve("missing.json").toString()));
    assertEquals("flatten: " + dir.resolve("missing.json") + ": no such file\n", err.toString());
  }

  @Test
  void flattenReadsANamedPipe() throws Exception {
    Path fifo = dir.resolve("records.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Thread writer = new Thread(() -> {
      try {
        Files.writeString(fifo, "{\"Records\":[{\"eventName\":\"A\"}]}");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    assertEquals("\"AmazonAWS\":\"eventName\":\"A\"\n", flatten("cloudtrail", "flatten", fifo.toString()));
    writer.join();
    assertEquals("", err.toString());
  }

  @Test
  void badUsageExitsTwoWithAMessageAndNoStackTrace() {
    assertEquals(2, run("cloudtrail", "fetch", "-l", dir.resolve("log").toString()));
    assertTrue(err.toString().startsWith("Missing required option: '--bucket=BUCKET'"), err.toString());
    assertEquals(2, run("cloudtrail", "flatten", "--max-line-bytes", "10", "x"));
    assertTrue(err.toString().contains("--max-line-bytes must be at least 1024: 10"), err.toString());
    assertEquals(2, run("cloudtrail", "fetch", "-b", "x", "-l", "y", "--interval", "soon"));
    assertTrue(err.toString().contains("expected a duration such as 300s, 5m or 1h: 'soon'"), err.toString());
    assertTrue(!err.toString().contains("\tat "), err.toString());
  }
}
