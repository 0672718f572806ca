package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class QueueOptionsTest {
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int fetch(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    String[] all = new String[args.length + 6];
    System.arraycopy(new String[] {"cloudtrail", "fetch", "-b", "trail", "-l", "/nonexistent/amazon.log"}, 0, all, 0, 6);
    System.arraycopy(args, 0, all, 6, args.length);
    return cli.execute(all);
  }

  @Test
  void listingOptionsAreRefusedWithAQueueInOneLine() {
    assertEquals(Main.EXIT_USAGE, fetch("--queue-url", "https://sqs.us-east-1.amazonaws.com/1/q", "--since", "2024-01-01"));
    assertEquals("--since applies to listing the bucket, not to --queue-url", err.toString().lines().findFirst().orElse(""));
  }

  @Test
  void aClaimsLocationMustBeAnS3Url() {
    assertEquals(Main.EXIT_USAGE, fetch("--queue-url", "https://sqs.us-east-1.amazonaws.com/1/q", "--claims", "/tmp/claims"));
    assertEquals("--claims must be s3://BUCKET/PREFIX: /tmp/claims", err.toString().lines().findFirst().orElse(""));
  }

  @Test
  void aLeaseOutsideWhatSqsAllowsIsRefused() {
    assertEquals(Main.EXIT_USAGE, fetch("--queue-url", "https://sqs.us-east-1.amazonaws.com/1/q", "--lease", "12h"));
    assertEquals("--lease must be from 2s to under 12h (SQS's limit): PT12H", err.toString().lines().findFirst().orElse(""));
  }

  @Test
  void theHelpDescribesTheQueueOptions() {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertEquals(0, cli.execute("cloudtrail", "fetch", "--help"));
    for (String option : new String[] {"--queue-url", "--claims", "--lease", "--wait-seconds", "--sqs-endpoint-url"}) {
      assertTrue(out.toString().contains(option), option);
    }
  }
}
