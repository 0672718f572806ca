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
    assertEquals(java.util.Set.of("logtest"), Main.commandLineFor(new String[] {"logtest", "-q"}).getSubcommands().keySet());
    assertEquals(java.util.Set.of("cloudtrail"), Main.commandLineFor(new String[] {"cloudtrail", "flatten"}).getSubcommands().keySet());
    for (String[] args : new String[][] {{}, {"help", "logtest"}, {"--version"}, {"nosuch"}}) {
      assertEquals(Main.commandLine().getSubcommands().keySet(), Main.commandLineFor(args).getSubcommands().keySet(),
          String.join(" ", args));
    }
  }

  @Test
  void theSubcommandBuiltAloneKeepsItsOwnParameterErrors() {
    // logtest answers a bad short option as ossec-logtest does (exit 1), not as picocli (exit 2):
    // the handler must reach a subcommand added after the root was made.
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLineFor(new String[] {"logtest", "-x"});
    cli.setErr(new PrintWriter(err));
    assertEquals(1, cli.execute("logtest", "-x"));
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
