package dev.ossecaws.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.ossecaws.decode.DecoderException;
import dev.ossecaws.engine.Clock;
import dev.ossecaws.engine.ConfigException;
import dev.ossecaws.engine.Engine;
import dev.ossecaws.engine.ManagerConfig;
import dev.ossecaws.engine.Verdict;
import dev.ossecaws.output.JsonReport;
import dev.ossecaws.output.LogtestReport;
import dev.ossecaws.output.ReportBuffer;
import dev.ossecaws.output.RuleReport;
import dev.ossecaws.output.UnitTestReport;
import dev.ossecaws.predecode.LineReader;
import dev.ossecaws.rule.Firing;
import dev.ossecaws.rule.RuleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ossec-aws logtest}: OSSEC 4.3.0's {@code ossec-logtest}, answering byte for byte, with
 * its options read the same way ({@code -qD dir}, {@code -cfile}; {@link LogtestOptions}).
 *
 * <p>Differences, all deliberate: everything OSSEC prints to stderr (start-up lines, the report)
 * goes to stdout (with {@code --format json}, the log lines go to stderr so stdout is JSON alone),
 * and errors go to stderr; {@code -c} defaults to {@code <-D>/etc/ossec.conf};
 * {@code -h} and {@code -V} print OSSEC's texts while {@code --help} and {@code --version} print
 * ours. Exit codes are OSSEC's: 0, 1 for a command line or configuration OSSEC refuses; our own
 * options' mistakes are usage errors (2), told in one line.
 */
public final class LogtestCommand {
  static final int EXIT_REFUSED = 1;
  /**
   * OSSEC's getopt names the program by its argv[0]; we name the program we answer for, as {@code
   * -h} and {@code -V} print its texts unchanged: the line then reads as ossec-logtest's own when
   * run from its bin directory or the PATH.
   */
  static final String OSSEC_PROGRAM = "ossec-logtest";
  private static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss ");
  private static final String QUIETED = "ossec-testrule: INFO: Reading decoder file ";
  /** Reports go out in writes of about this many bytes. */
  private static final int FLUSH_AT = 64 * 1024;

  private final InputStream in;
  private final OutputStream out;
  private final OutputStream err;
  private LogtestOptions options;

  public LogtestCommand() {
    this(System.in, System.out, System.err);
  }

