package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
  void everyCommandHasHelp() {
    CommandLine cli = Main.commandLine();
    for (CommandLine sub : cli.getSubcommands().values()) {
      assertTrue(sub.getCommandSpec().mixinStandardHelpOptions()
          || sub.getCommandSpec().optionsMap().containsKey("--help")
          || sub.getCommandName().equals("help"),
          sub.getCommandName() + " has no --help");
    }
  }
}
