package dev.ossecaws.cli;

import dev.ossecaws.cloudtrail.CloudTrailFormatException;
import dev.ossecaws.cloudtrail.LineFormat;
import dev.ossecaws.cloudtrail.RecordLine;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ossec-aws cloudtrail flatten FILE...}: local CloudTrail files to lines on standard output. */
@Command(
    name = "flatten",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one line per record of local CloudTrail log files ({\"Records\":[...]}, .json or .json.gz)"
          + " to standard output, in the same format as fetch: for offline use and for piping into logtest.",
      "A file that cannot be read is reported with its name and the others go on (exit code 1)."
    })
final class FlattenCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "CloudTrail log files, gzipped or not; - for standard input.")
  List<Path> files;

  @Option(names = "--format", paramLabel = "ossec|json", defaultValue = "ossec",
      converter = FetchCommand.FormatConverter.class,
      description = "ossec: the ruleset's line format (default); json: one compact JSON record per line.")
  LineFormat format;

  @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "" + RecordLine.DEFAULT_MAX_BYTES,
      description = "The longest line (default ${DEFAULT-VALUE}, what OSSEC's agent reads whole); longer records are shortened.")
  int maxLineBytes;

  @Override
  public Integer call() throws IOException {
    FetchCommand.checkMaxLineBytes(spec, maxLineBytes);
    int failures = 0;
    OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
    for (Path file : files) {
      // FileInputStream, not Files.newInputStream: its channel stream asks pipes for their position
      // ("Illegal seek"), and `flatten <(zcat ...)` must work.
      try (InputStream in = file.toString().equals("-") ? System.in : new FileInputStream(file.toFile())) {
        format.copy(in, maxLineBytes, out);
      } catch (FileNotFoundException e) {
        failures += report(out, file + ": " + whyUnopenable(file));
      } catch (CloudTrailFormatException e) {
        failures += report(out, file + ": " + e.getMessage());
      } catch (IOException e) {
        failures += report(out, file + ": cannot read: " + e.getMessage()); // the system's reason, e.g. "Input/output error"
      }
    }
    out.flush();
    spec.commandLine().getErr().flush();
    return failures == 0 ? 0 : Main.EXIT_FAILURES;
  }

  /** Why FileInputStream could not open {@code file}: its exception says it only inside the system's text. */
  private static String whyUnopenable(Path file) {
    if (Files.isDirectory(file)) return "is a directory";
    if (!Files.exists(file)) return "no such file";
    return "permission denied";
  }

  /** Reports a file that could not be flattened, after the lines written before it; counts 1. */
  private int report(OutputStream out, String message) throws IOException {
    out.flush();
    spec.commandLine().getErr().println(spec.name() + ": " + message);
    return 1;
  }
}