  LogtestCommand(InputStream in, OutputStream out, OutputStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Runs with the arguments that follow {@code logtest}; the exit code. */
  public int run(List<String> args) throws IOException {
    LogtestOptions.Reading reading = LogtestOptions.read(args);
    LogtestOptions.Stop stop = reading.stop();
    if (stop != null) {
      return switch (stop.reason()) {
        case VERSION -> printNow(out, OssecTexts.VERSION, 0);
        case HELP -> printNow(out, OssecTexts.HELP, 0);
        case INVALID_OPTION -> printNow(err,
            OSSEC_PROGRAM + ": invalid option -- '" + stop.detail() + "'\n" + OssecTexts.HELP, EXIT_REFUSED);
        case MISSING_ARGUMENT -> printNow(err,
            OSSEC_PROGRAM + ": option requires an argument -- '" + stop.detail() + "'\n" + OssecTexts.HELP,
            EXIT_REFUSED);
        case USAGE -> usageError(stop.detail());
        case USAGE_HELP -> printNow(out, Main.commandLineFor(new String[] {LogtestOptions.NAME})
            .getSubcommands().get(LogtestOptions.NAME).getUsageMessage(), 0);
        case VERSION_HELP -> printNow(out, String.join("\n", new Main.Version().getVersion()) + "\n", 0);
      };
    }
    options = reading.options();
    ReportBuffer report = new ReportBuffer(2 * FLUSH_AT);
    try {
      return run(report);
    } finally {
      report.writeTo(out);
      out.flush();
    }
  }

  /**
   * Reports go into {@code report}, which goes to stdout whenever it passes {@link #FLUSH_AT}.
   * With {@code --format json} the log lines go to stderr, each event's as one write.
   */
  private int run(ReportBuffer report) throws IOException {
    String format = options.format();
    if (!format.equals("text") && !format.equals("json")) {
      return usageError("bad --format '" + format + "': expected text or json");
    }
    Clock eventClock;
    try {
      eventClock = Clock.parse(options.clock());
    } catch (IllegalArgumentException e) {
      return usageError(e.getMessage());
    }
    UnitTestReport.Expected expected = null;
    if (options.unitTest() != null) {
      expected = UnitTestReport.Expected.parse(options.unitTest());
      if (expected == null) {
        ReportBuffer malformed = new ReportBuffer(256);
        logLines(malformed, eventClock, List.of(UnitTestReport.MALFORMED));
        malformed.writeTo(err);
        return EXIT_REFUSED;
      }
    }
    boolean json = format.equals("json");
    // JSON goes to scripts: OSSEC's log lines would break it, so they go to stderr beside errors.
    ReportBuffer logs = json ? new ReportBuffer(4096) : report;
    OutputStream logStream = json ? err : out;
    List<String> startup = new ArrayList<>();
    Engine engine;
    try {
      Engine.Builder builder =
          Engine.builder().config(managerConfig()).clock(eventClock).traceRules(options.verbose() && !options.alerts());
      if (options.hostname() != null) builder.hostname(byteString(options.hostname()));
      engine = builder.load(startup::add);
    } catch (ConfigException e) {
      return refused(logs, logStream, eventClock, startup, e.ossecMessages(), e.getMessage());
    } catch (DecoderException e) {
      return refused(logs, logStream, eventClock, startup, e.lines(), e.getMessage());
    } catch (RuleException e) {
      return refused(logs, logStream, eventClock, startup, e.ossecLines(), e.getMessage());
    }
    logLines(logs, eventClock, startup);
    if (!options.testConfiguration()) {
      logLines(logs, eventClock, List.of("ossec-testrule: INFO: Started (pid: " + ProcessHandle.current().pid() + ")."));
    }
    if (json) logs.writeTo(err);
    if (options.testConfiguration()) return 0;
    if (!options.alerts() && !json) report.append(LogtestReport.SESSION_START);
    LineReader lines = new LineReader(in);
    int exit = 0;
    int alertCount = 0;
    for (String line = lines.next(); line != null; line = lines.next()) {
      Verdict verdict = engine.process(line);
      Verdict.Ruled ruled = verdict.ruled();
      String stamp = ruled.messages().isEmpty() && ruled.trailingMessages().isEmpty() ? "" : stamp(eventClock);
      Firing firing = ruled.firing();
      if (json) {
        LogtestReport.logLines(logs, stamp, ruled.messages());
        JsonReport.write(report, verdict);
        LogtestReport.logLines(logs, stamp, ruled.trailingMessages());
        if (logs.length() > 0) logs.writeTo(err);
      } else if (options.alerts()) {
        if (verdict.decoded().accumulated()) report.append(LogtestReport.ACCUMULATED);
        LogtestReport.logLines(report, stamp, ruled.messages());
        if (firing != null && firing.alert()) RuleReport.alert(report, firing, ruled.alerted(), ++alertCount);
        LogtestReport.logLines(report, stamp, ruled.trailingMessages());
      } else {
        LogtestReport.write(report, verdict, stamp);
      }
      if (expected != null) {
        UnitTestReport unit = UnitTestReport.of(expected, verdict.decoded().decoderName(), firing);
        unit.write(report);
        if (unit.code() == UnitTestReport.NO_RULE) {
          logLines(report, eventClock, List.of(unit.noRuleMessage()));
          return UnitTestReport.NO_RULE;
        }
        exit = unit.code();
        if (exit == 0) report.append("0\n");
      }
      if (report.length() >= FLUSH_AT) report.writeTo(out);
    }
    return exit;
  }

  private int usageError(String message) throws IOException {
    return printNow(err, LogtestOptions.NAME + ": " + message + "\n", Main.EXIT_USAGE);
  }

  private static int printNow(OutputStream stream, String text, int exit) throws IOException {
    stream.write(text.getBytes(ISO_8859_1));
    stream.flush();
    return exit;
  }

  /** OSSEC's time stamp of a log line written now. */
  private static String stamp(Clock eventClock) {
    return LOG_STAMP.format(eventClock.timeOf(""));
  }

  /**
   * The command line's text as a byte string, as the report wrote it: what ISO-8859-1 lacks
   * becomes '?'.
   */
  private static String byteString(String text) {
    return new String(text.getBytes(ISO_8859_1), ISO_8859_1);
  }

  private ManagerConfig managerConfig() throws ConfigException, IOException {
    return ManagerOptions.of(options.home(), options.config(), options.ruleset());
  }

  /**
   * The start-up lines where log lines go, then OSSEC's error lines and where the fault is on
   * stderr (through the same buffer, emptied first); exit 1 as OSSEC.
   */
  private int refused(
      ReportBuffer logs, OutputStream logStream, Clock eventClock, List<String> startup, List<String> ossecLines,
      String where) throws IOException {
    logLines(logs, eventClock, startup);
    logs.writeTo(logStream);
    logStream.flush();
    logLines(logs, eventClock, ossecLines);
    logs.append((LogtestOptions.NAME + ": " + where + "\n").getBytes(ISO_8859_1));
    logs.writeTo(err);
    err.flush();
    return EXIT_REFUSED;
  }

  /**
   * OSSEC's log lines: local time stamp, then the text. These are text, not byte strings (paths
   * from the command line): encoded, '?' for what ISO-8859-1 lacks.
   */
  private void logLines(ReportBuffer logs, Clock eventClock, List<String> messages) {
    String stamp = stamp(eventClock);
    for (String message : messages) {
      if (options.quiet() && message.startsWith(QUIETED)) continue;
      logs.append((stamp + message + "\n").getBytes(ISO_8859_1));
    }
  }
}
