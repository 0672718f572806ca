package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  @Test
  void versionPrintsTheProjectVersion() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--version"));
    assertTrue(out.toString().startsWith("ossec-aws "), out.toString());
    assertTrue(!out.toString().contains("${"), "version not filtered: " + out);
  }

  @Test
  void aCommandLineNamingASubcommandBuildsThatOneAlone() {
    assertEquals(java.util.Set.of("lint"), Main.commandLineFor(new String[] {"lint", "ruleset"}).getSubcommands().keySet());
    assertEquals(java.util.Set.of("cloudtrail"), Main.commandLineFor(new String[] {"cloudtrail", "flatten"}).getSubcommands().keySet());
    for (String[] args : new String[][] {{}, {"help", "logtest"}, {"--version"}, {"nosuch"}}) {
      assertEquals(Main.commandLine().getSubcommands().keySet(), Main.commandLineFor(args).getSubcommands().keySet(),
          String.join(" ", args));
    }
  }

  /** logtest reads its own command line; its help is picocli's, from the same table, either way asked. */
  @Test
  void logtestHelpIsTheSameAskedOfLogtestOrOfHelp() {
    java.io.PrintStream saved = System.out;
    java.io.ByteArrayOutputStream direct = new java.io.ByteArrayOutputStream();
    try {
      System.setOut(new java.io.PrintStream(direct, true, java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(0, Main.execute("logtest", "--help"));
    } finally {
      System.setOut(saved);
    }
    StringWriter viaHelp = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(viaHelp));
    assertEquals(0, cli.execute("help", "logtest"));

    String usage = direct.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(viaHelp.toString(), usage);
    assertTrue(usage.startsWith("Usage: ossec-aws logtest [-adhqtvV] [--help] [--version] [-c=config]"), usage);
    assertTrue(usage.contains("  -U=rule:alert:decoder    Unit test: the expected rule id, level and decoder."), usage);
  }

  @Test
  void everyCommandHasHelp() {
    CommandLine cli = Main.commandLine();
    for (CommandLine sub : cli.getSubcommands().values()) {
      assertTrue(sub.getCommandSpec().mixinStandardHelpOptions()
          || sub.getCommandSpec().optionsMap().containsKey("--help")
          || sub.getCommandName().equals("help"),
          sub.getCommandName() + " has no --help");
    }
  }

  @Test
  void noCommandPrintsTheUsageOnStderrAndExitsTwo() {
    for (String[] args : new String[][] {{}, {"cloudtrail"}}) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      assertEquals(2, cli.execute(args), String.join(" ", args));
      assertEquals("", out.toString());
      assertTrue(err.toString().startsWith("Usage: ossec-aws"), err.toString());
    }
  }

  @Test
  void fileErrorsSayWhatWentWrongWithWhichFile() {
    assertEquals("no such file or directory: /x/id-ranges.txt",
        Main.userMessage(new NoSuchFileException("/x/id-ranges.txt")));
    assertEquals("permission denied: /x/rules.xml", Main.userMessage(new AccessDeniedException("/x/rules.xml")));
    assertEquals("/tmp: Is a directory", Main.userMessage(new FileSystemException("/tmp", null, "Is a directory")));
  }
}
