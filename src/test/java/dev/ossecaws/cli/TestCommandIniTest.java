package dev.ossecaws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ossecaws.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestCommandIniTest {
  static final String SSHD = "Feb  9 11:44:56 someserver sshd[1234]: error: Could not stat AuthorizedKeysCommand"
      + " \"/usr/local/sbin/ssh-ldap-authorized_keys\": No such file or directory";

  @TempDir Path dir;

  int run(StringWriter out, String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    return cli.execute(args);
  }

  @Test
  void iniModePrintsFailuresAndCountsAndFailsOnlyOnUnexpectedOnes() throws Exception {
    Path ini = Files.createDirectories(dir.resolve("ini"));
    Files.writeString(ini.resolve("sshd.ini"), "[right]\nlog 1 pass = " + SSHD + "\nrule = 5739\nalert = 4\ndecoder = sshd\n\n"
        + "[wrong level]\nlog 1 pass = " + SSHD + "\nrule = 5739\nalert = 5\ndecoder = sshd\n");
    String home = SharedData.ossecHome().toString();
    StringWriter out = new StringWriter();
    assertEquals(1, run(out, "test", "--ini", ini.toString(), "-D", home));
    String failure = "sshd.ini [wrong level] log 1 pass  rc=1  expected 5739:5:sshd";
    assertEquals(failure + "\n1 passed, 1 failed\n", out.toString());

    Path known = dir.resolve("known.txt");
    Files.writeString(known, failure + "\n");
    StringWriter knownOut = new StringWriter();
    assertEquals(0, run(knownOut, "test", "--ini", ini.toString(), "-D", home, "--known-failures", known.toString()));
    assertEquals(failure + "  (known)\n1 passed, 1 failed (0 unexpected)\n", knownOut.toString());
  }

  @Test
  void anIniDirectoryWithoutTestsIsUnusableInputNotAPass() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("test", "--ini", empty.toString(), "-D", dir.toString()));
    assertEquals("test: no .ini tests under " + empty + "\n", err.toString());
  }
}
